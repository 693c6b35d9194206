import Foundation
import TapescriptTime

/// The forms `tapescript segments` writes.
enum SegmentFormat: String, CaseIterable, Sendable {
    case table, json, txt, labels, srt, vtt
}

/// Renders segment rows as Audacity labels, SubRip, WebVTT or a plain-text transcript.
enum SegmentExport {
    static func labels(_ rows: [SegmentRow]) -> String { CueWriter.labels(rows.map { cue($0, speakerNames: false) }) }

    static func srt(_ rows: [SegmentRow], speakerNames: Bool = false) -> String {
        CueWriter.srt(rows.map { cue($0, speakerNames: speakerNames) })
    }

    static func vtt(_ rows: [SegmentRow], speakerNames: Bool = false) -> String {
        CueWriter.vtt(rows.map { cue($0, speakerNames: speakerNames) })
    }

    /// The interview as one reads a transcript: each segment a paragraph under its time and speaker; `[…]` where a
    /// segment has no text yet, so the gaps show.
    static func transcript(_ rows: [SegmentRow], title: String) -> String {
        var out = "\(title)\n"
        for row in rows {
            let speaker = row.speaker.map { " \($0)" } ?? ""
            out += "\n[\(Timecode.clock(row.start))]\(speaker)\n\(text(of: row) ?? "[…]")\n"
        }
        return out
    }

    private static func cue(_ row: SegmentRow, speakerNames: Bool) -> Cue {
        let caption: String
        if let text = text(of: row) {
            caption = speakerNames ? (row.speaker.map { "\($0): " } ?? "") + text : text
        } else {
            caption = numberAndSpeaker(row)
        }
        return Cue(number: row.index, startSeconds: row.start, endSeconds: row.end, text: caption)
    }

    /// A segment's words, or nil while it has none.
    private static func text(of row: SegmentRow) -> String? {
        guard let text = row.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// Until there is text: the segment number, and the speaker where known.
    static func numberAndSpeaker(_ row: SegmentRow) -> String {
        row.speaker.map { "\(row.index) \($0)" } ?? String(row.index)
    }
}
