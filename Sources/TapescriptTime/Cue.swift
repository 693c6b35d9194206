import Foundation

/// A stretch of time with a caption: a subtitle cue or an Audacity label.
public struct Cue: Sendable, Equatable {
    /// The cue's number in a subtitle file.
    public var number: Int
    public var startSeconds: Double
    public var endSeconds: Double
    public var text: String

    public init(number: Int, startSeconds: Double, endSeconds: Double, text: String) {
        self.number = number
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.text = text
    }
}

/// Writes cues as SubRip, WebVTT or an Audacity label track.
public enum CueWriter {
    public static func srt(_ cues: [Cue]) -> String {
        cues.map { block($0, separator: ",") }.joined(separator: "\n")
    }

    public static func vtt(_ cues: [Cue]) -> String {
        "WEBVTT\n\n" + cues.map { block($0, separator: ".") }.joined(separator: "\n")
    }

    /// One `start<TAB>end<TAB>label` line per cue, seconds with 6 decimals, as Audacity imports them.
    public static func labels(_ cues: [Cue]) -> String {
        cues.map { String(format: "%.6f\t%.6f\t%@", $0.startSeconds, $0.endSeconds, $0.text) }
            .joined(separator: "\n") + (cues.isEmpty ? "" : "\n")
    }

    private static func block(_ cue: Cue, separator: Character) -> String {
        let start = Timecode.subtitle(cue.startSeconds, separator: separator)
        let end = Timecode.subtitle(cue.endSeconds, separator: separator)
        return "\(cue.number)\n\(start) --> \(end)\n\(cue.text)\n"
    }
}
