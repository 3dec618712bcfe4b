// SyntaxMessageTests — the English of every SyntaxMessage, case by case: a
// table of representative values and their exact words, a check that the
// table names every case of the enum (read from its source file), and the
// style rules of Diagnostic.swift (lowercase, no final period, not empty).

import Foundation
import Testing
@testable import CalcCore

/// One row of the table: a message and its exact English.
struct SyntaxExample: Sendable, CustomTestStringConvertible {
    let id: String
    let message: SyntaxMessage
    let english: String
    init(_ id: String, _ message: SyntaxMessage, _ english: String) {
        self.id = id; self.message = message; self.english = english
    }
    var testDescription: String { id }
}

extension SyntaxExample {
    static let table: [SyntaxExample] = characters + expected + statements + commands + decimalComma + bigLiterals + bindings + suggestions

    static let characters: [SyntaxExample] = [
        .init("unexpected character", .unexpectedCharacter("$"), "unexpected character `$`"),
        .init("invalid byte", .unexpectedInvalidByte, "unexpected invalid UTF-8 byte"),
        .init("factorial", .noFactorial, "factorial is not supported; comparisons and `!` are not part of calc"),
        .init("braces", .bracesDoNotGroup, "use `(` and `)` for grouping, `[` and `]` for lists"),
        .init("not UTF-8", .inputNotUTF8, "calc reads UTF-8 text; the input has bytes that are not valid UTF-8"),
        .init("meta mid-statement", .metaCommandStartsStatement, "meta commands such as `:help` start a statement"),
        .init("comparisons", .noComparisonOperators, "calc has no comparison or logic operators"),
        .init("digit separator", .misplacedDigitSeparator, "a digit separator `_` must stand between two digits"),
        .init("digit separator example", .digitSeparatorExample, "write numbers like `1_000_000`"),
        .init("too large", .numberTooLarge, "number literal is too large"),
        .init("largest finite", .largestFiniteNumber, "the largest finite number is about 1.8e308; use `inf` for infinity"),
        .init("malformed", .malformedNumber, "malformed number literal"),
        .init("superscript minus", .superscriptMinusNeedsDigits, "expected superscript digits after `⁻`"),
        .init("unterminated", .unterminatedString, "unterminated string"),
        .init("close string", .closeStringOnSameLine, "close the string with `\"` on the same line"),
        .init("∂ without function", .partialNeedsFunction, "expected a function name after `∂`"),
        .init("∂f without /∂", .partialNeedsVariables(function: "f"), "expected `/∂` and a variable after `∂f`"),
        .init("∂ without variable", .partialNeedsVariable, "expected a variable after `∂`"),
        .init("∂ order range", .partialOrderOutOfRange, "the order of a derivative must be between 1 and 16"),
        .init("∂ spelling", .partialWrittenWithoutSpaces, "partial derivatives are written `∂f/∂x` with no spaces"),
        .init("∂² one variable", .partialOrderMismatch(order: 2, variables: 1), "`∂²` says order 2 but 1 variable is given"),
        .init("∂ three variables", .partialOrderMismatch(order: 1, variables: 3), "`∂` says order 1 but 3 variables are given"),
        .init("∂ order example", .partialOrderExample, "write `∂²f/∂x∂y` or `∂²f/∂x²`"),
    ]

    static let expected: [SyntaxExample] = [
        .init("expected symbol, found end", .expected(.symbol(")"), found: .endOfInput), "expected `)`, found end of input"),
        .init("expected name, found number", .expected(.name, found: .number("3")), "expected a name, found number `3`"),
        .init("expected after token", .expected(.expression, after: .token(.symbol("+")), found: .endOfLine),
              "expected an expression after `+`, found end of line"),
        .init("after a name", .expected(.expression, after: .token(.name("x")), found: .symbol(")")),
              "expected an expression after name `x`, found `)`"),
        .init("variable name", .expected(.variableName, found: .string), "expected a variable name, found string"),
        .init("differentiate by", .expected(.variableToDifferentiateBy, found: .expression),
              "expected a variable name to differentiate by, found an expression"),
        .init("to plot", .expected(.expressionToPlot, found: .superscriptExponent),
              "expected an expression to plot, found superscript exponent"),
        .init("point", .expected(.point, after: .token(.symbol("at")), found: .metaCommand("vars")),
              "expected a point after `at`, found meta command `:vars`"),
        .init("both, after the target", .expected(.both(.symbol("from"), .startPoint), after: .target, found: .endOfInput),
              "expected `from` and a start point after the target, found end of input"),
        .init("after the start point", .expected(.both(.symbol("rate"), .learningRate), after: .startPoint, found: .endOfInput),
              "expected `rate` and a learning rate after the start point, found end of input"),
        .init("after the number of starts", .expected(.both(.symbol("in"), .box), after: .numberOfStarts, found: .endOfInput),
              "expected `in` and a box after the number of starts, found end of input"),
        .init("value", .expected(.value, after: .token(.symbol("steps")), found: .endOfInput),
              "expected a value after `steps`, found end of input"),
        .init("method", .expected(.methodName, after: .token(.symbol("method")), found: .number("1")),
              "expected a method name after `method`, found number `1`"),
        .init("either", .expected(.either(.functionName, .symbol("(")), after: .token(.symbol("∇")), found: .number("2")),
              "expected a function name or `(` after `∇`, found number `2`"),
        .init("file", .expected(.quotedFileName, after: .token(.symbol("to")), found: .name("out")),
              "expected a file name in quotes after `to`, found name `out`"),
        .init("end of statement", .expected(.endOfStatement, found: .symbol("=")), "expected end of statement, found `=`"),
        .init("minimize target", .expected(.targetToOptimize(maximize: false), found: .endOfInput),
              "expected a function or expression to minimize, found end of input"),
        .init("maximize target", .expected(.targetToOptimize(maximize: true), found: .name("from")),
              "expected a function or expression to maximize, found name `from`"),
        .init("unclosed label", .unclosedOpenedHere(opener: "("), "unclosed `(` opened here"),
        .init("matching closer", .everyOpenerNeedsCloser(opener: "[", closer: "]"), "every `[` needs a matching `]`"),
    ]

