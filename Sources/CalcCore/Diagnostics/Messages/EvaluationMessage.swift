// EvaluationMessage — what evaluating an expression says: unknown names,
// arity, domain errors, types that do not combine, derivative notations
// used wrongly, points that do not fit. Worded by
// Rendering/Catalogue/English+Evaluation.swift.

public enum EvaluationMessage: Sendable, Equatable {
    /// Where the failing function was called (a help line under an error inside it).
    case calledAt(function: String, file: String, line: Int, column: Int)
    /// Which part of an expression failed.
    case inExpression(String)
}
