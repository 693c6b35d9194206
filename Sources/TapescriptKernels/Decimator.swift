/// Brings interleaved samples down to about 4 kHz by averaging each group of `decimation` frames, per channel.
/// It runs on the decoding core, so the core that builds the envelope sees a tenth of the data.
package struct Decimator: Sendable {
    package let channelCount: Int
    package let decimation: Int

    package init(channelCount: Int, decimation: Int) {
        self.channelCount = channelCount
        self.decimation = decimation
    }

    /// Decimates `frameCount` frames into `output` (interleaved, full scale ±1); a last group shorter than
    /// `decimation` is averaged over the frames it has. Returns the decimated frames written.
    package func decimate(_ samples: UnsafePointer<Int16>, frameCount: Int, into output: UnsafeMutablePointer<Float>)
        -> Int
    {
        let (channels, decimation) = (channelCount, decimation)
        let wholeGroups = frameCount / decimation
        let scale = 1 / (32768 * Float(decimation))
        var source = samples
        for group in 0..<wholeGroups {
            // Summed as integers: exact, and several times faster than a chain of float additions. Mono and
            // stereo, nearly every recording, get loops the compiler keeps in registers.
            if channels == 1 {
                var sum: Int32 = 0
                for offset in 0..<decimation { sum &+= Int32(source[offset]) }
                output[group] = Float(sum) * scale
            } else if channels == 2, decimation % 4 == 0 {
                // Four stereo frames per vector; even lanes are left, odd lanes right.
                var lanes = SIMD8<Int32>()
                for offset in stride(from: 0, to: 2 * decimation, by: 8) {
                    let frames = UnsafeRawPointer(source + offset).loadUnaligned(as: SIMD8<Int16>.self)
                    lanes &+= SIMD8<Int32>(truncatingIfNeeded: frames)
                }
                output[2 * group] = Float(lanes[0] &+ lanes[2] &+ lanes[4] &+ lanes[6]) * scale
                output[2 * group + 1] = Float(lanes[1] &+ lanes[3] &+ lanes[5] &+ lanes[7]) * scale
            } else if channels == 2 {
                var (left, right): (Int32, Int32) = (0, 0)
                for offset in 0..<decimation {
                    left &+= Int32(source[2 * offset])
                    right &+= Int32(source[2 * offset + 1])
                }
                output[2 * group] = Float(left) * scale
                output[2 * group + 1] = Float(right) * scale
            } else {
                for channel in 0..<channels {
                    var sum: Int32 = 0
                    for offset in 0..<decimation { sum &+= Int32(source[offset * channels + channel]) }
                    output[group * channels + channel] = Float(sum) * scale
                }
            }
            source += decimation * channels
        }
        let rest = frameCount - wholeGroups * decimation
        guard rest > 0 else { return wholeGroups }
        for channel in 0..<channels {
            var sum: Int32 = 0
            for offset in 0..<rest { sum &+= Int32(source[offset * channels + channel]) }
            output[wholeGroups * channels + channel] = Float(sum) / (32768 * Float(rest))
        }
        return wholeGroups + 1
    }

    /// Decimates float frames as above. NaN and infinite samples count as silence; their number is returned.
    package func decimate(
        _ samples: UnsafePointer<Float>, frameCount: Int, into output: UnsafeMutablePointer<Float>
    ) -> (frames: Int, nonFiniteSamples: Int) {
        let channels = channelCount
        var nonFinite = 0
        var written = 0
        var frame = 0
        while frame < frameCount {
            let length = min(decimation, frameCount - frame)
            for channel in 0..<channels {
                var sum: Float = 0
                for offset in 0..<length {
                    let value = samples[(frame + offset) * channels + channel]
                    if value.isFinite { sum += value } else { nonFinite += 1 }
                }
                output[written * channels + channel] = sum / Float(length)
            }
            written += 1
            frame += length
        }
        return (written, nonFinite)
    }
}
