import ArgumentParser
import Foundation
import TapescriptLibrary

extension Tapescript {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Every version of a segment's text: who wrote it (interviewer, author via draft N, machine), when.")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The segment number.")
        var segment: Int

        @Flag(help: "Print the versions as a JSON array.")
        var json = false

        struct Entry: Encodable {
            var version: Int
            var origin: String
            var draft: Int?
            var date: String
            var text: String
        }

        func run() throws {
            let versions = try options.library().history(options.reference, segment: segment)
            let entries = versions.enumerated().map { offset, version in
                Entry(
                    version: offset + 1, origin: version.origin.rawValue, draft: version.draftVersion,
                    date: version.createdAt.formatted(.iso8601), text: version.text)
            }
            if json { return try printJSON(entries) }
            if entries.isEmpty { Output.line("Segment \(segment) has no text yet.") }
            let terminal = Terminal.standardOutput
            for entry in entries {
                let who = entry.origin + (entry.draft.map { " via draft \($0)" } ?? "")
                Output.line(terminal.bold("\(entry.version). \(who)") + terminal.dim("  \(entry.date)"))
                Output.line("   \(entry.text.isEmpty ? "(emptied)" : entry.text)")
            }
        }
    }
}