    static let bindings: [SyntaxExample] = [
        .init("shape", .shapeMustBePositiveIntegers, "a parameter's shape must be whole numbers from 1"),
        .init("tensor parameter", .tensorParameterExample, "declare a matrix parameter as `W[2, 3]` and a vector as `b[3]`: `L(W[2, 2], b[2]) = sum(W @ [1, 1] + b)`"),
        .init("dimensions", .tooManyDimensions(3), "a parameter has at most 2 dimensions, found 3"),
        .init("elements", .tooManyElements(limit: 1000), "a tensor parameter has at most 1000 elements"),
        .init("tuple targets", .tupleTargetsMustBeNames, "each element of the left side must be a name"),
        .init("destructure example", .destructureExample, "bind each element of a tuple with `(a, b) = ans`"),
        .init("with points lists", .withPointsLists(count: 1), "`with points` takes 2 or 3 lists (x, y and labels), but 1 was given"),
        .init("with points example", .withPointsExample,
              "mark data as `with points (xs, ys)`, or `with points (xs, ys, labels)` to tell the points apart"),
        .init("index example", .indexExample, "index from 1: `θ[1]` is the first element"),
        .init("member needs name", .memberNeedsName, "`.` follows the name of a named result"),
        .init("member example", .memberExample,
              "after `θ = minimize L from (0, 0) rate 0.1`, `θ.w` is the element for `w`; a decimal is written `2.5`"),
    ]

    static let statements: [SyntaxExample] = [
        .init("separate", .separateStatements, "separate statements with a newline or `;`"),
        .init("multiply", .multiplyWithStar, "to multiply, write `*` (implicit multiplication only follows a number, as in `2x`)"),
        .init("equals", .equalsBindsOrDefines,
              "`=` binds a name (`x = 1`) or defines a function (`f(x) = x^2`); calc has no comparisons"),
        .init("stray bracket", .bracketWithoutOpening, "this bracket has no matching opening bracket"),
        .init("parameters", .parametersMustBeNames, "a function's parameters must be names"),
        .init("define and call", .defineAndCallFunction(function: "g"),
              "define functions as `g(x, y) = …` and call them with values: `g(1, 2)`"),
        .init("no parameter", .functionNeedsParameter, "a function needs at least one parameter"),
        .init("constant instead", .writeConstantInstead(name: "c"), "for a constant, write `c = …`"),
        .init("cannot assign", .cannotAssign, "cannot assign to this expression"),
        .init("bind or define", .bindOrDefine,
              "bind a name with `x = …` or define a function with `f(x, y) = …`; calc has no `==` comparison"),
        .init("name coordinates", .nameEveryCoordinate, "name every coordinate: `(x = 1, y = 2)`"),
        .init("point forms", .pointForms, "give a number, a tuple like `(1, 2)`, or named values like `(x = 1, y = 2)`"),
        .init("command word", .commandWordHere("rate"), "`rate` is a command word here"),
        .init("d/dx forms", .dOperatorForms(variable: "t"), "write `d/dt(…)` or `d/dt f(t)`"),
        .init("string", .stringInExpression, "a string cannot be used in an expression"),
        .init("strings name files", .stringsNameFiles, "strings name files, as in `plot … to \"out.svg\"` or `:load \"file.calc\"`"),
        .init("superscript", .superscriptFollowsBase, "a superscript exponent follows its base: `x²`"),
        .init("stray parenthesis", .parenthesisWithoutOpening, "this `)` has no matching `(`"),
        .init("star", .starMultipliesTwoOperands, "`*` multiplies two operands"),
        .init("empty parentheses", .emptyParentheses, "empty parentheses"),
        .init("put inside", .putInsideParentheses, "put an expression or a tuple like `(1, 2)` inside"),
        .init("gradient forms", .gradientForms(word: "hessian"),
              "write `hessian f` for a function or `hessian(x^2 + y^2)` for an expression"),
        .init("diff variable", .diffNeedsVariable, "`diff` needs the variable to differentiate by"),
        .init("diff example", .diffExample, "write `diff(expression, x)`"),
        .init("order not positive", .orderNotPositiveInteger(found: "-1"), "the order of a derivative must be a positive integer, found `-1`"),
        .init("second derivative", .secondDerivativeExample, "write `diff(e, x, 2)` for the second derivative"),
        .init("order limit", .orderAboveLimit(17), "derivative order 17 is above the limit of 16"),
        .init("order first", .orderComesAfterVariable, "the order comes after the variable"),
        .init("order example", .orderExample(3), "write `diff(e, x, 3)`"),
        .init("differentiate by name", .differentiateByName, "differentiate with respect to a name: `diff(x^2, x)`"),
        .init("too deep", .nestedTooDeeply(limit: 1000), "expression nested too deeply (more than 1000 levels)"),
        .init("split", .splitExpression, "split the expression into smaller named parts"),
        .init("too many", .tooManyErrors(limit: 20), "too many errors; stopping after 20"),
    ]

