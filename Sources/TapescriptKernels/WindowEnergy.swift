/// The inner loop of one 10 ms window of the voice band: each channel high-passed, its energy summed, and the
/// channels mixed for the pitch tracker.
package enum WindowEnergy {
    /// Filters `groupCount` interleaved decimated frames, one filter per channel (each keeps its state for the
    /// next window), writes each channel's energy (the sum of its squared filtered samples) into `energies` and
    /// the mean of the filtered channels into the first `groupCount` elements of `mix`.
    package static func measure(
        _ frames: UnsafePointer<Float>, groupCount: Int, filters: inout [Biquad], energies: inout [Float],
        mix: inout [Float]
    ) {
        let channels = filters.count
        mix.withUnsafeMutableBufferPointer { mix in
            if channels == 2 {
                // Both channels in one loop, so that each filter's recursion hides the other's latency.
                var (left, right) = (filters[0], filters[1])
                var (leftEnergy, rightEnergy): (Float, Float) = (0, 0)
                for index in 0..<groupCount {
                    let l = left.process(frames[2 * index])
                    let r = right.process(frames[2 * index + 1])
                    leftEnergy += l * l
                    rightEnergy += r * r
                    mix[index] = (l + r) * 0.5
                }
                (filters[0], filters[1]) = (left, right)
                (energies[0], energies[1]) = (leftEnergy, rightEnergy)
            } else {
                for index in 0..<groupCount { mix[index] = 0 }
                let share = 1 / Float(channels)
                for channel in 0..<channels {
                    var filter = filters[channel]
                    var energy: Float = 0
                    for index in 0..<groupCount {
                        let filtered = filter.process(frames[index * channels + channel])
                        energy += filtered * filtered
                        mix[index] += filtered * share
                    }
                    filters[channel] = filter
                    energies[channel] = energy
                }
            }
        }
    }
}
