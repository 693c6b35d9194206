/// The knobs of silence segmentation. The defaults suit interviews; the README explains each.
public struct SegmentationParameters: Sendable, Equatable, Codable {
    /// A pause at least this long always ends a segment, even when the same person goes on. nil: 0.5 s when
    /// each talker has a channel of their own (the channel then tells a turn change at any pause, and only
    /// pauses inside a turn need bridging), 0.35 s on mono, where a turn change after a short gap cannot
    /// always be heard in the voice.
    public var minimumSilenceSeconds: Double?
    /// A shorter pause ends a segment only when the talker changes across it. Pauses below
    /// `minimumTurnGapSeconds` never do: they are the gaps between words.
    public var minimumTurnGapSeconds: Double
    /// On mono, the talker is taken to change when the median pitch on the two sides of a pause differs by at
    /// least this many semitones.
    public var pitchChangeSemitones: Double
    /// Speech shorter than this, with silence on both sides, is dropped as a click or a cough.
    public var minimumSpeechSeconds: Double
    /// Added before and after each segment (never more than half the pause to a neighbour).
    public var paddingSeconds: Double
    /// How far above the local noise floor, in dB, a window must rise to start speech; nil: adaptive
    /// (15% of the way from the noise floor to the speech level, at least 5 dB, at most 40 dB below speech).
    public var thresholdDecibels: Double?
    /// How far below the start threshold the level must fall to end speech.
    public var hysteresisDecibels: Double
    /// How many people talk on a mono recording, told apart by their voices; nil: two.
    public var speakerCount: Int?

    public static let interview = SegmentationParameters(
        minimumSilenceSeconds: nil,
        minimumTurnGapSeconds: 0.12,
        pitchChangeSemitones: 3,
        minimumSpeechSeconds: 0.08,
        paddingSeconds: 0.02,
        thresholdDecibels: nil,
        hysteresisDecibels: 3
    )

    public init(
        minimumSilenceSeconds: Double?, minimumTurnGapSeconds: Double, pitchChangeSemitones: Double,
        minimumSpeechSeconds: Double, paddingSeconds: Double, thresholdDecibels: Double?, hysteresisDecibels: Double,
        speakerCount: Int? = nil
    ) {
        self.minimumSilenceSeconds = minimumSilenceSeconds
        self.minimumTurnGapSeconds = minimumTurnGapSeconds
        self.pitchChangeSemitones = pitchChangeSemitones
        self.minimumSpeechSeconds = minimumSpeechSeconds
        self.paddingSeconds = paddingSeconds
        self.thresholdDecibels = thresholdDecibels
        self.hysteresisDecibels = hysteresisDecibels
        self.speakerCount = speakerCount
    }

    /// The minimum silence in force for a recording with `channelCount` channels.
    public func minimumSilenceSeconds(channelCount: Int) -> Double {
        minimumSilenceSeconds ?? (channelCount > 1 ? 0.5 : 0.35)
    }
}

/// A stretch of speech found in a recording, in frames (end exclusive).
public struct SpeechRegion: Sendable, Equatable {
    public var startFrame: Int64
    public var endFrame: Int64
    /// The channel that carries the talker on a multichannel call recording; nil for mono.
    public var channel: Int?
    /// Who talks: the channel's party on a call recording, on mono the voice it was told apart by (0 is whoever
    /// talks first); nil when a mono recording holds no voiceprint.
    public var speaker: Int?
    /// How sure the speaker is, from 0 (halfway between two voices) to 1; nil where there is no speaker.
    public var speakerConfidence: Double?

    public init(
        startFrame: Int64, endFrame: Int64, channel: Int?, speaker: Int? = nil, speakerConfidence: Double? = nil
    ) {
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.channel = channel
        self.speaker = speaker ?? channel
        self.speakerConfidence = speakerConfidence
    }
}
