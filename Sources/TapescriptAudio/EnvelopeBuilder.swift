import Foundation

/// Builds an `Envelope` from blocks of interleaved samples as they stream past, in constant memory
/// apart from the envelope itself (4 bytes per channel per 10 ms).
public struct EnvelopeBuilder {
    public let sampleRate: Int
    public let channelCount: Int
    public let windowFrameCount: Int
    private var sums: [Float]
    private var framesInWindow = 0
    private var levels: [Float] = []
    /// Samples that were NaN or infinite; they count as silence.
    public private(set) var nonFiniteSampleCount = 0

    public init(sampleRate: Int, channelCount: Int, expectedFrameCount: Int64 = 0) {
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.windowFrameCount = Envelope.windowFrameCount(sampleRate: sampleRate)
        self.sums = [Float](repeating: 0, count: channelCount)
        let expectedWindows = Int(expectedFrameCount / Int64(windowFrameCount)) + 1
        levels.reserveCapacity(min(expectedWindows, 3_000_000) * channelCount)
    }

    /// Adds `frameCount` interleaved 16-bit frames.
    public mutating func append(_ samples: UnsafePointer<Int16>, frameCount: Int) {
        var frame = 0
        while frame < frameCount {
            let take = min(windowFrameCount - framesInWindow, frameCount - frame)
            accumulate(samples + frame * channelCount, frameCount: take, scale: 1 / 32768)
            frame += take
            completeWindowIfFull(adding: take)
        }
    }

    /// Adds `frameCount` interleaved float frames (full scale ±1).
    public mutating func append(_ samples: UnsafePointer<Float>, frameCount: Int) {
        var frame = 0
        while frame < frameCount {
            let take = min(windowFrameCount - framesInWindow, frameCount - frame)
            accumulate(samples + frame * channelCount, frameCount: take)
            frame += take
            completeWindowIfFull(adding: take)
        }
    }

    /// The envelope so far; a last partial window counts as a window of its own.
    public mutating func finish() -> Envelope {
        if framesInWindow > 0 { closeWindow() }
        return Envelope(
            sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount, levels: levels)
    }

    private mutating func completeWindowIfFull(adding frames: Int) {
        framesInWindow += frames
        if framesInWindow == windowFrameCount { closeWindow() }
    }

    private mutating func closeWindow() {
        let divisor = Float(framesInWindow)
        for channel in 0..<channelCount {
            let meanSquare = sums[channel] / divisor
            let decibels = meanSquare > 0 ? 10 * log10f(meanSquare) : Envelope.floorDecibels
            levels.append(max(decibels, Envelope.floorDecibels))
            sums[channel] = 0
        }
        framesInWindow = 0
    }

    private mutating func accumulate(_ samples: UnsafePointer<Int16>, frameCount: Int, scale: Float) {
        let channels = channelCount
        sums.withUnsafeMutableBufferPointer { sums in
            if channels == 1 {
                var total: Float = 0
                for index in 0..<frameCount {
                    let value = Float(samples[index])
                    total += value * value
                }
                sums[0] += total * scale * scale
            } else if channels == 2 {
                var left: Float = 0
                var right: Float = 0
                for index in 0..<frameCount {
                    let l = Float(samples[2 * index])
                    let r = Float(samples[2 * index + 1])
                    left += l * l
                    right += r * r
                }
                sums[0] += left * scale * scale
                sums[1] += right * scale * scale
            } else {
                for index in 0..<frameCount {
                    for channel in 0..<channels {
                        let value = Float(samples[index * channels + channel]) * scale
                        sums[channel] += value * value
                    }
                }
            }
        }
    }

    private mutating func accumulate(_ samples: UnsafePointer<Float>, frameCount: Int) {
        let channels = channelCount
        var nonFinite = 0
        sums.withUnsafeMutableBufferPointer { sums in
            for index in 0..<frameCount {
                for channel in 0..<channels {
                    let value = samples[index * channels + channel]
                    if value.isFinite {
                        sums[channel] += value * value
                    } else {
                        nonFinite += 1
                    }
                }
            }
        }
        nonFiniteSampleCount += nonFinite
    }
}
