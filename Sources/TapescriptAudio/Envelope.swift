import Foundation

/// The level of a recording over time: for every channel, the energy of each short window in dBFS.
///
/// Computed once on import and stored with the recording, so that segmenting again with other parameters,
/// drawing level meters and histograms never decode the audio again.
public struct Envelope: Sendable, Equatable {
    /// The window every value covers: 10 ms, rounded to whole frames.
    public static let windowSeconds = 0.01
    /// The level given to digital silence, and the lowest level stored.
    public static let floorDecibels: Float = -120

    public let sampleRate: Int
    public let windowFrameCount: Int
    public let channelCount: Int
    /// Voice-band levels in dBFS, interleaved by channel: `levels[window * channelCount + channel]`.
    public private(set) var levels: [Float]
    /// The pitch of the voice in Hz per window, 0 where unvoiced; one track for all channels together.
    public private(set) var pitch: [Float]

    public init(sampleRate: Int, windowFrameCount: Int, channelCount: Int, levels: [Float], pitch: [Float]) {
        precondition(channelCount > 0 && levels.count % channelCount == 0, "levels must fill whole windows")
        precondition(pitch.count == levels.count / channelCount, "one pitch per window")
        self.sampleRate = sampleRate
        self.windowFrameCount = windowFrameCount
        self.channelCount = channelCount
        self.levels = levels
        self.pitch = pitch
    }

    /// About 10 ms, rounded to a whole number of the analysis's decimation groups.
    public static func windowFrameCount(sampleRate: Int) -> Int {
        let decimation = EnvelopeBuilder.decimation(sampleRate: sampleRate)
        let groups = max(1, Int((Double(sampleRate) * windowSeconds / Double(decimation)).rounded()))
        return groups * decimation
    }

    public var windowCount: Int { levels.count / channelCount }

    public func level(window: Int, channel: Int) -> Float { levels[window * channelCount + channel] }

    /// The first frame of `window`.
    public func frame(ofWindow window: Int) -> Int64 { Int64(window) * Int64(windowFrameCount) }

    /// The window that holds `frame`.
    public func window(ofFrame frame: Int64) -> Int { Int(frame / Int64(windowFrameCount)) }

    /// One level per window for all channels together: the loudest channel's.
    public func loudestLevels() -> [Float] {
        guard channelCount > 1 else { return levels }
        return (0..<windowCount).map { window in
            var loudest = Envelope.floorDecibels
            for channel in 0..<channelCount { loudest = max(loudest, levels[window * channelCount + channel]) }
            return loudest
        }
    }
}
