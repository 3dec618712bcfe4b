// Suggestions — "did you mean" for statements that fail to parse the way a
// slip of the keyboard or a habit from elsewhere makes them fail. Each
// replaces the generic "to multiply, write `*`" help (or the error itself)
// only where the tokens say what was meant:
//
//   minimze x^2 from 1 …    a near miss of a command word (by edit distance,
//                           so `maximise`, `explian`, `plto` too) that starts
//                           a statement which then fails: "`minimze` is not a
//                           command", help "did you mean the command `minimize`?"
//   help plot, quit now     a meta command's name without its colon: help
//                           "write `:help plot`"
//   cos x, y = 2*sigmoid x  a function's name followed by a bare name or
//                           number: help "did you mean `cos(x)`?"
//   sigmoid(x) at x = 2     a named point without its parentheses: help
//                           "put it in parentheses: `at (x = 2)`"
//
// The parser knows the command and meta-command words (Words.swift); which
// names are functions it is told by its caller (`Parser.parse(_:callables:)`:
// the session passes the built-ins and the user's functions), since the
// built-ins live in a layer above this one.

extension Parser {
    /// The error to report instead of "expected end of statement" at the
    /// current token, when the statement reads as one of the slips above.
    mutating func trailingSuggestion() -> Failure? {
        guard statementStart < tokens.count, case .name(let first) = tokens[statementStart].kind else {
            return callSuggestion()
        }
        let firstRange = tokens[statementStart].range
        if CommandWord(rawValue: first) == nil, !callables.contains(first),
           let command = closestWord(first, in: CommandWord.allCases.map(\.rawValue)) {
            return fail(.expectedToken, .notACommand(first), firstRange, help: .didYouMeanCommandWord(command))
        }
        if isBareMetaWord(first), !callables.contains(first) {
            let text = source.text(in: firstRange.to(statementEndRange()))
            return fail(.expectedToken, .metaCommandNeedsColon(first), firstRange, help: .writeMetaCommand(":" + text))
        }
        return callSuggestion()
    }

    /// `help`, `quit`, `exit`, `vars` …: a meta command's name (or alias) written without `:`.
    func isBareMetaWord(_ w: String) -> Bool {
        MetaCommandName(rawValue: w) != nil || w == "exit"
    }

    /// `cos x`: the help "did you mean `cos(x)`?" under "expected end of
    /// statement" when the token before is a function's name.
    mutating func callSuggestion() -> Failure? {
        guard pos > 0, case .name(let f) = tokens[pos - 1].kind, callables.contains(f),
              tag == .name || tag == .number else { return nil }
        var argument = current.range
        // `cos 2x`: the number and the name written against it
        if tag == .number, pos + 1 < tokens.count, tokens[pos + 1].tag == .name, tokens[pos + 1].range.start == argument.end {
            argument = argument.to(tokens[pos + 1].range)
        }
        let call = "\(f)(\(source.text(in: argument)))"
        return fail(.expectedToken, .expected(.endOfStatement, found: kind.described), current.range,
                    help: .callNeedsParentheses(call: call))
    }

    /// `sigmoid(x) at x = 2`: the assignment error becomes the help to write
    /// `at (x = 2)` when `=` follows `at NAME`.
    mutating func pointWithoutParentheses(equals: Token) -> Failure? {
        guard let eq = (statementStart..<tokens.count).first(where: { tokens[$0].range == equals.range }), eq >= 2,
              tokens[eq - 1].tag == .name, case .name(let at) = tokens[eq - 2].kind, at == ContextualWord.at.rawValue
        else { return nil }
        let point = source.text(in: tokens[eq - 1].range.to(statementEndRange(from: eq)))
        return fail(.expectedToken, .expected(.endOfStatement, found: .symbol("=")), equals.range,
                    help: .pointNeedsParentheses(point: "(\(point))"))
    }

    /// The range of the last token of the current statement (before its
    /// newline, `;` or the end), searching from token `from` (the current one).
    func statementEndRange(from: Int? = nil) -> SourceRange {
        var i = from ?? pos, depth = 0
        while i + 1 < tokens.count {
            switch tokens[i + 1].tag {
            case .lparen, .lbracket: depth += 1
            case .rparen, .rbracket: depth -= 1
            case .newline where depth <= 0, .semicolon where depth <= 0, .eof: return tokens[i].range
            default: break
            }
            i += 1
        }
        return tokens[i].range
    }
}
