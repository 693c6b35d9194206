/// Everything import learns from one pass over a recording.
public struct RecordingAnalysis: Sendable {
    public var format: AudioFormat
    public var envelope: Envelope
    public var fingerprint: String
    public var markers: [RecorderMarker]
    /// Frames actually decoded; fewer than `format.frameCount` when the file ends early.
    public var decodedFrameCount: Int64
    /// Set when the file ends before its header says it should (a recorder that crashed mid-file).
    public var truncation: Truncation?
    /// NaN or infinite samples met in a float file; they were counted as silence.
    public var nonFiniteSampleCount: Int

    /// How much of a recording is missing.
    public struct Truncation: Sendable, Equatable {
        /// Frames the header promised; nil when the header was never finished and promises nothing.
        public var expectedFrameCount: Int64?
        /// Frames the file really holds.
        public var availableFrameCount: Int64

        public var missingFrameCount: Int64? { expectedFrameCount.map { max(0, $0 - availableFrameCount) } }
    }
}
