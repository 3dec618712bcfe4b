// SessionMessage — what the session itself says: meta commands (`:load`,
// `:digits`, …), results too large to print, interruptions.
// Worded by Rendering/Catalogue/English+Session.swift.

public enum SessionMessage: Sendable, Equatable {
}
