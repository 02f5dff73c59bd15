/// Why a store operation failed, with a message that says what the user can do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case cannotOpen, diskFull, busy, corrupt, invalidData, other
    }

    public let code: Code
    public let message: String
    public let underlying: String?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying.map { "\($0)" }
    }

    public var description: String { message }
}
