import Foundation
import TapescriptAudio

/// The forms `tapescript segments` writes.
enum SegmentFormat: String, CaseIterable, Sendable {
    case table, json, labels, srt, vtt
}

/// Renders segment rows as Audacity labels, SubRip or WebVTT.
enum SegmentExport {
    /// One `start<TAB>end<TAB>label` line per segment, seconds with 6 decimals, as Audacity imports them.
    static func labels(_ rows: [SegmentRow]) -> String {
        rows.map { row in
            String(format: "%.6f\t%.6f\t%@", row.start, row.end, caption(row))
        }
        .joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
    }

    static func srt(_ rows: [SegmentRow]) -> String {
        rows.map { row in
            let start = Timecode.subtitle(row.start, separator: ",")
            let end = Timecode.subtitle(row.end, separator: ",")
            return "\(row.index)\n\(start) --> \(end)\n\(caption(row))\n"
        }
        .joined(separator: "\n")
    }

    static func vtt(_ rows: [SegmentRow]) -> String {
        "WEBVTT\n\n"
            + rows.map { row in
                let start = Timecode.subtitle(row.start, separator: ".")
                let end = Timecode.subtitle(row.end, separator: ".")
                return "\(row.index)\n\(start) --> \(end)\n\(caption(row))\n"
            }
            .joined(separator: "\n")
    }

    /// Until there is text: the segment number, and the speaker where known.
    static func caption(_ row: SegmentRow) -> String {
        row.speaker.map { "\(row.index) \($0)" } ?? String(row.index)
    }
}
