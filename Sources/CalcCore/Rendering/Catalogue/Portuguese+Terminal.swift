// Portuguese+Terminal — the Brazilian Portuguese words of every TerminalMessage.
// The --help texts are sentences (capital, final period), as in English; the
// rest follow the diagnostics' style. Option values (plain, en, FILE, …) and
// keys (Tab, Ctrl-D) stay as they are typed.

extension Catalogue {
    func portuguese(_ m: TerminalMessage) -> String {
        switch m {
        case .abstract: return "Uma linguagem de cálculo que ensina: derivadas exatas e gradiente descendente."
        case .discussion:
            return "Executa cada FILE, em ordem, e depois o texto de -e. Sem nenhum dos dois, lê um programa da entrada padrão "
                + "ou inicia o REPL quando a entrada padrão é um terminal. Dentro do calc, `:help` lista os tópicos."
        case .scriptsHelp: return "Scripts a executar, em ordem."
        case .statementsHelp: return "Executa STATEMENTS (pode ser repetido)."
        case .loadHelp: return "Carrega FILE e continua no modo interativo."
        case .formatHelp: return "Formato de saída das expressões: plain, unicode ou latex."
        case .digitsHelp: return "Algarismos significativos dos números (1–17)."
        case .noColorHelp: return "Sem cores (também quando NO_COLOR está definida)."
        case .keepGoingHelp: return "Executa todas as instruções, mesmo depois de um erro."
        case .quietHelp: return "Sem a mensagem de boas-vindas no REPL."
        case .langHelp:
            return "Idioma das mensagens e da ajuda: en (English) ou pt (português); o padrão segue o locale do sistema."
        case .unknownLanguage(let l): return "idioma desconhecido '\(l)'; os idiomas são en e pt"
        case .unknownFormat(let f): return "formato desconhecido '\(f)'; os formatos são plain, unicode e latex"
        case .digitsRange: return "--digits aceita um número inteiro de 1 a 17"
        case .parserPhrase(let p):
            switch p {
            case .overview: return "VISÃO GERAL:"
            case .usageHeading: return "USO:"
            case .argumentsHeading: return "ARGUMENTOS:"
            case .optionsHeading: return "OPÇÕES:"
            case .defaultValue: return "(padrão: "
            case .showVersion: return "Mostra a versão."
            case .showHelp: return "Mostra esta ajuda."
            case .error: return "Erro: "
            case .usage: return "Uso: "
            case .help: return "Ajuda: "
            case .seeHelp: return "Veja 'calc --help' para mais informações."
            case .unknownOption: return "Opção desconhecida"
            case .missingValue: return "Falta o valor de"
            case .missingArgument: return "Falta o argumento"
            case .unexpectedArgument: return "Argumento inesperado"
            }
        case .banner(let version): return "calc \(version) — :help para ajuda, Tab completa, Ctrl-D sai"
        case .progress(let step, let f, let g):
            return "passo \(grouped(step))   f = \(f)   |∇f| = \(g)   (Ctrl-C interrompe)"
        case .cannotWriteOutput(let reason): return "não foi possível escrever a saída: \(reason)"
        case .cannotReadScript(let path, let reason): return "não foi possível ler `\(path)`: \(reason)"
        case .checkScriptPath: return "verifique o caminho; os scripts geralmente terminam em .calc"
        case .isADirectory: return "é uma pasta"
        case .isASymbolicLink: return "é um link simbólico"
        case .fileTooLarge(let mib): return "o arquivo tem mais de \(mib) MiB"
        case .noHome: return "não há pasta pessoal (HOME não está definida); o histórico não será salvo"
        case .cannotReadHistory(let path, let reason): return "não foi possível ler o arquivo de histórico \(path): \(reason)"
        case .historyIsDirectory(let path):
            return "não é possível usar o arquivo de histórico \(path): é uma pasta; o histórico não será salvo"
        case .historyIsSymbolicLink(let path):
            return "não é possível usar o arquivo de histórico \(path): é um link simbólico; o histórico não será salvo"
        case .cannotCreateHistoryDirectory(let path, let reason):
            return "não foi possível criar a pasta do histórico \(path): \(reason); o histórico não será salvo"
        case .cannotWriteHistory(let path, let reason):
            return "não foi possível salvar o arquivo de histórico \(path): \(reason); o histórico não será salvo"
        }
    }
}
