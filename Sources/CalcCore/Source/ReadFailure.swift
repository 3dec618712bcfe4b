// ReadFailure — why the caller's file hook could not read or write a file
// (`:load`, `plot … to`). The library does no I/O itself: the executable
// passes closures that do, and they answer with this.

public struct ReadFailure: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
