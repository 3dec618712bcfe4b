// LexerTests — tokens and their ranges for every lexical rule of LANGUAGE.md §2.

import Testing
@testable import CalcCore

func kinds(_ text: String) -> [TokenKind] {
    Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind).filter { $0 != .eof }
}

@Suite("lexer")
struct LexerTests {
    @Test("numbers", arguments: [
        ("42", Number.rational(42, 1)), ("3.14", .float(3.14)), (".5", .float(0.5)), ("1e-3", .float(0.001)),
        ("2.5E+4", .float(25000)), ("1_000_000", .rational(1_000_000, 1)), ("99999999999999999999", .approximate(1e20)),
    ])
    func numbers(_ text: String, _ value: Number) {
        #expect(kinds(text) == [.number(value)])
    }

    @Test("names: Unicode letters, subscripts, underscores")
    func names() {
        #expect(kinds("η θ x₁ w_2 θ0 _a") == [.name("η"), .name("θ"), .name("x₁"), .name("w_2"), .name("θ0"), .name("_a")])
    }

    @Test("operator aliases: ** · × − √")
    func aliases() {
        #expect(kinds("a**b") == [.name("a"), .caret, .name("b")])
        #expect(kinds("a·b×c") == [.name("a"), .star, .name("b"), .star, .name("c")])
        #expect(kinds("a − b") == [.name("a"), .minus, .name("b")])
        #expect(kinds("√x") == [.sqrt, .name("x")])
    }

    @Test("derivative forms are single tokens; spaced d / dx is division")
    func derivativeForms() {
        #expect(kinds("d/dx") == [.dOperator("x")])
        #expect(kinds("d / dx") == [.name("d"), .slash, .name("dx")])
        #expect(kinds("∂f/∂x") == [.partial(function: "f", variables: ["x"])])
        #expect(kinds("∂²f/∂x∂y") == [.partial(function: "f", variables: ["x", "y"])])
        #expect(kinds("∂²f/∂x²") == [.partial(function: "f", variables: ["x", "x"])])
        #expect(kinds("∇f") == [.nabla, .name("f")])
        #expect(kinds("f''") == [.name("f"), .prime, .prime])
        #expect(kinds("x²") == [.name("x"), .superscript(2)])
    }

    @Test("newlines are tokens (the parser skips them inside brackets); comments vanish")
    func newlines() {
        #expect(kinds("a\nb") == [.name("a"), .newline, .name("b")])
        #expect(kinds("(a\nb)") == [.lparen, .name("a"), .newline, .name("b"), .rparen])
        #expect(kinds("#!/usr/bin/env calc\nx # note") == [.newline, .name("x")])
        #expect(kinds("a; b") == [.name("a"), .semicolon, .name("b")])
    }

    @Test("meta commands keep their argument text")
    func meta() {
        #expect(kinds(":load \"a b.calc\"") == [.meta(command: "load", argument: "\"a b.calc\"")])
        #expect(kinds(":digits 5; x") == [.meta(command: "digits", argument: "5"), .semicolon, .name("x")])
    }

    @Test("ranges are in characters")
    func ranges() {
        let toks = Lexer.tokenize(SourceFile(name: "t", text: "θ + ∂f/∂x")).tokens
        #expect(toks[0].range == SourceRange(0, 1))
        #expect(toks[1].range == SourceRange(2, 3))
        #expect(toks[2].range == SourceRange(4, 9))
    }

    @Test("bad input becomes diagnostics, not crashes", arguments: [
        ("1_", DiagnosticID.badNumber), ("x $ y", .unexpectedCharacter), ("\"open", .unterminatedString),
        ("\u{FFFD}", .unexpectedCharacter), ("1e999", .badNumber),
    ])
    func errors(_ text: String, _ id: DiagnosticID) {
        let (_, diags) = Lexer.tokenize(SourceFile(name: "t", text: text))
        #expect(diags.map(\.id).contains(id))
    }

    @Test("continuation: open brackets or a trailing operator")
    func continuation() {
        #expect(Lexer.needsContinuation("f(x, "))
        #expect(Lexer.needsContinuation("x +"))
        #expect(!Lexer.needsContinuation("f(x)"))
        #expect(!Lexer.needsContinuation("x + 1 # (comment"))
    }
}
