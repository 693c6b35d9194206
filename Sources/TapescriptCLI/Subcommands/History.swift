import ArgumentParser
import Foundation
import TapescriptLibrary

extension Tapescript {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Every version of a segment's text: who wrote it (interviewer, author via draft N, machine), when.")

        @OptionGroup var options: InterviewOptions
        @OptionGroup var paging: PagingOptions

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

        /// The author's comments written by this segment's paragraph, in any draft.
        private func showComments(on index: Int) throws {
            let library = try options.library()
            let snapshot = try library.reviewSnapshot(of: options.reference)
            guard snapshot.segments.indices.contains(index - 1) else { return }
            let segment = snapshot.segments[index - 1]
            let comments = try library.comments(options.reference, overlapping: segment.startFrame..<segment.endFrame)
                .filter { $0.frames != nil }
            guard !comments.isEmpty else { return }
            Output.line(Terminal.standardOutput.bold("\nComments from the author"))
            for comment in comments { Output.line("   draft \(comment.draftVersion): \(comment.text)") }
        }

        func run() throws {
            let versions = try options.library().history(options.reference, segment: segment)
            let entries = versions.enumerated().map { offset, version in
                Entry(
                    version: offset + 1, origin: version.origin.rawValue, draft: version.draftVersion,
                    date: version.createdAt.formatted(.iso8601), text: version.text)
            }
            let pager = paging.start()
            defer { pager?.finish() }
            if json { return try printJSON(entries) }
            if entries.isEmpty { Output.line("Segment \(segment) has no text yet.") }
            let terminal = Terminal.standardOutput
            for entry in entries {
                let who = entry.origin + (entry.draft.map { " via draft \($0)" } ?? "")
                Output.line(terminal.bold("\(entry.version). \(who)") + terminal.dim("  \(entry.date)"))
                Output.line("   \(entry.text.isEmpty ? "(emptied)" : entry.text)")
            }
            try showComments(on: segment)
        }
    }
}
