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
    /// How sure import was of the voice (0–1), rounded to two places; null where the channel tells or a person
    /// chose.
    var speakerConfidence: Double? = nil
    /// Whether a person gave the segment its speaker.
    var speakerByHand = false
    var highlight: Int?
    var text: String?
    var level: Double
    var startFrame: Int64
    var endFrame: Int64
    var markers: [MarkerRow]

    private enum CodingKeys: String, CodingKey {
        case index, start, end, duration, speaker, speakerConfidence, speakerByHand, highlight, text, level, startFrame,
            endFrame, markers
    }

    /// As synthesised, but `speaker`, `speakerConfidence`, `highlight` and `text` are written as null when there is none rather
    /// than left out: scripts rely on every key being there.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(duration, forKey: .duration)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(speakerConfidence, forKey: .speakerConfidence)
        try container.encode(speakerByHand, forKey: .speakerByHand)
        try container.encode(highlight, forKey: .highlight)
        try container.encode(text, forKey: .text)
        try container.encode(level, forKey: .level)
        try container.encode(startFrame, forKey: .startFrame)
        try container.encode(endFrame, forKey: .endFrame)
        try container.encode(markers, forKey: .markers)
    }

    struct MarkerRow: Encodable {
        var time: Double
        var label: String
        /// `recorder` (a cue point in the file) or `listener` (dropped during review).
        var origin: String

        /// `marker` as scripts see it: its time in seconds, to the microsecond.
        init(_ marker: Marker, in snapshot: ReviewSnapshot) {
            time = SegmentRow.round6(snapshot.seconds(marker.frame))
            label = marker.label
            origin = marker.origin.rawValue
        }
    }

    /// The rows of an interview, 1-based in time order, each with the recorder markers that fall inside it.
    static func rows(of snapshot: ReviewSnapshot, envelope: Envelope) -> [SegmentRow] {
        let rate = Double(snapshot.recording.sampleRate)
        var markers = snapshot.markers[...]
        return snapshot.segments.map { segment in
            while let first = markers.first, first.frame < segment.startFrame { markers = markers.dropFirst() }
            let inside = markers.prefix { $0.frame < segment.endFrame }
            let level = envelope.meanLevel(from: segment.startFrame, to: segment.endFrame, channel: segment.channel)
            return SegmentRow(
                index: segment.index,
                start: round6(Double(segment.startFrame) / rate),
                end: round6(Double(segment.endFrame) / rate),
                duration: round6(Double(segment.endFrame - segment.startFrame) / rate),
                speaker: snapshot.speaker(channel: segment.channel),
                speakerConfidence: segment.speakerConfidence.map { ($0 * 100).rounded() / 100 },
                speakerByHand: segment.speakerSetByHand,
                highlight: segment.highlight,
                text: segment.text,
                level: (Double(level) * 10).rounded() / 10,
                startFrame: segment.startFrame,
                endFrame: segment.endFrame,
                markers: inside.map { MarkerRow($0, in: snapshot) })
        }
    }

    static func round6(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
