/// Fixed journal MESSAGE_IDs, one per kind of message, so `journalctl MESSAGE_ID=…` selects a kind
/// and `journalctl -x` finds its explanation in `systemd/incidentd.catalog`. Never change a value:
/// users' saved queries and the catalog depend on it.
public enum MessageID: String, Sendable, CaseIterable {
    case incidentNew = "a47409a06be64120be18d8fdbbce7de0"
    case incidentUpdated = "cde5cabad9ec4917bd2132ffc1b1fa29"
    case articleDuplicate = "0032327fabfa4b33a73a590a9ebd4d0c"
    case fileRejected = "847721b791ee4e39a0d4e6098319d945"
    case daemonStarted = "ece8251769de43c4bff38ac8963074d1"
    case daemonStopped = "86fdd0b0e4c4476ebc7e11c2270dfcab"
    case articleNoIncident = "3df1cabd91354ed1b609c8c9f7fae07d"
    case storageProblem = "1123e5ccd30d45bab1641bf14a5657da"
    case configReloaded = "a69a997b59b24cb1a3e4a277d95df8df"
    case inboxProblem = "1082f1a15d07485c8eb365ea562ecaa8"
}
