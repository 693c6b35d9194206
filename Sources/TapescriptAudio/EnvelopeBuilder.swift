import Foundation

/// Builds an `Envelope` from blocks of interleaved samples as they stream past, in constant memory apart from
/// the envelope itself (8 bytes a channel a 10 ms window).
///
/// Each channel is decimated to about 4 kHz by averaging groups of frames, high-passed at 200 Hz (which takes
/// out DC, mains hum and most rumble, leaving the voice band) and measured per window; the channels' mix feeds
/// the pitch tracker. Working at 4 kHz keeps the per-sample cost at the input rate to one addition.
public struct EnvelopeBuilder {
    static let targetDecimatedRate = 4000.0
    static let highPassCutoff = 200.0

    public let sampleRate: Int
    public let channelCount: Int
    public let windowFrameCount: Int
    let decimation: Int
    /// Decimated samples per window, per channel.
    private let groupsPerWindow: Int
    /// The voice-band high-pass, one a channel.
    private var filters: [Biquad]
    private var pitchTracker: PitchTracker
    /// One window's decimated frames, interleaved, then their mix.
    private var scratch: [Float]
    /// What `decimate` needs to know of the builder, apart so that it can run while `scratch` is borrowed.
    private struct Shape {
        var channelCount: Int
        var decimation: Int
        var groupsPerWindow: Int
    }

    private var shape: Shape {
        Shape(channelCount: channelCount, decimation: decimation, groupsPerWindow: groupsPerWindow)
    }

    /// Frames of a window begun in one block and finished in the next, as float.
    private var pending: [Float] = []
    private var levels: [Float] = []
    private var pitch: [Float] = []
    /// Samples that were NaN or infinite; they count as silence.
    public private(set) var nonFiniteSampleCount = 0

    public init(sampleRate: Int, channelCount: Int, expectedFrameCount: Int64 = 0) {
        let decimation = Self.decimation(sampleRate: sampleRate)
        let windowFrameCount = Envelope.windowFrameCount(sampleRate: sampleRate)
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.decimation = decimation
        self.windowFrameCount = windowFrameCount
        groupsPerWindow = windowFrameCount / decimation
        let decimatedRate = Double(sampleRate) / Double(decimation)
        filters = Array(
            repeating: Biquad.highPass(cutoff: Self.highPassCutoff, sampleRate: decimatedRate), count: channelCount)
        pitchTracker = PitchTracker(sampleRate: decimatedRate)
        scratch = [Float](repeating: 0, count: (channelCount + 1) * groupsPerWindow)
        let expectedWindows = min(Int(expectedFrameCount / Int64(windowFrameCount)) + 1, 4_000_000)
        levels.reserveCapacity(expectedWindows * channelCount)
        pitch.reserveCapacity(expectedWindows)
    }

    /// Frames averaged into one sample of the voice band: the rate comes down to about 4 kHz.
    static func decimation(sampleRate: Int) -> Int { max(1, Int(Double(sampleRate) / targetDecimatedRate)) }

    /// Adds `frameCount` interleaved 16-bit frames.
    public mutating func append(_ samples: UnsafePointer<Int16>, frameCount: Int) {
        let scale: Float = 1 / 32768
        var frame = completePendingWindow(frameCount: frameCount) { Float(samples[$0]) * scale }
        while frame + windowFrameCount <= frameCount {
            let window = samples + frame * channelCount
            let (shape, groupScale) = (shape, scale / Float(decimation))
            scratch.withUnsafeMutableBufferPointer { scratch in
                Self.decimate(window, into: scratch, shape: shape, scale: groupScale)
            }
            closeWindow(decimatedFrameCount: groupsPerWindow)
            frame += windowFrameCount
        }
        for index in (frame * channelCount)..<(frameCount * channelCount) { pending.append(Float(samples[index]) * scale) }
    }

    /// Adds `frameCount` interleaved float frames (full scale ±1). NaN and infinite samples count as silence.
    public mutating func append(_ samples: UnsafePointer<Float>, frameCount: Int) {
        var nonFinite = 0
        let sanitized: (Float) -> Float = { value in
            if value.isFinite { return value }
            nonFinite += 1
            return 0
        }
        var frame = completePendingWindow(frameCount: frameCount) { sanitized(samples[$0]) }
        while frame + windowFrameCount <= frameCount {
            let window = samples + frame * channelCount
            let (shape, groupScale) = (shape, 1 / Float(decimation))
            scratch.withUnsafeMutableBufferPointer { scratch in
                Self.decimate(window, into: scratch, shape: shape, scale: groupScale, sanitized)
            }
            closeWindow(decimatedFrameCount: groupsPerWindow)
            frame += windowFrameCount
        }
        for index in (frame * channelCount)..<(frameCount * channelCount) { pending.append(sanitized(samples[index])) }
        nonFiniteSampleCount += nonFinite
    }

    /// The envelope so far; a last partial window counts as a window of its own.
    public mutating func finish() -> Envelope {
        let frames = pending.count / channelCount
        if frames > 0 {
            let groups = frames / decimation
            let (rest, shape, groupScale) = (pending, shape, 1 / Float(decimation))
            scratch.withUnsafeMutableBufferPointer { scratch in
                scratch.initialize(repeating: 0)
                rest.withUnsafeBufferPointer { rest in
                    if let base = rest.baseAddress, groups > 0 {
                        Self.decimate(base, into: scratch, shape: shape, scale: groupScale, groupCount: groups) { $0 }
                    }
                }
            }
            closeWindow(decimatedFrameCount: max(groups, 1))
            pending.removeAll()
        }
        if pitch.count < levels.count / channelCount { pitch.append(pitchTracker.estimate()) }
        return Envelope(
            sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount, levels: levels,
            pitch: pitch)
    }

