// SyntaxMessage — what the lexer and the parser say: unexpected characters,
// malformed numbers, "expected X, found Y", unclosed brackets, limits.
// Worded by Rendering/Catalogue/English+Syntax.swift.

public enum SyntaxMessage: Sendable, Equatable {
}
