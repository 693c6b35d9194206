import Foundation
import TapescriptKernels

/// Builds an `Envelope` from the voice band as it streams past, in constant memory apart from the envelope
/// itself.
///
/// The input is each channel decimated to about 4 kHz (`Decimator`). Each channel is high-passed at 200 Hz,
/// which takes out DC, mains hum and most rumble, leaving the voice band, and measured per window; the mix of
/// the channels feeds the pitch tracker.
public struct EnvelopeBuilder {
    static let targetDecimatedRate = 4000.0
    static let highPassCutoff = 200.0
    /// Pitch is estimated every this many windows (20 ms): plenty for comparing talkers, at half the cost.
    static let pitchWindowStride = 4

    public let sampleRate: Int
    public let channelCount: Int
    public let windowFrameCount: Int
    let decimator: Decimator
    /// Decimated frames in one window.
    let groupsPerWindow: Int
    private var filters: [Biquad]
    private var pitchTracker: PitchTracker
    /// Decimated frames of a window not yet complete (interleaved), then scratch for the mix.
    private var pending: [Float] = []
    private var mix: [Float]
    private var energies: [Float]
    private var levels: [UInt8] = []
    private var pitch: [UInt8] = []

    public init(sampleRate: Int, channelCount: Int, expectedFrameCount: Int64 = 0) {
        let decimation = Self.decimation(sampleRate: sampleRate)
        let windowFrameCount = Envelope.windowFrameCount(sampleRate: sampleRate)
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.windowFrameCount = windowFrameCount
        decimator = Decimator(channelCount: channelCount, decimation: decimation)
        groupsPerWindow = windowFrameCount / decimation
        let decimatedRate = Double(sampleRate) / Double(decimation)
        filters = Array(
            repeating: Biquad.highPass(cutoff: Self.highPassCutoff, sampleRate: decimatedRate), count: channelCount)
        pitchTracker = PitchTracker(sampleRate: decimatedRate)
        mix = [Float](repeating: 0, count: groupsPerWindow)
        energies = [Float](repeating: 0, count: channelCount)
        let expectedWindows = min(Int(expectedFrameCount / Int64(windowFrameCount)) + 1, 4_000_000)
        levels.reserveCapacity(expectedWindows * channelCount)
        pitch.reserveCapacity(expectedWindows)
    }

    /// Frames averaged into one sample of the voice band: the rate comes down to about 4 kHz.
    static func decimation(sampleRate: Int) -> Int { max(1, Int(Double(sampleRate) / targetDecimatedRate)) }

    /// Adds `frameCount` decimated frames (interleaved), as `decimator` makes them.
    public mutating func append(decimated frames: UnsafePointer<Float>, frameCount: Int) {
        let channels = channelCount
        var frame = 0
        if !pending.isEmpty {
            let take = min(groupsPerWindow - pending.count / channels, frameCount)
            pending.append(contentsOf: UnsafeBufferPointer(start: frames, count: take * channels))
            frame = take
            if pending.count == groupsPerWindow * channels {
                let window = pending
                pending.removeAll(keepingCapacity: true)
                window.withUnsafeBufferPointer { buffer in
                    if let base = buffer.baseAddress { closeWindow(base, groups: groupsPerWindow) }
                }
            }
        }
        while frame + groupsPerWindow <= frameCount {
            closeWindow(frames + frame * channels, groups: groupsPerWindow)
            frame += groupsPerWindow
        }
        pending.append(
            contentsOf: UnsafeBufferPointer(start: frames + frame * channels, count: (frameCount - frame) * channels))
    }

    /// The envelope so far, with the voiceprint taken beside it; a last partial window counts as a window of
    /// its own.
    public mutating func finish(voiceprint: Voiceprint? = nil) -> Envelope {
        if !pending.isEmpty {
            let window = pending
            pending.removeAll()
            window.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { closeWindow(base, groups: buffer.count / channelCount) }
            }
        }
        let windowCount = levels.count / channelCount
        if pitch.count < windowCount {
            let last = PitchCode.code(hertz: pitchTracker.estimate())
            pitch.append(contentsOf: repeatElement(last, count: windowCount - pitch.count))
        }
        return Envelope(
            sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount,
            levelCodes: levels, pitchCodes: Array(pitch.prefix(windowCount)), voiceprint: voiceprint)
    }

    /// Filters one window's decimated frames, measures each channel's level and hands the mix to the pitch
    /// tracker.
    private mutating func closeWindow(_ frames: UnsafePointer<Float>, groups: Int) {
        let channels = channelCount
        WindowEnergy.measure(frames, groupCount: groups, filters: &filters, energies: &energies, mix: &mix)
        mix.withUnsafeBufferPointer { mix in pitchTracker.append(UnsafeBufferPointer(rebasing: mix[0..<groups])) }
        for channel in 0..<channels {
            let meanSquare = energies[channel] / Float(max(1, groups))
            levels.append(meanSquare > 0 ? LevelCode.code(decibels: 10 * log10f(meanSquare)) : 0)
        }
        if (levels.count / channels) % Self.pitchWindowStride == 0 {
            let estimate = PitchCode.code(hertz: pitchTracker.estimate())
            for _ in 0..<Self.pitchWindowStride { pitch.append(estimate) }
        }
    }
}
