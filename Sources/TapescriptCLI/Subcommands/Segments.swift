import ArgumentParser
import Foundation
import TapescriptAudio
import TapescriptLibrary
import TapescriptTime

extension SegmentFormat: ExpressibleByArgument {}

extension Tapescript {
    struct Segments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an interview's segments and recorder markers.",
            discussion: """
                table: one line per segment with start, end, duration, speaker and level, then the markers. \
                json: an array of segments (index, start, end, duration, speaker, level, startFrame, endFrame, \
                markers). labels: an Audacity label track. srt, vtt: subtitles, one cue per segment with its \
                text (its number and speaker until it has text; --speaker-names begins each cue with the \
                speaker). txt: a readable transcript, each segment with its time and speaker. On a terminal the \
                table cuts the text to the window's width; into a pipe or a file it is written whole.
                """)

        @OptionGroup var options: InterviewOptions
        @OptionGroup var paging: PagingOptions

        @Option(help: "Output form: \(SegmentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: SegmentFormat = .table

        @Flag(help: "The same as --format json.")
        var json = false

        @Flag(help: "Begin each subtitle cue with its speaker's name (\"Andy: ...\"), for srt and vtt.")
        var speakerNames = false

        func validate() throws {
            if json, format != .table, format != .json { throw ValidationError("give --json or --format, not both") }
        }

        func run() throws {
            let format = json ? .json : format
            let library = try options.library()
            let snapshot = try library.reviewSnapshot(of: options.reference)
            let envelope = try library.envelope(of: snapshot.recording)
            let rows = SegmentRow.rows(of: snapshot, envelope: envelope)
            let pager = paging.start()
            defer { pager?.finish() }
            switch format {
            case .json: try printJSON(rows)
            case .labels: Output.write(TerminalText(SegmentExport.labels(rows)))
            case .srt: Output.write(TerminalText(SegmentExport.srt(rows, speakerNames: speakerNames)))
            case .vtt: Output.write(TerminalText(SegmentExport.vtt(rows, speakerNames: speakerNames)))
            case .txt: Output.write(TerminalText(SegmentExport.transcript(rows, title: snapshot.interview.title)))
            case .table: printTable(rows, snapshot: snapshot)
            }
        }

        private func printTable(_ rows: [SegmentRow], snapshot: ReviewSnapshot) {
            let terminal = Terminal.standardOutput
            let recording = snapshot.recording
            Output.line(
                terminal.bold(TerminalText(snapshot.interview.title))
                    + terminal.dim(
                        "  \(snapshot.interview.slug) · \(Timecode.duration(recording.durationSeconds)) · "
                            + "\(rows.count) segment\(rows.count == 1 ? "" : "s")"))
            guard !rows.isEmpty else {
                Diagnostics().line(
                    "No speech was found. Try 'tapescript pauses \(snapshot.interview.slug)' and 'resegment'.")
                return
            }
            let table = TextTable(
                header: ["#", "start", "end", "length", "speaker", "level", "hl", "text"],
                rightAligned: [0, 1, 2, 3, 5],
                rows: rows.map { row in
                    [
                        String(row.index), Timecode.clock(row.start), Timecode.clock(row.end),
                        Timecode.duration(row.duration), row.speaker ?? "–",
                        String(format: "%.0f dB ", row.level) + LevelMeter.bar(decibels: row.level),
                        row.highlight.map { "★\($0)" } ?? "", Self.oneLine(row.text),
                    ]
                },
                shrinkable: 7)
            Output.write(table.render(terminal: terminal))
            if !snapshot.markers.isEmpty {
                Output.line(terminal.bold("\nRecorder markers"))
                for marker in snapshot.markers {
                    let seconds = Double(marker.frame) / Double(recording.sampleRate)
                    let inside = rows.first { $0.startFrame <= marker.frame && marker.frame < $0.endFrame }
                    let place = inside.map { "in segment \($0.index)" } ?? "between segments"
                    let label = marker.label.isEmpty ? "" : "  \(marker.label)"
                    Output.line("  \(Timecode.clock(seconds))  \(place)\(label)")
                }
            }
        }
    }
}

extension Tapescript.Segments {
    /// A segment's text on one line: the table cuts it to the terminal's width, and only there.
    static func oneLine(_ text: String?) -> String {
        text?.split(whereSeparator: \.isNewline).joined(separator: " ") ?? ""
    }
}

/// A level drawn with Unicode block glyphs, from −60 dBFS (empty) to 0 dBFS (full).
enum LevelMeter {
    static let glyphs: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func bar(decibels: Double) -> String {
        let fraction = min(1, max(0, (decibels + 60) / 60))
        return String(glyphs[Int((fraction * Double(glyphs.count - 1)).rounded())])
    }
}
