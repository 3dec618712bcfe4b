// Portuguese+Evaluation — the Brazilian Portuguese words of every EvaluationMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: EvaluationMessage) -> String { english(m) }
}
