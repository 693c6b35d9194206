/// What libsndfile reports about a recording: its container, encoding and shape.
public struct AudioFormat: Sendable, Equatable, Codable {
    /// The container as libsndfile names it, e.g. "WAV (Microsoft)".
    public var container: String
    /// The sample encoding as libsndfile names it, e.g. "Signed 16 bit PCM".
    public var encoding: String
    public var sampleRate: Int
    public var channelCount: Int
    /// Frames the file holds (one frame = one sample per channel).
    public var frameCount: Int64
    /// How the samples are read: integer encodings through libsndfile's 16-bit path, the rest as float.
    public var sampleKind: SampleKind

    public init(
        container: String, encoding: String, sampleRate: Int, channelCount: Int, frameCount: Int64,
        sampleKind: SampleKind
    ) {
        self.container = container
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.frameCount = frameCount
        self.sampleKind = sampleKind
    }

    public var durationSeconds: Double { Double(frameCount) / Double(sampleRate) }
}

/// The read path a recording takes. Integer encodings (PCM, µ-law, A-law, FLAC, ADPCM) are read as 16-bit
/// integers, which is several times faster than libsndfile's float conversion and loses nothing a level
/// envelope can see; floating-point and perceptual codecs are read as float.
public enum SampleKind: String, Sendable, Equatable, Codable {
    case integer
    case floatingPoint
}
