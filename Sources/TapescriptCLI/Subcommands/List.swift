import ArgumentParser
import TapescriptAudio
import TapescriptLibrary
import TapescriptTime

extension Tapescript {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the interviews in the library.")

        @OptionGroup var libraryOptions: LibraryOptions

        @Flag(help: "Print the interviews as a JSON array.")
        var json = false

        struct Entry: Encodable {
            var id: Int64
            var slug: String
            var title: String
            var duration: Double
            var channels: Int
            var segments: Int
            var path: String
            var importedAt: String
        }

        func run() throws {
            let summaries = try libraryOptions.openForReading()?.summaries() ?? []
            let entries = summaries.map { summary in
                Entry(
                    id: summary.interview.id ?? 0, slug: summary.interview.slug, title: summary.interview.title,
                    duration: summary.recording.durationSeconds, channels: summary.recording.channelCount,
                    segments: summary.segmentCount, path: summary.recording.path,
                    importedAt: summary.recording.importedAt.formatted(.iso8601))
            }
            if json { return try printJSON(entries) }
            guard !entries.isEmpty else {
                Output.line("No interviews yet. Add one with: tapescript import FILE")
                return
            }
            let table = TextTable(
                header: ["#", "slug", "title", "length", "ch", "segments"],
                rightAligned: [0, 3, 4, 5],
                rows: entries.map { entry in
                    [
                        String(entry.id), entry.slug, entry.title, Timecode.duration(entry.duration),
                        String(entry.channels), String(entry.segments),
                    ]
                })
            Output.write(table.render(terminal: .standardOutput))
        }
    }
}
