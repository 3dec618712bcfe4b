// Diagnostic — an error or warning as a value: what went wrong, where, and how
// to fix it. Stages collect these and return them; nothing is printed here.
//
// Messages follow rustc's guide: lowercase, no final period, "expected X,
// found Y"; the fix goes in `help`, secondary places in `labels`.

public enum Severity: String, Sendable { case error, warning, note }

/// Every kind of diagnostic calc can produce. Tests assert on these ids,
/// so wording can improve without breaking them.
public enum DiagnosticID: String, Sendable, CaseIterable {
    // lexical
    case unexpectedCharacter = "E0001"
    case badNumber = "E0002"
    case unterminatedString = "E0003"
    // syntax
    case expectedToken = "E0101"
    case unclosedBracket = "E0102"
    case tooDeep = "E0103"
    case tooManyErrors = "E0104"
    case invalidAssignment = "E0105"
    // E0106 and E0107 were never produced and are retired: codes are not reused.
    // names and definitions
    case unknownName = "E0201"
    case constantRebound = "E0202"
    case builtinRedefined = "E0203"
    case arity = "E0204"
    case recursion = "E0205"
    case duplicateParameter = "E0206"
    case notAFunction = "E0207"
    case unknownFunction = "E0208"
    // values
    case divisionByZero = "E0301"
    case domain = "E0302"
    case typeMismatch = "E0303"
    case lengthMismatch = "E0304"
    case notANumber = "E0305"
    case limit = "E0306"
    // derivatives
    case badDerivativeVariable = "E0401"
    case badDerivativeOrder = "E0402"
    case unknownParameter = "E0403"
    // optimisation
    case badOption = "E0501"
    case badStart = "E0502"
    case noVariables = "E0503"
    case notDifferentiable = "E0504"
    case interrupted = "E0505"
    // plotting and files
    case badRange = "E0601"
    case io = "E0602"
    case meta = "E0603"
    // warnings
    case warning = "W0001"
}

public struct Diagnostic: Sendable, Error {
    public struct Label: Sendable {
        public let range: SourceRange
        public let text: Message
        public init(range: SourceRange, text: Message) {
            self.range = range
            self.text = text
        }
    }
    public var severity: Severity
    public var id: DiagnosticID
    /// What went wrong (the catalogue words it).
    public var text: Message
    public var range: SourceRange
    public var file: SourceFile?
    public var labels: [Label]
    /// How to fix it, and other help lines.
    public var helpText: [Message]

    public init(_ id: DiagnosticID, _ text: Message, _ range: SourceRange, file: SourceFile? = nil,
                help: Message? = nil, labels: [Label] = [], severity: Severity = .error) {
        self.id = id
        self.text = text
        self.range = range
        self.file = file
        self.helpText = help.map { [$0] } ?? []
        self.labels = labels
        self.severity = id == .warning ? .warning : severity
    }

    public func with(file: SourceFile) -> Diagnostic {
        var d = self
        if d.file == nil { d.file = file }
        return d
    }

    /// The most diagnostics one source reports, lexer and parser together;
    /// past it the parser says "too many errors" once and stops. Both stages
    /// read it here, so neither depends on the other for the limit.
    public static let maxErrors = 20
}
