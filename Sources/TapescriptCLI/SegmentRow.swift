import Foundation
import TapescriptAudio
import TapescriptLibrary

/// One segment as the reading commands present it: times in seconds, the speaker, its level.
struct SegmentRow: Encodable {
    var index: Int
    var start: Double
    var end: Double
    var duration: Double
    var speaker: String?
    var level: Double
    var startFrame: Int64
    var endFrame: Int64
    var markers: [MarkerRow]

    private enum CodingKeys: String, CodingKey {
        case index, start, end, duration, speaker, level, startFrame, endFrame, markers
    }

    /// As synthesised, but `speaker` is written as null when unknown rather than left out: scripts rely on
    /// every key being there.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(duration, forKey: .duration)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(level, forKey: .level)
        try container.encode(startFrame, forKey: .startFrame)
        try container.encode(endFrame, forKey: .endFrame)
        try container.encode(markers, forKey: .markers)
    }

    struct MarkerRow: Encodable {
        var time: Double
        var label: String
    }

    /// The rows of an interview, 1-based in time order, each with the recorder markers that fall inside it.
    static func rows(of detail: InterviewDetail, envelope: Envelope) -> [SegmentRow] {
        let rate = Double(detail.recording.sampleRate)
        return detail.segments.enumerated().map { offset, segment in
            let markers = detail.markers.filter { $0.frame >= segment.startFrame && $0.frame < segment.endFrame }
            return SegmentRow(
                index: offset + 1,
                start: round6(Double(segment.startFrame) / rate),
                end: round6(Double(segment.endFrame) / rate),
                duration: round6(Double(segment.endFrame - segment.startFrame) / rate),
                speaker: segment.channel.map(Speaker.letter),
                level: (Double(
                    envelope.meanLevel(from: segment.startFrame, to: segment.endFrame, channel: segment.channel)) * 10)
                    .rounded() / 10,
                startFrame: segment.startFrame,
                endFrame: segment.endFrame,
                markers: markers.map { MarkerRow(time: round6(Double($0.frame) / rate), label: $0.label) })
        }
    }

    private static func round6(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}

/// Speakers are letters until someone names them: channel 0 is A, channel 1 is B.
enum Speaker {
    static func letter(channel: Int) -> String {
        String(UnicodeScalar(UInt8(65 + min(max(channel, 0), 25))))
    }
}
