/// What happened to one journal entry. Only `.sent` means journald has it.
public enum JournalSendResult: Sendable, Equatable, CustomStringConvertible {
    /// journald accepted the datagram.
    case sent
    /// journald is not there (no socket, nobody listening, entry rejected); the text says why.
    case unavailable(String)
    /// journald is not reading its socket (receive queue full): sending now would block.
    case stalled

    /// True for `.sent`.
    public var isSent: Bool { self == .sent }

    /// A short explanation for a log line.
    public var description: String {
        switch self {
        case .sent: "sent"
        case .unavailable(let reason): "journald unavailable: \(reason)"
        case .stalled: "journald stalled (socket receive queue full)"
        }
    }
}
