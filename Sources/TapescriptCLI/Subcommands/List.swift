import ArgumentParser
import Foundation
import TapescriptAudio
import TapescriptLibrary
import TapescriptTime

extension Tapescript {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the interviews in the library.")

        @OptionGroup var libraryOptions: LibraryOptions
        @OptionGroup var paging: PagingOptions

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
            /// The recording is not at `path` any more (moved or deleted): `relink` points the interview at it.
            var recordingMissing: Bool
        }

        func run() throws {
            let summaries = try libraryOptions.openForReading()?.summaries() ?? []
            let pager = paging.start()
            defer { pager?.finish() }
            let entries = summaries.map { summary in
                Entry(
                    id: summary.interview.id ?? 0, slug: summary.interview.slug, title: summary.interview.title,
                    duration: summary.recording.durationSeconds, channels: summary.recording.channelCount,
                    segments: summary.segmentCount, path: summary.recording.path,
                    importedAt: summary.recording.importedAt.formatted(.iso8601),
                    recordingMissing: !FileManager.default.fileExists(atPath: summary.recording.path))
            }
            if json { return try printJSON(entries) }
            guard !entries.isEmpty else {
                Diagnostics().line("No interviews yet. Add one with: tapescript import FILE")
                return
            }
            let missing = entries.filter(\.recordingMissing)
            let table = TextTable(
                header: ["#", "slug", "title", "length", "ch", "segments"] + (missing.isEmpty ? [] : ["recording"]),
                rightAligned: [0, 3, 4, 5],
                rows: entries.map { entry in
                    [
                        String(entry.id), entry.slug, entry.title, Timecode.duration(entry.duration),
                        String(entry.channels), String(entry.segments),
                    ] + (missing.isEmpty ? [] : [entry.recordingMissing ? "missing" : ""])
                },
                shrinkable: 2)
            Output.write(table.render(terminal: .standardOutput))
            if let first = missing.first {
                let count = missing.count
                Diagnostics().line(
                    TerminalText(
                        "\(count) recording\(count == 1 ? " is" : "s are") not where \(count == 1 ? "it was" : "they were") "
                            + "imported from; point an interview at its file with: tapescript relink \(first.slug) NEWPATH"
                    ))
            }
        }
    }
}
