// Parser+Commands — the command rules of Grammar/calc.ebnf: `minimize` and
// `maximize` with their start point, rates and options, `explain`, and `plot`
// with its interval or box and an optional file.
//
// Command words are contextual (Words.swift): inside a command the words it
// expects next (`from`, `rate`, the option names, …) are stop words, so an
// expression before them ends there; everywhere else they are plain names.
// Options become `OptimizeOption` cases here, once, so the interpreter gets
// typed values and never dispatches on the option's spelling again.

extension Parser {
    /// Stop words while parsing `minimize …`: the words of `optimize`, `start`
    /// and `box`, the options and `plot`.
    static let optimizeStops: Set<String> = Set(
        [ContextualWord.from, .rate, .in, .to].map(\.rawValue) + Parser.optimizeOptions)
    /// Stop words inside a box `(x from a to b, …)`.
    static let boxStops: Set<String> = [ContextualWord.from.rawValue, ContextualWord.to.rawValue]
    /// Stop words while parsing `plot …`.
    static let plotStops: Set<String> = Set([ContextualWord.from, .to, .over].map(\.rawValue))

    /// command = optimize | explain | plot ;
    /// explain = "explain" expr ;
    mutating func parseCommand(_ word: CommandWord) throws -> StatementKind {
        switch word {
        case .minimize, .maximize: return .optimize(try parseOptimize())
        case .explain:
            skip()
            skipNewlines()
            return .explain(try parseExpr())
        case .plot: return .plot(try parsePlot())
        }
    }

    /// optimize = ( "minimize" | "maximize" ) expr "from" start
    ///            "rate" sum { "," sum } { option } [ plot_out ] ;
    ///
    /// `plot_out` may also stand between options, as it always could.
    mutating func parseOptimize() throws -> Optimize {
        let kw = advance()
        let maximize = kw.kind == .name(CommandWord.maximize.rawValue)
        return try withStops(Parser.optimizeStops) { p in
            if p.atStatementEnd || p.isWord(.from) {
                throw p.expected("a function or expression to \(maximize ? "maximize" : "minimize")",
                                 help: "write `\(maximize ? "maximize" : "minimize") f from (0, 0) rate 0.1`")
            }
            let target = try p.parseExpr()
            guard p.isWord(.from) else {
                throw p.expected("`from` and a start point", after: "the target",
                                 help: "write `… from (1, 2) rate 0.01`")
            }
            p.skip()
            let start = try p.parseStart()
            guard p.isWord(.rate) else {
                throw p.expected("`rate` and a learning rate", after: "the start point",
                                 help: "every run needs a learning rate η, e.g. `rate 0.01`; a list `rate 0.001, 0.01, 0.1` compares several")
            }
            p.skip()
            var rates: [Node] = [try p.parseSum()]
            while case .comma = p.kind {
                p.skip()
                rates.append(try p.parseSum())
            }
            let (options, plot) = try p.parseOptions()
            return Optimize(maximize: maximize, keyword: kw.range, target: target, start: start,
                            rates: rates, options: options, plot: plot)
        }
    }

    /// start = "random" sum "in" box_list | point ;
    mutating func parseStart() throws -> StartPoint {
        if isWord(.random), !peekIs(.rate) {
            let r = advance()
            let count = try parseSum()
            guard isWord(.in) else {
                throw expected("`in` and a box", after: "the number of starts",
                               help: "write `from random 20 in (x from -5 to 5, y from -5 to 5)`")
            }
            skip()
            let (box, br) = try parseBoxes()
            return .random(count: count, box: box, range: r.range.to(br))
        }
        if isWord(.rate) { throw expected("a start point", after: "`from`", help: "write `from (1, 2)` or `from (x = 1, y = 2)`") }
        return .point(try parsePoint())
    }

    /// The `{ option } [ plot_out ]` tail of `optimize`: each option at most
    /// once, an unknown word an error that suggests the nearest option.
    mutating func parseOptions() throws -> ([OptimizeOption], PlotOutput?) {
        var options: [OptimizeOption] = []
        var plot: PlotOutput? = nil
        while case .name(let w) = kind {
            let wt = advance()
            if w == CommandWord.plot.rawValue {
                if plot != nil { throw fail(.badOption, "option `\(w)` is given twice", wt.range) }
                plot = try parsePlotOut(keyword: wt.range)
            } else if let word = OptionWord(rawValue: w) {
                if options.contains(where: { $0.option == word }) {
                    throw fail(.badOption, "option `\(w)` is given twice", wt.range)
                }
                options.append(try parseOption(word, keyword: wt.range))
            } else {
                var help = "options are " + Parser.optimizeOptions.map { "`\($0)`" }.joined(separator: ", ")
                if let near = closestWord(w, in: Parser.optimizeOptions + [ContextualWord.rate.rawValue]) {
                    help = "did you mean `\(near)`? " + help
                }
                throw fail(.badOption, "unknown option `\(w)`", wt.range, help: help)
            }
        }
        return (options, plot)
    }

