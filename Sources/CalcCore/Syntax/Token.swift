// Token — the lexer's output: a kind and the source range it covers.
//
// Derivative notations that are lexical in the language (`d/dx`, `∂f/∂x`,
// superscript exponents) become single tokens here, so the parser sees them
// as one unit and `d / dx` with spaces stays an ordinary division.
// Each token also records its kind's case without the payload (`tag`), so
// the parser can test what comes next without copying names and lists.

public enum TokenKind: Equatable, Sendable {
    case number(Number)          // 42, 3.14, 1_000 — exact for integer literals
    case name(String)
    case string(String)          // "file.svg"
    case plus, minus, star, slash, caret   // + - * / ^   (** → caret, · × → star, − → minus)
    case sqrt                    // √ prefix
    case lparen, rparen, lbracket, rbracket, comma, equals, prime
    case superscript(Int)        // x² → power 2 (may be negative: x⁻¹)
    case dOperator(String)       // d/dx — the variable's name
    indirect case partial(function: String, variables: [String])   // ∂f/∂x, ∂²f/∂x∂y, ∂²f/∂x² (boxed: rare and large)
    case nabla                   // ∇
    indirect case meta(command: String, argument: String)          // :digits 5 (to the end of the statement; boxed)
    case newline                 // ends a statement (not emitted inside brackets)
    case semicolon
    case eof
    case dot                     // θ.W — a named result's element (only directly before a name)
    case matmul                  // @ — the matrix product
    case transpose               // ᵀ — postfix transpose (Aᵀ)
    case colon                   // : — a whole axis inside an index (A[:, 1])

    /// How a token is named in "expected X, found Y" (the catalogue words it).
    public var described: SyntaxMessage.Found {
        switch self {
        case .number(let n): return .number(n.description)
        case .name(let s): return .name(s)
        case .string: return .string
        case .plus: return .symbol("+")
        case .minus: return .symbol("-")
        case .star: return .symbol("*")
        case .slash: return .symbol("/")
        case .caret: return .symbol("^")
        case .sqrt: return .symbol("√")
        case .lparen: return .symbol("(")
        case .rparen: return .symbol(")")
        case .lbracket: return .symbol("[")
        case .rbracket: return .symbol("]")
        case .comma: return .symbol(",")
        case .equals: return .symbol("=")
        case .prime: return .symbol("'")
        case .superscript: return .superscriptExponent
        case .dOperator(let v): return .symbol("d/d\(v)")
        case .partial(let f, let vs): return .symbol("∂\(f)/\(vs.map { "∂" + $0 }.joined())")
        case .nabla: return .symbol("∇")
        case .meta(let c, _): return .metaCommand(c)
        case .newline: return .endOfLine
        case .semicolon: return .symbol(";")
        case .eof: return .endOfInput
        case .dot: return .symbol(".")
        case .matmul: return .symbol("@")
        case .transpose: return .symbol("ᵀ")
        case .colon: return .symbol(":")
        }
    }
}

/// A token kind's case without its payload: cheap to read and compare.
enum TokenTag: UInt8, Sendable {
    case number, name, string, plus, minus, star, slash, caret, sqrt
    case lparen, rparen, lbracket, rbracket, comma, equals, prime
    case superscript, dOperator, partial, nabla, meta, newline, semicolon, eof
    case dot
    case matmul, transpose, colon
}

extension TokenKind {
    var tag: TokenTag {
        switch self {
        case .number: return .number
        case .name: return .name
        case .string: return .string
        case .plus: return .plus
        case .minus: return .minus
        case .star: return .star
        case .slash: return .slash
        case .caret: return .caret
        case .sqrt: return .sqrt
        case .lparen: return .lparen
        case .rparen: return .rparen
        case .lbracket: return .lbracket
        case .rbracket: return .rbracket
        case .comma: return .comma
        case .equals: return .equals
        case .prime: return .prime
        case .superscript: return .superscript
        case .dOperator: return .dOperator
        case .partial: return .partial
        case .nabla: return .nabla
        case .meta: return .meta
        case .newline: return .newline
        case .semicolon: return .semicolon
        case .eof: return .eof
        case .dot: return .dot
        case .matmul: return .matmul
        case .transpose: return .transpose
        case .colon: return .colon
        }
    }
}

public struct Token: Equatable, Sendable {
    public let kind: TokenKind
    public let range: SourceRange
    /// True when whitespace or a comment came right before this token.
    public let spaceBefore: Bool
    /// `kind`'s case (derived from it).
    let tag: TokenTag
    public init(_ kind: TokenKind, _ range: SourceRange, spaceBefore: Bool = false) {
        self.kind = kind; self.range = range; self.spaceBefore = spaceBefore; self.tag = kind.tag
    }
}