    static let commands: [SyntaxExample] = [
        .init("minimize example", .optimizeExample(maximize: false), "write `minimize f from (0, 0) rate 0.1`"),
        .init("maximize example", .optimizeExample(maximize: true), "write `maximize f from (0, 0) rate 0.1`"),
        .init("start example", .startPointExample, "write `… from (1, 2) rate 0.01`"),
        .init("over rows example", .overRowsExample, "write `minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"),
        .init("rate needed", .everyRunNeedsRate,
              "every run needs a learning rate η, e.g. `rate 0.01`; a list `rate 0.001, 0.01, 0.1` compares several"),
        .init("random start", .randomStartExample, "write `from random 20 in (x from -5 to 5, y from -5 to 5)`"),
        .init("start forms", .startPointForms, "write `from (1, 2)` or `from (x = 1, y = 2)`"),
        .init("twice", .optionGivenTwice("steps"), "option `steps` is given twice"),
        .init("unknown option", .unknownOption("stpes"), "unknown option `stpes`"),
        .init("options with suggestion", .optionsAre(suggestion: "steps", all: ["steps", "tol"]),
              "did you mean `steps`? options are `steps`, `tol`"),
        .init("options", .optionsAre(suggestion: nil, all: ["steps", "plot"]), "options are `steps`, `plot`"),
        .init("methods", .knownMethods, "methods are gd, momentum, nesterov, adam"),
        .init("box", .boxExample, "write a box like `(x from -5 to 5, y from -5 to 5)`"),
        .init("box range", .boxRangeExample(variable: "y"), "write `y from -5 to 5`"),
        .init("file target", .fileTargetExample, "write `to \"plot.svg\"`"),
        .init("plot", .plotExample, "write `plot sin(x) from 0 to 2π`"),
        .init("plot interval", .plotIntervalExample, "write `plot e from a to b`"),
        .init("plot forms", .plotForms, "write `plot sin(x) from 0 to 2π` or `plot f over (x from -2 to 2, y from -2 to 2)`"),
    ]

    /// The case's name: the label of its payload, or the value itself when it has none.
    var caseName: String {
        Mirror(reflecting: message).children.first?.label ?? String(describing: message)
    }
}

@Suite("syntax messages")
struct SyntaxMessageTests {
    @Test("English text", arguments: SyntaxExample.table)
    func english(_ example: SyntaxExample) {
        #expect(Catalogue.english.text(.syntax(example.message)) == example.english)
    }

    @Test("the table has every case of SyntaxMessage")
    func everyCase() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CalcCore/Diagnostics/Messages/SyntaxMessage.swift")
        let text = try String(contentsOf: url, encoding: .utf8)
        // the enum's own body: up to the extension that holds its parts
        let body = text.components(separatedBy: "public enum SyntaxMessage")[1].components(separatedBy: "extension SyntaxMessage")[0]
        let re = try NSRegularExpression(pattern: #"(?m)^\s*case (\w+)"#)
        let ns = body as NSString
        let declared = Set(re.matches(in: body, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
        #expect(declared.count > 50)
        let covered = Set(SyntaxExample.table.map(\.caseName))
        #expect(declared.subtracting(covered).sorted() == [])
        #expect(covered.subtracting(declared).sorted() == [])
    }

    @Test("ids are unique")
    func uniqueIDs() {
        let ids = SyntaxExample.table.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("style: lowercase start, no final period, not empty", arguments: SyntaxExample.table)
    func style(_ example: SyntaxExample) throws {
        let text = Catalogue.english.text(.syntax(example.message))
        let first = try #require(text.first)
        #expect(first == "`" || first == "\"" || !first.isUppercase, "starts with a capital: \(text)")
        #expect(!text.hasSuffix("."), "ends with a period: \(text)")
        #expect(text.trimmingCharacters(in: .whitespaces) == text)
    }
}
