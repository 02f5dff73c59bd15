"""Synthetic article generator for benchmarks: distinct incidents (place, date, toll vary), so
none is a duplicate of another. Written for incidentd; no corpus text is used."""
import random

TOWNS = [
    ("Al-Mayadeen", "Deir Ezzor"), ("Albukamal", "Deir Ezzor"), ("Aleppo", "Aleppo"), ("Idlib", "Idlib"),
    ("Homs", "Homs"), ("Hama", "Hama"), ("Raqqa", "Raqqa"), ("Mosul", "Nineveh"), ("Kirkuk", "Kirkuk"),
    ("Kharkiv", "Kharkiv"), ("Kherson", "Kherson"), ("Zaporizhzhia", "Zaporizhzhia"), ("Mogadishu", "Banaadir"),
    ("Kandahar", "Kandahar"), ("Peshawar", "Khyber Pakhtunkhwa"), ("Sanaa", "Sanaa"), ("Marib", "Marib"),
    ("Tripoli", "Tripoli"), ("Benghazi", "Benghazi"), ("Nabatieh", "Nabatieh"),
]
KINDS = [("An airstrike", "struck"), ("A drone strike", "hit"), ("Artillery shelling", "pounded"), ("A missile strike", "hit")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
FILLER = [
    "Residents described several loud explosions followed by ambulances racing through the streets.",
    "Local officials said rescue teams were still searching the rubble in the afternoon.",
    "The area has seen repeated attacks in recent months as fighting intensified nearby.",
    "Witnesses said a column of smoke could be seen from the outskirts of the town.",
    "A hospital director said several of the wounded were in a critical condition.",
    "Aid groups called for an independent investigation into the attack.",
]


def article(i: int, seed: int = 7) -> str:
    r = random.Random(seed * 1_000_003 + i)
    town, province = TOWNS[i % len(TOWNS)]
    kind, verb = KINDS[(i // len(TOWNS)) % len(KINDS)]
    year = 2000 + (i // 360) % 25
    month = (i // 30) % 12
    day = 1 + i % 28
    killed, injured = r.randint(1, 40), r.randint(0, 60)
    paras = r.sample(FILLER, k=4)
    body = [
        f"{kind} {verb} {town} killing {killed}",
        "",
        f"Regional Wire Service — {MONTHS[month]} {day}, {year}",
        "",
        f"{kind} {verb} a district of {town} in {province} province on {MONTHS[month]} {day}, killing {killed} people "
        f"and wounding {injured} others, officials said. Reference {i}-{seed}.",
        "",
    ] + [p + "\n" for p in paras]
    return "\n".join(body)
