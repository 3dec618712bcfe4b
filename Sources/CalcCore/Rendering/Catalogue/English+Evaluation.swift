// English+Evaluation — the English words of every EvaluationMessage.

extension Catalogue {
    func english(_ m: EvaluationMessage) -> String {
        switch m {
        case .calledAt(let f, let file, let line, let column): return "in `\(f)`, called at \(file):\(line):\(column)"
        case .inExpression(let e): return "in `\(e)`"
        }
    }
}
