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
        cues.map { block($0, separator: ",", text: lines($0.text)) }.joined(separator: "\n")
    }

    /// WebVTT cue text is markup: `&` and `<` are written as references, and `-->` cannot appear in it.
    public static func vtt(_ cues: [Cue]) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        return "WEBVTT\n\n"
            + cues.map { block($0, separator: ".", text: escaped(lines($0.text))) }.joined(separator: "\n")
    }

    /// One `start<TAB>end<TAB>label` line per cue, seconds with 6 decimals, as Audacity imports them.
    public static func labels(_ cues: [Cue]) -> String {
        cues.map {
            let label = $0.text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
            return String(format: "%.6f\t%.6f\t%@", $0.startSeconds, $0.endSeconds, label)
        }
        .joined(separator: "\n") + (cues.isEmpty ? "" : "\n")
    }

    /// A cue's text as lines that cannot end the cue early: a blank line ends a cue in both formats, so blank
    /// lines between paragraphs are dropped.
    private static func lines(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    private static func block(_ cue: Cue, separator: Character, text: String) -> String {
        let start = Timecode.subtitle(cue.startSeconds, separator: separator)
        let end = Timecode.subtitle(cue.endSeconds, separator: separator)
        return "\(cue.number)\n\(start) --> \(end)\n\(text)\n"
    }
}
