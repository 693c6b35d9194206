import Foundation
import TapescriptTime

/// The forms `tapescript segments` writes.
enum SegmentFormat: String, CaseIterable, Sendable {
    case table, json, labels, srt, vtt
}

/// Renders segment rows as Audacity labels, SubRip or WebVTT.
enum SegmentExport {
    static func labels(_ rows: [SegmentRow]) -> String { CueWriter.labels(rows.map(cue)) }
    static func srt(_ rows: [SegmentRow]) -> String { CueWriter.srt(rows.map(cue)) }
    static func vtt(_ rows: [SegmentRow]) -> String { CueWriter.vtt(rows.map(cue)) }

    private static func cue(_ row: SegmentRow) -> Cue {
        Cue(number: row.index, startSeconds: row.start, endSeconds: row.end, text: caption(row))
    }

    /// Until there is text: the segment number, and the speaker where known.
    static func caption(_ row: SegmentRow) -> String {
        row.speaker.map { "\(row.index) \($0)" } ?? String(row.index)
    }
}
