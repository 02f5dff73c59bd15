/// Why a file's bytes are not an article the daemon can read; `detail` is written for the user.
public struct TextDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad reason, for the caller's decision (reject, quarantine, count).
    public enum Reason: Sendable, Hashable {
        /// No bytes, or only whitespace (after HTML reduction: no text at all).
        case empty
        /// NUL bytes or many control characters: not a text file.
        case binary
        /// Text-like, but not in any encoding we can read reliably.
        case undecodable
    }

    /// The broad reason.
    public var reason: Reason
    /// What a user needs to know, e.g. "contains NUL bytes at offset 12: not a text file".
    public var detail: String

    /// Creates an error.
    public init(reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// "binary: contains NUL bytes at offset 12: not a text file".
    public var description: String {
        switch reason {
        case .empty: "empty: \(detail)"
        case .binary: "binary: \(detail)"
        case .undecodable: "undecodable: \(detail)"
        }
    }
}
