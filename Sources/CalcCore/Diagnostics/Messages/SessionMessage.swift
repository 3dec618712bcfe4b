// SessionMessage — what the session itself says: meta commands (`:load`,
// `:digits`, …), results too large to print, interruptions.
// Worded by Rendering/Catalogue/English+Session.swift.
//
// (An interruption is `EvaluationMessage.interrupted`, and a close spelling
// of a name `EvaluationMessage.didYouMean`: the session says them the same way.)

public enum SessionMessage: Sendable, Equatable {
    // MARK: running statements

    /// A failure that is calc's fault, with Swift's description of the error.
    case internalError(String)
    /// A result whose written-out form would exceed `limit` nodes.
    case resultTooLarge(limit: Int)
    /// Help under `resultTooLarge`.
    case evaluateAtPointOrSilence

    // MARK: meta commands

    case unknownCommand(String)
    /// Help: a close spelling of a meta command (`:vars`).
    case didYouMeanCommand(String)
    /// Help: every meta command.
    case commandList([String])
    case noHelpTopic(String)
    /// Help: the topics `:help` knows.
    case helpTopics([String])
    /// What `:vars` says when nothing is defined.
    case noVariablesDefined
    /// `:clear x` of a name that is not bound.
    case notDefined(name: String)
    case digitsNeedsNumber
    /// `:digits` with something other than a whole number from `range`.
    case digitsOutOfRange(found: String, range: ClosedRange<Int>)
    /// Help under the `:digits` errors.
    case digitsDefault
    case formatNeedsStyle
    case unknownFormat(String)
    /// Help under the `:format` errors.
    case formatStyles
    case langNeedsLanguage
    case unknownLanguage(String)
    /// The languages `:lang` takes (their codes).
    case languagesAre([String])
    case loadNeedsFile
    /// Help under `loadNeedsFile`.
    case loadUsage
    /// `:load` in a session given no way to read files.
    case loadUnavailable
    case loadTooDeep
    /// A file `:load` could not read; the reason is the system's, as it said it.
    case cannotLoad(path: String, reason: String)
    /// A loaded file stopped at an error (reported above this one).
    case loadStopped(path: String)
}