    /// Averages each group of `decimation` frames of one window into `scratch`, channel after channel.
    private static func decimate<Sample>(
        _ window: UnsafePointer<Sample>, into scratch: UnsafeMutableBufferPointer<Float>, shape: Shape, scale: Float,
        groupCount: Int? = nil, _ convert: (Sample) -> Float
    ) {
        let (channels, decimation, groupsPerWindow) = (shape.channelCount, shape.decimation, shape.groupsPerWindow)
        let groups = groupCount ?? groupsPerWindow
        var source = window
        for group in 0..<groups {
            // Mono and stereo are nearly every recording; give them loops the compiler can keep in registers.
            if channels == 1 {
                var sum: Float = 0
                for offset in 0..<decimation { sum += convert(source[offset]) }
                scratch[group] = sum * scale
            } else if channels == 2 {
                var (left, right): (Float, Float) = (0, 0)
                for offset in 0..<decimation {
                    left += convert(source[2 * offset])
                    right += convert(source[2 * offset + 1])
                }
                scratch[2 * group] = left * scale
                scratch[2 * group + 1] = right * scale
            } else {
                for channel in 0..<channels {
                    var sum: Float = 0
                    for offset in 0..<decimation { sum += convert(source[offset * channels + channel]) }
                    scratch[group * channels + channel] = sum * scale
                }
            }
            source += decimation * channels
        }
    }

    /// `decimate` for 16-bit samples, summed as integers: exact, and several times faster than a chain of
    /// float additions, on the path that nearly every recording takes.
    private static func decimate(
        _ window: UnsafePointer<Int16>, into scratch: UnsafeMutableBufferPointer<Float>, shape: Shape, scale: Float
    ) {
        let (channels, decimation, groups) = (shape.channelCount, shape.decimation, shape.groupsPerWindow)
        var source = window
        for group in 0..<groups {
            if channels == 1 {
                var sum: Int32 = 0
                for offset in 0..<decimation { sum &+= Int32(source[offset]) }
                scratch[group] = Float(sum) * scale
            } else if channels == 2 {
                var (left, right): (Int32, Int32) = (0, 0)
                for offset in 0..<decimation {
                    left &+= Int32(source[2 * offset])
                    right &+= Int32(source[2 * offset + 1])
                }
                scratch[2 * group] = Float(left) * scale
                scratch[2 * group + 1] = Float(right) * scale
            } else {
                for channel in 0..<channels {
                    var sum: Int32 = 0
                    for offset in 0..<decimation { sum &+= Int32(source[offset * channels + channel]) }
                    scratch[group * channels + channel] = Float(sum) * scale
                }
            }
            source += decimation * channels
        }
    }

    /// Fills a window begun in an earlier block; returns the first frame of the new block not yet used.
    private mutating func completePendingWindow(frameCount: Int, _ sample: (Int) -> Float) -> Int {
        guard !pending.isEmpty else { return 0 }
        let take = min(windowFrameCount - pending.count / channelCount, frameCount)
        for index in 0..<(take * channelCount) { pending.append(sample(index)) }
        if pending.count == windowFrameCount * channelCount {
            let window = pending
            pending.removeAll(keepingCapacity: true)
            let (shape, groupScale) = (shape, 1 / Float(decimation))
            window.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                scratch.withUnsafeMutableBufferPointer { scratch in
                    Self.decimate(base, into: scratch, shape: shape, scale: groupScale) { $0 }
                }
            }
            closeWindow(decimatedFrameCount: groupsPerWindow)
        }
        return take
    }

    /// Filters the window's decimated samples, measures each channel's level and hands the mix to the pitch
    /// tracker.
    private mutating func closeWindow(decimatedFrameCount: Int) {
        let (groups, channels) = (decimatedFrameCount, channelCount)
        let mixOffset = channels * groupsPerWindow
        var energies = [Float](repeating: 0, count: channels)
        scratch.withUnsafeMutableBufferPointer { scratch in
            if channels == 2 {
                // Both channels in one loop, so that each filter's recursion hides the other's latency.
                var (left, right) = (filters[0], filters[1])
                var (leftEnergy, rightEnergy): (Float, Float) = (0, 0)
                for index in 0..<groups {
                    let l = left.process(scratch[2 * index])
                    let r = right.process(scratch[2 * index + 1])
                    leftEnergy += l * l
                    rightEnergy += r * r
                    scratch[mixOffset + index] = (l + r) * 0.5
                }
                (filters[0], filters[1]) = (left, right)
                (energies[0], energies[1]) = (leftEnergy, rightEnergy)
            } else {
                for index in 0..<groups { scratch[mixOffset + index] = 0 }
                let share = 1 / Float(channels)
                for channel in 0..<channels {
                    var filter = filters[channel]
                    var energy: Float = 0
                    for index in 0..<groups {
                        let filtered = filter.process(scratch[index * channels + channel])
                        energy += filtered * filtered
                        scratch[mixOffset + index] += filtered * share
                    }
                    filters[channel] = filter
                    energies[channel] = energy
                }
            }
            pitchTracker.append(UnsafeBufferPointer(rebasing: scratch[mixOffset..<(mixOffset + groups)]))
        }
        for energy in energies {
            let meanSquare = energy / Float(groups)
            levels.append(meanSquare > 0 ? max(10 * log10f(meanSquare), Envelope.floorDecibels) : Envelope.floorDecibels)
        }
        // Pitch every other window (20 ms) is plenty for comparing talkers and halves the cost.
        if (levels.count / channelCount) % 2 == 0 {
            let estimate = pitchTracker.estimate()
            pitch.append(estimate)
            pitch.append(estimate)
        }
    }
}
