// English+Session — the English words of every SessionMessage.

extension Catalogue {
    func english(_ m: SessionMessage) -> String {
        switch m {
        // running statements
        case .internalError(let error): return "internal error: \(error)"
        case .resultTooLarge(let limit):
            return "the result is too large to print (more than \(grouped(limit)) terms written out)"
        case .evaluateAtPointOrSilence:
            return "evaluate it at a point with `at`, or end the statement with `;` to keep it without printing"
        // meta commands
        case .unknownCommand(let c): return "unknown command `:\(c)`"
        case .didYouMeanCommand(let c): return "did you mean `:\(c)`?"
        case .commandList(let cs): return "commands: " + cs.map { ":" + $0 }.joined(separator: " ")
        case .noHelpTopic(let t): return "no help topic `\(t)`"
        case .helpTopics(let ts): return "topics: " + ts.joined(separator: ", ")
        case .noVariablesDefined: return "no variables or functions defined"
        case .notDefined(let n): return "`\(n)` is not defined"
        case .digitsNeedsNumber: return "`:digits` needs a number"
        case .digitsOutOfRange(let found, let r):
            return "`:digits` takes a whole number from \(r.lowerBound) to \(r.upperBound), found `\(found)`"
        case .digitsDefault: return "12 is the default; 17 shows every digit of a double"
        case .formatNeedsStyle: return "`:format` needs a style"
        case .unknownFormat(let f): return "unknown format `\(f)`"
        case .formatStyles: return "formats are plain, unicode and latex"
        case .langNeedsLanguage: return "`:lang` needs a language"
        case .unknownLanguage(let l): return "unknown language `\(l)`"
        case .languagesAre(let codes): return "languages are " + codes.joined(separator: ", ")
        case .loadNeedsFile: return "`:load` needs a file name"
        case .loadUsage: return "write `:load \"file.calc\"`"
        case .loadUnavailable: return "`:load` is not available here"
        case .loadTooDeep: return "`:load` nested too deeply (a file loading itself?)"
        case .cannotLoad(let path, let reason): return "cannot load `\(path)`: \(reason)"
        case .loadStopped(let path): return "`:load \(path)` stopped at an error"
        }
    }
}