    /// option = ( "steps" | "tol" | "every" | "seed" | "beta" ) sum
    ///        | "method" NAME ;
    ///
    /// The option word (at `keyword`) is already taken.
    mutating func parseOption(_ word: OptionWord, keyword: SourceRange) throws -> OptimizeOption {
        let withValue: (Node, SourceRange) -> OptimizeOption
        switch word {
        case .method:
            guard case .name(let m) = kind else {
                throw expected("a method name", after: "`method`", help: "methods are gd, momentum, nesterov, adam")
            }
            let mt = advance()
            return .method(Name(m, mt.range), keyword: keyword)
        case .steps: withValue = OptimizeOption.steps
        case .tol: withValue = OptimizeOption.tol
        case .every: withValue = OptimizeOption.every
        case .seed: withValue = OptimizeOption.seed
        case .beta: withValue = OptimizeOption.beta
        }
        if atStatementEnd { throw expected("a value", after: "`\(word.rawValue)`") }
        return withValue(try parseSum(), keyword)
    }

    /// plot_out = "plot" [ file_target ] ;
    ///
    /// The word `plot` (at `keyword`) is already taken.
    mutating func parsePlotOut(keyword: SourceRange) throws -> PlotOutput {
        PlotOutput(keyword: keyword, file: try parseFileTarget())
    }

    /// True when the token after the current one is the name `word`.
    func peekIs(_ word: ContextualWord) -> Bool {
        if case .name(let n) = peekKind(1) { return n == word.rawValue }
        return false
    }

    /// box_list = "(" box { "," box } ")" ;
    /// box = NAME "from" sum "to" sum ;
    mutating func parseBoxes() throws -> ([Box], SourceRange) {
        guard case .lparen = kind else {
            throw expected("`(`", help: "write a box like `(x from -5 to 5, y from -5 to 5)`")
        }
        let open = advance()
        var boxes: [Box] = []
        try withStops(Parser.boxStops) { p in
            repeat {
                guard case .name(let n) = p.kind else {
                    throw p.expected("a variable name", help: "write `x from -5 to 5`")
                }
                let nt = p.advance()
                guard p.isWord(.from) else { throw p.expected("`from`", after: "`\(n)`", help: "write `\(n) from -5 to 5`") }
                p.skip()
                let lo = try p.parseSum()
                guard p.isWord(.to) else { throw p.expected("`to`", help: "write `\(n) from -5 to 5`") }
                p.skip()
                let hi = try p.parseSum()
                boxes.append(Box(variable: Name(n, nt.range), low: lo, high: hi))
                if case .comma = p.kind { p.skip() } else { break }
            } while true
        }
        let close = try expect(.rparen, "`)`", opened: open)
        return (boxes, open.range.to(close.range))
    }

    /// file_target = "to" STRING ;
    ///
    /// Every use is optional (`[ file_target ]`): nil, with nothing taken,
    /// when the next word is not `to`.
    mutating func parseFileTarget() throws -> (String, SourceRange)? {
        guard isWord(.to) else { return nil }
        skip()
        guard case .string(let path) = kind else {
            throw expected("a file name in quotes", after: "`to`", help: "write `to \"plot.svg\"`")
        }
        let t = advance()
        return (path, t.range)
    }

    /// plot = "plot" expr { "," expr }
    ///        ( "from" sum "to" sum | "over" box_list ) [ file_target ] ;
    mutating func parsePlot() throws -> Plot {
        let kw = advance()
        return try withStops(Parser.plotStops) { p in
            if p.atStatementEnd { throw p.expected("an expression to plot", help: "write `plot sin(x) from 0 to 2π`") }
            var exprs = [try p.parseExpr()]
            while case .comma = p.kind {
                p.skip()
                exprs.append(try p.parseExpr())
            }
            let domain: PlotDomain
            if p.isWord(.from) {
                p.skip()
                let lo = try p.parseSum()
                guard p.isWord(.to) else { throw p.expected("`to`", help: "write `plot e from a to b`") }
                p.skip()
                let hi = try p.parseSum()
                domain = .interval(variable: nil, from: lo, to: hi)
            } else if p.isWord(.over) {
                p.skip()
                domain = .area(try p.parseBoxes().0)
            } else {
                throw p.expected("`from` or `over`", help: "write `plot sin(x) from 0 to 2π` or `plot f over (x from -2 to 2, y from -2 to 2)`")
            }
            let file = try p.parseFileTarget()
            return Plot(keyword: kw.range, expressions: exprs, domain: domain, file: file)
        }
    }
}
