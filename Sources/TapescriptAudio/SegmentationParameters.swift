/// The knobs of silence segmentation. The defaults suit interviews; the README explains each.
public struct SegmentationParameters: Sendable, Equatable, Codable {
    /// A pause at least this long always ends a segment, even when the same person goes on speaking.
    public var minimumSilenceSeconds: Double
    /// A shorter pause ends a segment only when the other person speaks after it (a turn change).
    /// Pauses below `minimumTurnGapSeconds` never do: they are the gaps between words.
    public var minimumTurnGapSeconds: Double
    /// Speech shorter than this, with silence on both sides, is dropped as a click or a cough.
    public var minimumSpeechSeconds: Double
    /// Added before and after each segment (never across into a neighbour) so no word onset is clipped.
    public var paddingSeconds: Double
    /// How far above the local noise floor, in dB, a window must rise to start speech; nil: adaptive
    /// (a third of the way from the noise floor to the speech level, at least 6 dB).
    public var thresholdDecibels: Double?
    /// How far below the start threshold the level must fall to end speech.
    public var hysteresisDecibels: Double

    public static let interview = SegmentationParameters(
        minimumSilenceSeconds: 0.6,
        minimumTurnGapSeconds: 0.1,
        minimumSpeechSeconds: 0.2,
        paddingSeconds: 0.05,
        thresholdDecibels: nil,
        hysteresisDecibels: 4
    )

    public init(
        minimumSilenceSeconds: Double, minimumTurnGapSeconds: Double, minimumSpeechSeconds: Double,
        paddingSeconds: Double, thresholdDecibels: Double?, hysteresisDecibels: Double
    ) {
        self.minimumSilenceSeconds = minimumSilenceSeconds
        self.minimumTurnGapSeconds = minimumTurnGapSeconds
        self.minimumSpeechSeconds = minimumSpeechSeconds
        self.paddingSeconds = paddingSeconds
        self.thresholdDecibels = thresholdDecibels
        self.hysteresisDecibels = hysteresisDecibels
    }
}

/// A stretch of speech found in a recording, in frames (end exclusive).
public struct SpeechRegion: Sendable, Equatable {
    public var startFrame: Int64
    public var endFrame: Int64
    /// The channel that carries the talker on a multichannel call recording; nil for mono.
    public var channel: Int?

    public init(startFrame: Int64, endFrame: Int64, channel: Int?) {
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.channel = channel
    }
}
