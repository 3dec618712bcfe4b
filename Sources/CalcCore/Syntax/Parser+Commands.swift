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
        [ContextualWord.from, .rate, .in, .to, .over].map(\.rawValue) + Parser.optimizeOptions)
    /// Stop words inside a box `(x from a to b, …)`.
    static let boxStops: Set<String> = [ContextualWord.from.rawValue, ContextualWord.to.rawValue]
    /// Stop words while parsing `plot …`.
    static let plotStops: Set<String> = Set([ContextualWord.from, .to, .over, .with].map(\.rawValue))

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

    /// optimize = ( "minimize" | "maximize" ) expr descent_from
    ///            "rate" sum { "," sum } { option } [ plot_out ] ;
    ///
    /// `plot_out` may also stand between options, as it always could.
    mutating func parseOptimize() throws -> Optimize {
        let kw = advance()
        let maximize = kw.kind == .name(CommandWord.maximize.rawValue)
        return try withStops(Parser.optimizeStops) { p in
            if p.atStatementEnd || p.isWord(.from) || p.isWord(.over) {
                throw p.expected(.targetToOptimize(maximize: maximize), help: .optimizeExample(maximize: maximize))
            }
            let target = try p.parseExpr()
            let (start, rows, rowOptions) = try p.parseDescentFrom()
            guard p.isWord(.rate) else {
                throw p.expected(.both(.symbol(ContextualWord.rate.rawValue), .learningRate), after: .startPoint,
                                 help: .everyRunNeedsRate)
            }
            p.skip()
            var rates: [Node] = [try p.parseSum()]
            while case .comma = p.kind {
                if p.isDecimalComma(at: p.pos) { p.warnDecimalComma(at: p.pos, twoNumbersValid: true) }
                p.skip()
                rates.append(try p.parseSum())
            }
            let (options, plot) = try p.parseOptions(after: rowOptions)
            var o = Optimize(maximize: maximize, keyword: kw.range, target: target, start: start,
                             rates: rates, options: options, plot: plot)
            o.rows = rows
            return o
        }
    }

    /// descent_from = ( "from" start [ over_rows ] | over_rows "from" start ) { row_option } ;
    ///
    /// The start point, and the data rows to descend over when given; the
    /// row options written before `rate` come back with them.
    mutating func parseDescentFrom() throws -> (StartPoint, RowsClause?, [OptimizeOption]) {
        var rows: RowsClause? = nil
        var rowOptions: [OptimizeOption] = []
        if isWord(.over) { (rows, rowOptions) = try parseOverRows() }
        guard isWord(.from) else {
            throw expected(.both(.symbol(ContextualWord.from.rawValue), .startPoint), after: .target,
                           help: .startPointExample)
        }
        skip()
        let startToken = pos
        let start = try parseStart()
        warnDecimalCommas(inStartPoint: startToken, pos)
        if rows == nil, isWord(.over) { (rows, rowOptions) = try parseOverRows() }
        try parseRowOptions(into: &rowOptions)
        return (start, rows, rowOptions)
    }

    /// over_rows = "over" "rows" "of" "(" NAME { "," NAME } ")" { row_option } ;
    mutating func parseOverRows() throws -> (RowsClause, [OptimizeOption]) {
        let over = advance()
        guard isWord(.rows) else {
            throw expected(.symbol(ContextualWord.rows.rawValue), afterSymbol: ContextualWord.over.rawValue, help: .overRowsExample)
        }
        skip()
        guard isWord(.of) else {
            throw expected(.symbol(ContextualWord.of.rawValue), afterSymbol: ContextualWord.rows.rawValue, help: .overRowsExample)
        }
        let of = advance()
        guard case .lparen = kind else {
            throw expected(.symbol("("), afterSymbol: ContextualWord.of.rawValue, help: .overRowsExample)
        }
        let open = advance()
        var names: [Name] = []
        repeat {
            guard case .name(let n) = kind else { throw expected(.variableName, help: .overRowsExample) }
            let t = advance()
            names.append(Name(n, t.range))
            if case .comma = kind { skip() } else { break }
        } while true
        let close = try expect(.rparen, .symbol(")"), opened: open)
        let clause = RowsClause(keyword: over.range.to(of.range), names: names, range: over.range.to(close.range))
        var options: [OptimizeOption] = []
        try parseRowOptions(into: &options)
        return (clause, options)
    }

    /// `{ row_option }`: `batch`, `epochs` and `shuffle` before `rate`, each at most once.
    mutating func parseRowOptions(into options: inout [OptimizeOption]) throws {
        while case .name(let w) = kind, let word = OptionWord(rawValue: w), Parser.rowOptions.contains(word) {
            let wt = advance()
            if options.contains(where: { $0.option == word }) { throw fail(.badOption, .optionGivenTwice(w), wt.range) }
            options.append(try parseOption(word, keyword: wt.range))
        }
    }

    /// The options that may follow `over rows of (…)` before `rate`.
    static let rowOptions: Set<OptionWord> = [.batch, .epochs, .shuffle]

    /// start = "random" sum "in" box_list | point ;
    mutating func parseStart() throws -> StartPoint {
        if isWord(.random), !peekIs(.rate) {
            let r = advance()
            let count = try parseSum()
            guard isWord(.in) else {
                throw expected(.both(.symbol(ContextualWord.in.rawValue), .box), after: .numberOfStarts,
                               help: .randomStartExample)
            }
            skip()
            let (box, br) = try parseBoxes()
            return .random(count: count, box: box, range: r.range.to(br))
        }
        if isWord(.rate) { throw expected(.startPoint, afterSymbol: ContextualWord.from.rawValue, help: .startPointForms) }
        return .point(try parsePoint())
    }

    /// The `{ option } [ plot_out ]` tail of `optimize`: each option at most
    /// once, an unknown word an error that suggests the nearest option.
    mutating func parseOptions(after earlier: [OptimizeOption] = []) throws -> ([OptimizeOption], PlotOutput?) {
        var options: [OptimizeOption] = earlier
        var plot: PlotOutput? = nil
        while case .name(let w) = kind {
            let wt = advance()
            if w == CommandWord.plot.rawValue {
                if plot != nil { throw fail(.badOption, .optionGivenTwice(w), wt.range) }
                plot = try parsePlotOut(keyword: wt.range)
            } else if let word = OptionWord(rawValue: w) {
                if options.contains(where: { $0.option == word }) {
                    throw fail(.badOption, .optionGivenTwice(w), wt.range)
                }
                options.append(try parseOption(word, keyword: wt.range))
            } else {
                let near = closestWord(w, in: Parser.optimizeOptions + [ContextualWord.rate.rawValue])
                // the row options are suggested, but listed only in the help on `over rows`
                let listed = Parser.optimizeOptions.filter { OptionWord(rawValue: $0).map { !Parser.rowOptions.contains($0) } ?? true }
                throw fail(.badOption, .unknownOption(w), wt.range, help: .optionsAre(suggestion: near, all: listed))
            }
        }
        return (options, plot)
    }

    /// option = ( "steps" | "tol" | "every" | "seed" | "beta" ) sum
    ///        | "method" NAME
    ///        | row_option ;
    /// row_option = ( "batch" | "epochs" ) sum | "shuffle" ;
    ///
    /// The option word (at `keyword`) is already taken.
    mutating func parseOption(_ word: OptionWord, keyword: SourceRange) throws -> OptimizeOption {
        let withValue: (Node, SourceRange) -> OptimizeOption
        switch word {
        case .method:
            guard case .name(let m) = kind else {
                throw expected(.methodName, afterSymbol: OptionWord.method.rawValue, help: .knownMethods)
            }
            let mt = advance()
            return .method(Name(m, mt.range), keyword: keyword)
        case .steps: withValue = OptimizeOption.steps
        case .tol: withValue = OptimizeOption.tol
        case .every: withValue = OptimizeOption.every
        case .seed: withValue = OptimizeOption.seed
        case .beta: withValue = OptimizeOption.beta
        case .batch: withValue = OptimizeOption.batch
        case .epochs: withValue = OptimizeOption.epochs
        case .shuffle: return .shuffle(keyword: keyword)
        }
        if atStatementEnd { throw expected(.value, afterSymbol: word.rawValue) }
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
            throw expected(.symbol("("), help: .boxExample)
        }
        let open = advance()
        var boxes: [Box] = []
        try withStops(Parser.boxStops) { p in
            repeat {
                guard case .name(let n) = p.kind else {
                    throw p.expected(.variableName, help: .boxRangeExample(variable: "x"))
                }
                let nt = p.advance()
                guard p.isWord(.from) else {
                    throw p.expected(.symbol(ContextualWord.from.rawValue), afterSymbol: n, help: .boxRangeExample(variable: n))
                }
                p.skip()
                let lo = try p.parseSum()
                guard p.isWord(.to) else { throw p.expected(.symbol(ContextualWord.to.rawValue), help: .boxRangeExample(variable: n)) }
                p.skip()
                let hi = try p.parseSum()
                boxes.append(Box(variable: Name(n, nt.range), low: lo, high: hi))
                if case .comma = p.kind { p.skip() } else { break }
            } while true
        }
        let close = try expect(.rparen, .symbol(")"), opened: open)
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
            throw expected(.quotedFileName, afterSymbol: ContextualWord.to.rawValue, help: .fileTargetExample)
        }
        let t = advance()
        return (path, t.range)
    }

    /// plot = "plot" expr { "," expr }
    ///        ( "from" sum "to" sum | "over" box_list ) [ with_points ] [ file_target ] ;
    mutating func parsePlot() throws -> Plot {
        let kw = advance()
        return try withStops(Parser.plotStops) { p in
            if p.atStatementEnd { throw p.expected(.expressionToPlot, help: .plotExample) }
            var exprs = [try p.parseExpr()]
            while case .comma = p.kind {
                p.skip()
                exprs.append(try p.parseExpr())
            }
            let domain: PlotDomain
            if p.isWord(.from) {
                p.skip()
                let lo = try p.parseSum()
                guard p.isWord(.to) else { throw p.expected(.symbol(ContextualWord.to.rawValue), help: .plotIntervalExample) }
                p.skip()
                let hi = try p.parseSum()
                domain = .interval(variable: nil, from: lo, to: hi)
            } else if p.isWord(.over) {
                p.skip()
                domain = .area(try p.parseBoxes().0)
            } else {
                throw p.expected(.either(.symbol(ContextualWord.from.rawValue), .symbol(ContextualWord.over.rawValue)),
                                 help: .plotForms)
            }
            let points = try p.parseWithPoints()
            let file = try p.parseFileTarget()
            return Plot(keyword: kw.range, expressions: exprs, domain: domain, file: file, points: points)
        }
    }

    /// with_points = "with" "points" "(" sum "," sum [ "," sum ] ")" ;
    ///
    /// Optional: nil, with nothing taken, when the next word is not `with`.
    mutating func parseWithPoints() throws -> PlotPoints? {
        guard isWord(.with) else { return nil }
        let kw = advance()
        guard isWord(.points) else {
            throw expected(.symbol(ContextualWord.points.rawValue), afterSymbol: ContextualWord.with.rawValue, help: .withPointsExample)
        }
        skip()
        guard case .lparen = kind else {
            throw expected(.symbol("("), afterSymbol: ContextualWord.points.rawValue, help: .withPointsExample)
        }
        let open = advance()
        var lists: [Node] = []
        try withStops([]) { p in
            while true {
                lists.append(try p.parseSum())
                if case .comma = p.kind { p.skip(); continue }
                break
            }
        }
        let close = try expect(.rparen, .symbol(")"), opened: open)
        let range = open.range.to(close.range)
        guard lists.count == 2 || lists.count == 3 else {
            throw fail(.expectedToken, .withPointsLists(count: lists.count), range, help: .withPointsExample)
        }
        return PlotPoints(keyword: kw.range, lists: lists, range: range)
    }
}
