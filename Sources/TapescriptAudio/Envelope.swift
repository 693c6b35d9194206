import Foundation

/// The voice of a recording over time: for every channel the voice-band level of each 10 ms window, and for
/// all channels together the pitch. Computed once on import and stored with the recording, so that segmenting
/// again, drawing level meters and histograms never decode the audio again.
///
/// Values are kept as one byte each — levels in half-decibel steps, pitch in quarter-semitone steps — which is
/// finer than anything segmentation or a meter can use, and keeps three hours of stereo to about 3 MB.
public struct Envelope: Sendable, Equatable {
    /// The window every value covers: 10 ms, rounded to whole decimation groups.
    public static let windowSeconds = 0.01
    /// The level given to digital silence, and the lowest level stored.
    public static let floorDecibels: Float = -120

    public let sampleRate: Int
    public let windowFrameCount: Int
    public let channelCount: Int
    /// Level codes, interleaved by channel: `levelCodes[window * channelCount + channel]`; see `LevelCode`.
    public let levelCodes: [UInt8]
    /// Pitch codes per window, 0 where unvoiced; see `PitchCode`.
    public let pitchCodes: [UInt8]
    /// The voices of a mono recording, for telling its speakers apart; nil for call recordings (each party has
    /// a channel) and for envelopes stored before voiceprints existed.
    public let voiceprint: Voiceprint?

    public init(
        sampleRate: Int, windowFrameCount: Int, channelCount: Int, levelCodes: [UInt8], pitchCodes: [UInt8],
        voiceprint: Voiceprint? = nil
    ) {
        precondition(channelCount > 0 && levelCodes.count % channelCount == 0, "levels must fill whole windows")
        precondition(pitchCodes.count == levelCodes.count / channelCount, "one pitch per window")
        self.sampleRate = sampleRate
        self.windowFrameCount = windowFrameCount
        self.channelCount = channelCount
        self.levelCodes = levelCodes
        self.pitchCodes = pitchCodes
        self.voiceprint = voiceprint
    }

    /// About 10 ms, rounded to a whole number of the analysis's decimation groups.
    public static func windowFrameCount(sampleRate: Int) -> Int {
        let decimation = EnvelopeBuilder.decimation(sampleRate: sampleRate)
        let groups = max(1, Int((Double(sampleRate) * windowSeconds / Double(decimation)).rounded()))
        return groups * decimation
    }

    public var windowCount: Int { pitchCodes.count }

    /// The voice-band level of `channel` in `window`, in dBFS.
    public func level(window: Int, channel: Int) -> Float {
        LevelCode.decibels(levelCodes[window * channelCount + channel])
    }

    /// The pitch in `window` in semitones above 1 Hz, nil where unvoiced.
    public func pitchSemitones(window: Int) -> Float? { PitchCode.semitones(pitchCodes[window]) }

    /// The time `window` starts at, in seconds.
    func seconds(ofWindow window: Int) -> Double { Double(window * windowFrameCount) / Double(sampleRate) }

    /// The first frame of `window`.
    public func frame(ofWindow window: Int) -> Int64 { Int64(window) * Int64(windowFrameCount) }

    /// The window that holds `frame`.
    public func window(ofFrame frame: Int64) -> Int { Int(frame / Int64(windowFrameCount)) }

    /// The loudness from `start` to `end` (frames) in dBFS: the mean power of `channel`, or of the loudest
    /// channel in each window when no channel is given.
    public func meanLevel(from start: Int64, to end: Int64, channel: Int?) -> Float {
        guard windowCount > 0 else { return Self.floorDecibels }
        let first = min(window(ofFrame: start), windowCount - 1)
        let last = max(first + 1, min(windowCount, window(ofFrame: end)))
        var power: Float = 0
        for window in first..<last {
            let codes = levelCodes[(window * channelCount)..<((window + 1) * channelCount)]
            let code = channel.flatMap { $0 < channelCount ? codes[codes.startIndex + $0] : nil } ?? codes.max() ?? 0
            power += LevelCode.power[Int(code)]
        }
        let mean = power / Float(last - first)
        return mean > 0 ? 10 * log10f(mean) : Self.floorDecibels
    }

    /// The level codes of one channel, window after window.
    public func levelCodes(ofChannel channel: Int) -> [UInt8] {
        guard channelCount > 1 else { return levelCodes }
        return (0..<windowCount).map { levelCodes[$0 * channelCount + channel] }
    }
}

/// Levels as one byte: half-decibel steps from −120 dBFS (code 0) to +7.5 dBFS (code 255).
public enum LevelCode {
    public static func code(decibels: Float) -> UInt8 {
        UInt8(max(0, min(255, ((decibels - Envelope.floorDecibels) * 2).rounded())))
    }

    public static func decibels(_ code: UInt8) -> Float { Envelope.floorDecibels + Float(code) / 2 }

    /// Linear power for every code, so that averaging levels needs no `pow` per window.
    static let power: [Float] = (0...255).map { powf(10, decibels(UInt8($0)) / 10) }
}

/// Pitch as one byte: 0 unvoiced, else quarter-semitone steps from 40 Hz (code 1) up to about 1.5 kHz.
public enum PitchCode {
    static let lowestSemitones: Float = 12 * log2f(40)

    public static func code(hertz: Float) -> UInt8 {
        guard hertz > 0 else { return 0 }
        return UInt8(max(1, min(255, ((12 * log2f(hertz) - lowestSemitones) * 4).rounded() + 1)))
    }

    public static func semitones(_ code: UInt8) -> Float? {
        code == 0 ? nil : lowestSemitones + Float(code - 1) / 4
    }
}
