// CommandMessage — what minimize, explain and plot say when their input is
// wrong: targets, start points, options, ranges, files. (Their reports are
// ReportMessages.) Worded by Rendering/Catalogue/English+Command.swift.

public enum CommandMessage: Sendable, Equatable {
}
