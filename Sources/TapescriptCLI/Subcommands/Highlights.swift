import ArgumentParser
import Foundation
import TapescriptAudio
import TapescriptLibrary
import TapescriptTime

extension Tapescript {
    struct Highlights: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an interview's highlights, and the recorder markers that are candidates for more.")

        @OptionGroup var options: InterviewOptions
        @OptionGroup var paging: PagingOptions

        @Flag(help: "Print the highlights as a JSON array.")
        var json = false

        struct Entry: Encodable {
            var number: Int
            var title: String?
            var note: String?
            var start: Double
            var end: Double
            var firstSegment: Int?
            var lastSegment: Int?
            /// The author's comments written by a paragraph of this highlight, oldest first.
            var comments: [String]
            /// The recorder's and listener's markers inside the highlight.
            var markers: [SegmentRow.MarkerRow]

            /// Every key is written, null where there is nothing: scripts rely on every key being there.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(number, forKey: .number)
                try container.encode(title, forKey: .title)
                try container.encode(note, forKey: .note)
                try container.encode(start, forKey: .start)
                try container.encode(end, forKey: .end)
                try container.encode(firstSegment, forKey: .firstSegment)
                try container.encode(lastSegment, forKey: .lastSegment)
                try container.encode(comments, forKey: .comments)
                try container.encode(markers, forKey: .markers)
            }

            private enum CodingKeys: String, CodingKey {
                case number, title, note, start, end, firstSegment, lastSegment, comments, markers
            }
        }

        func run() throws {
            let library = try options.library()
            let snapshot = try library.reviewSnapshot(of: options.reference)
            let comments = try library.comments(options.reference)
            let pager = paging.start()
            defer { pager?.finish() }
            let entries = snapshot.highlights.map { highlight in
                Entry(
                    number: highlight.number, title: highlight.title, note: highlight.note,
                    start: snapshot.seconds(highlight.startFrame), end: snapshot.seconds(highlight.endFrame),
                    firstSegment: highlight.segments?.lowerBound, lastSegment: highlight.segments?.upperBound,
                    comments: comments.filter { $0.frames?.overlaps(highlight.startFrame..<highlight.endFrame) == true }
                        .map { "[\($0.anchor ?? "")] \($0.text)" },
                    markers: snapshot.markers.filter { (highlight.startFrame..<highlight.endFrame).contains($0.frame) }
                        .map { SegmentRow.MarkerRow($0, in: snapshot) })
            }
            if json { return try printJSON(entries) }
            if entries.isEmpty {
                Diagnostics().line("No highlights yet. Mark some with: tapescript mark \(options.interview) 3 5-7")
            }
            for entry in entries {
                let span =
                    entry.firstSegment.map { first in
                        entry.lastSegment.map { $0 == first ? "segment \(first)" : "segments \(first)–\($0)" } ?? ""
                    } ?? "no segments"
                Output.line(
                    "\(entry.number). \(entry.title ?? "(untitled)")  \(Timecode.clock(entry.start))–"
                        + "\(Timecode.clock(entry.end))  \(span)" + (entry.note.map { "\n   note: \($0)" } ?? ""))
                for comment in entry.comments { Output.line("   author's comment: \(comment)") }
            }
            let general = comments.filter { $0.frames == nil }
            if !general.isEmpty {
                Output.line(Terminal.standardOutput.bold("\nThe author's comments on the whole draft"))
                for comment in general { Output.line("  draft \(comment.draftVersion): \(comment.text)") }
            }
            let candidates = snapshot.markers.filter { marker in
                !snapshot.highlights.contains { $0.startFrame <= marker.frame && marker.frame < $0.endFrame }
            }
            if !candidates.isEmpty {
                Output.line(Terminal.standardOutput.bold("\nMarkers not yet in a highlight"))
                for marker in candidates {
                    let segment = snapshot.segmentIndex(containing: marker.frame).map { " (segment \($0 + 1))" } ?? ""
                    let label = marker.label.isEmpty ? marker.origin.rawValue : marker.label
                    Output.line("  \(Timecode.clock(snapshot.seconds(marker.frame)))\(segment)  \(label)")
                }
            }
        }
    }
}
