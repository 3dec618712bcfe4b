// Portuguese+Session — the Brazilian Portuguese words of every SessionMessage.
// Command names (`:load`, `:digits`, …), format styles and language codes are
// what the user types and stay as in English.

extension Catalogue {
    func portuguese(_ m: SessionMessage) -> String {
        switch m {
        // running statements
        case .internalError(let error): return "erro interno: \(error)"
        case .resultTooLarge(let limit):
            return "o resultado é grande demais para ser exibido (mais de \(grouped(limit)) termos escritos por extenso)"
        case .evaluateAtPointOrSilence:
            return "avalie-o em um ponto com `at`, ou termine a instrução com `;` para guardá-lo sem exibi-lo"
        // meta commands
        case .unknownCommand(let c): return "comando desconhecido `:\(c)`"
        case .didYouMeanCommand(let c): return "você quis dizer `:\(c)`?"
        case .commandList(let cs): return "comandos: " + cs.map { ":" + $0 }.joined(separator: " ")
        case .noHelpTopic(let t): return "não existe o tópico de ajuda `\(t)`"
        case .helpTopics(let ts): return "tópicos: " + ts.joined(separator: ", ")
        case .noVariablesDefined: return "nenhuma variável ou função definida"
        case .notDefined(let n): return "`\(n)` não está definido"
        case .digitsNeedsNumber: return "`:digits` precisa de um número"
        case .digitsOutOfRange(let found, let r):
            return "`:digits` aceita um número inteiro de \(r.lowerBound) a \(r.upperBound), mas recebeu `\(found)`"
        case .digitsDefault: return "12 é o padrão; 17 mostra todos os algarismos de um double"
        case .formatNeedsStyle: return "`:format` precisa de um estilo"
        case .unknownFormat(let f): return "formato desconhecido `\(f)`"
        case .formatStyles: return "os formatos são plain, unicode e latex"
        case .langNeedsLanguage: return "`:lang` precisa de um idioma"
        case .unknownLanguage(let l): return "idioma desconhecido `\(l)`"
        case .languagesAre(let codes): return "os idiomas são " + codes.joined(separator: ", ")
        case .loadNeedsFile: return "`:load` precisa de um nome de arquivo"
        case .loadUsage: return "escreva `:load \"file.calc\"`"
        case .loadUnavailable: return "`:load` não está disponível aqui"
        case .loadTooDeep: return "`:load` aninhado profundamente demais (um arquivo carregando a si mesmo?)"
        case .cannotLoad(let path, let reason): return "não foi possível carregar `\(path)`: \(reason)"
        case .loadStopped(let path): return "`:load \(path)` parou por causa de um erro"
        }
    }
}
