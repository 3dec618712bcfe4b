// Callee — the names a built-in is called by (`sqrt` and `log` are spellings
// of a power and of ln, `σ` of sigmoid, `sen` of sin and the other Portuguese
// names, `raiz` of sqrt), each with its arities and usage;
// the help entry that lists it in `:help functions`; and the reductions
// sum, mean, len, whose list semantics are their own. Split from
// Builtin.swift, which holds every fact of the functions themselves.

// MARK: - names

/// What a name in call position means: a built-in (by its name or an alias),
/// or one of the two spellings the interpreter rewrites: `sqrt(x)` is
/// x^(1/2), `log(x)` is ln(x) and `log(b, x)` is ln(x)/ln(b).
public enum Callee: Hashable, Sendable {
    case builtin(Builtin)
    case sqrt
    case log

    /// Every callee, built-ins first in declaration order.
    public static let all: [Callee] = Builtin.allCases.map { .builtin($0) } + [.sqrt, .log]

    /// The name it is printed and listed by.
    public var name: String {
        switch self {
        case .builtin(let f): return f.rawValue
        case .sqrt: return "sqrt"
        case .log: return "log"
        }
    }

    /// Other names it answers to: a built-in's aliases (`σ`, `sen`, …), `raiz` for sqrt.
    public var aliases: [String] {
        switch self {
        case .builtin(let f): return f.aliases
        case .sqrt: return ["raiz"]
        case .log: return []
        }
    }

    /// Its Portuguese name where that differs (`sen`, `raiz`), for the Portuguese help.
    public var portugueseName: String? {
        switch self {
        case .builtin(let f): return f.portugueseName
        case .sqrt: return "raiz"
        case .log: return nil
        }
    }

    /// Names as the user may type them: every callee's name, then the aliases.
    /// All of them are reserved and all are candidates for "did you mean", so
    /// a misspelling is matched against both languages.
    public static let names: [String] = all.map(\.name) + all.flatMap(\.aliases)

    /// The Portuguese names among `names` (`sen`, `raiz`, …).
    public static let portugueseNames: Set<String> = Set(all.compactMap(\.portugueseName))

    static let byName: [String: Callee] = {
        var d: [String: Callee] = [:]
        for c in all {
            d[c.name] = c
            for a in c.aliases { d[a] = c }
        }
        return d
    }()

    public static func named(_ s: String) -> Callee? { byName[s] }

    /// The argument counts it accepts.
    public var arities: [Int] {
        switch self {
        case .builtin(let f): return [f.arity]
        case .sqrt: return [1]
        case .log: return [1, 2]
        }
    }

    /// How to call it, for an arity error; `name` is the spelling used.
    /// How a call is written (`log`'s two forms are explained by its own message).
    public func usage(as name: String) -> String {
        switch self {
        case .builtin(let f): return f.arity == 2 ? "\(name)(a, b)" : "\(name)(x)"
        case .sqrt: return "\(name)(x)"
        case .log: return "log(x), log(b, x)"
        }
    }

    /// Where `:help functions` lists it.
    public var help: HelpEntry {
        switch self {
        case .builtin(let f): return f.help
        case .sqrt: return HelpEntry(.exponential, 5, "sqrt")
        case .log: return HelpEntry(.exponential, 2, "log(x) log(b, x)")
        }
    }
}

/// A callee's entry in `:help functions`: its line, its place on the line, its text.
public struct HelpEntry: Sendable {
    public enum Line: CaseIterable, Sendable {
        /// A line of `:help functions` (the catalogue says what each line's functions share).
        case trigonometric, hyperbolic, exponential, piecewise, activation, reduction
    }
    public let line: Line
    public let place: Int
    public let text: String
    init(_ line: Line, _ place: Int, _ text: String) { (self.line, self.place, self.text) = (line, place, text) }
}

// MARK: - reductions

/// The three built-ins that reduce a list to a number. A scalar is a list of one.
public enum Reduction: Sendable {
    case sum, mean, len

    /// The value over a list of numbers (mean of nothing is NaN).
    public func value(of v: [Double]) -> Double {
        switch self {
        case .sum: return v.reduce(0, +)
        case .mean: return v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
        case .len: return Double(v.count)
        }
    }

    /// The value of a scalar, a list of one.
    public func value(ofScalar x: Double) -> Double {
        switch self {
        case .sum, .mean: return x
        case .len: return 1
        }
    }
}
