// ReadFailure — why the caller's file hook could not read or write a file
// (`:load`, `plot … to`). The library does no I/O itself: the executable
// passes closures that do, and they answer with this (and, for a write,
// with a FileWrite: whether a file was created or an old one replaced).

public struct ReadFailure: Error, Sendable {
    public let message: String
    /// The target is a symbolic link, which a write neither follows nor replaces.
    public let isSymbolicLink: Bool
    /// Ctrl-C ended the wait for the file (a FIFO, a slow device): the caller
    /// reports the interrupted error, not a failure to read (`message` is empty).
    public let isInterrupted: Bool
    public init(_ message: String, isSymbolicLink: Bool = false) {
        self.message = message
        self.isSymbolicLink = isSymbolicLink
        self.isInterrupted = false
    }
    private init(interrupted: Void) {
        message = ""
        isSymbolicLink = false
        isInterrupted = true
    }
    /// The read was stopped by Ctrl-C.
    public static let interrupted = ReadFailure(interrupted: ())
}

/// What a successful write did to the name it was given.
public enum FileWrite: Sendable, Equatable {
    /// No file had that name.
    case created
    /// A file had that name; it was replaced whole.
    case replaced
}
