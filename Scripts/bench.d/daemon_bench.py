"""Drop-to-journal latency and burst throughput of the real incidentd, measured with journald's
receive timestamps (__REALTIME_TIMESTAMP) so journald's follower wake-up delay does not count."""
import argparse, json, os, resource, shutil, signal, statistics, subprocess, sys, tempfile, time, uuid

sys.path.insert(0, os.path.dirname(__file__))
from articles import article  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--drops", type=int, default=200)
ap.add_argument("--burst", type=int, default=2000)
a = ap.parse_args()
BIN = os.environ["BIN"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def journal(ident):
    out = subprocess.run(["journalctl", "-o", "json", "--no-pager", "-t", ident, "--output-fields",
                          "INCIDENT_SOURCE_FILE,REJECT_FILE,MESSAGE_ID,__REALTIME_TIMESTAMP"],
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            pass
    return rows


def first_seen(ident):
    seen = {}
    for e in journal(ident):
        f = e.get("INCIDENT_SOURCE_FILE") or e.get("REJECT_FILE")
        if f and f not in seen:
            seen[f] = int(e["__REALTIME_TIMESTAMP"]) / 1e6
    return seen


def start(tmp, ident):
    for d in ("inbox", "staging"):
        os.makedirs(os.path.join(tmp, d), exist_ok=True)
    conf = os.path.join(tmp, "config.toml")
    open(conf, "w").write("")
    p = subprocess.Popen([os.path.join(BIN, "incidentd"), "--config", conf, "--inbox", f"{tmp}/inbox",
                          "--database", f"{tmp}/state/db.sqlite", "--archive", f"{tmp}/state/archive",
                          "--rejected", f"{tmp}/state/rejected", "--journal-identifier", ident,
                          "--data-directory", os.path.join(ROOT, "Config")],
                         stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        if any(e.get("MESSAGE_ID") == "ece8251769de43c4bff38ac8963074d1" for e in journal(ident)):
            break
        time.sleep(0.05)
    time.sleep(0.3)
    return p


def rss_kb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None


def cpu_seconds(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


rows = []
# Latency: one file at a time, spaced apart.
tmp = tempfile.mkdtemp(prefix="incidentd-bench-")
ident = "incidentd-bench-" + uuid.uuid4().hex[:8]
p = start(tmp, ident)
idle_rss = rss_kb(p.pid)
sent = {}
for i in range(a.drops):
    name = f"lat-{i}.txt"
    path = os.path.join(tmp, "staging", name)
    open(path, "w").write(article(100_000 + i))
    t = time.time()
    os.rename(path, os.path.join(tmp, "inbox", name))
    sent[name] = t
    time.sleep(0.05)
deadline = time.time() + 60
seen = {}
while time.time() < deadline:
    seen = first_seen(ident)
    if all(n in seen for n in sent):
        break
    time.sleep(0.2)
lat = [(seen[n] - t) * 1000 for n, t in sent.items() if n in seen]
p.send_signal(signal.SIGTERM); p.wait(timeout=60)
shutil.rmtree(tmp, ignore_errors=True)
if lat:
    rows.append(("drop-to-journal latency (ms)", f"p50 {pct(lat, 50):.2f}  p99 {pct(lat, 99):.2f}  max {max(lat):.2f}  (n={len(lat)}/{a.drops})"))
rows.append(("idle RSS after start (MB)", f"{(idle_rss or 0) / 1024:.1f}"))

# Burst: N distinct articles renamed into the inbox at once.
tmp = tempfile.mkdtemp(prefix="incidentd-bench-")
ident = "incidentd-bench-" + uuid.uuid4().hex[:8]
p = start(tmp, ident)
names = []
for i in range(a.burst):
    name = f"burst-{i}.txt"
    open(os.path.join(tmp, "staging", name), "w").write(article(i))
    names.append(name)
cpu0 = cpu_seconds(p.pid)
t0 = time.time()
for n in names:
    os.rename(os.path.join(tmp, "staging", n), os.path.join(tmp, "inbox", n))
deadline = time.time() + 600
while time.time() < deadline and os.listdir(os.path.join(tmp, "inbox")):
    time.sleep(0.1)
t_inbox = time.time() - t0
seen = {}
while time.time() < deadline:
    seen = first_seen(ident)
    if all(n in seen for n in names):
        break
    time.sleep(0.5)
last = max((seen[n] for n in names if n in seen), default=t0)
cpu1 = cpu_seconds(p.pid)
peak = rss_kb(p.pid)
p.send_signal(signal.SIGTERM); p.wait(timeout=60)
shutil.rmtree(tmp, ignore_errors=True)
span = last - t0
rows.append((f"burst of {a.burst}: time to last journal entry (s)", f"{span:.2f}  ({len(seen)}/{a.burst} files announced; inbox empty after {t_inbox:.2f} s)"))
rows.append(("burst throughput (articles/s)", f"{a.burst / span:.0f}" if span > 0 else "n/a"))
if cpu0 is not None and cpu1 is not None:
    rows.append(("daemon CPU per article (ms)", f"{(cpu1 - cpu0) / a.burst * 1000:.2f}"))
rows.append(("peak RSS during burst (MB)", f"{(peak or 0) / 1024:.1f}"))

w = max(len(r[0]) for r in rows)
print("incidentd benchmarks (release build, this machine)")
for k, v in rows:
    print(f"  {k.ljust(w)}  {v}")
