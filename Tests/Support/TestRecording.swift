import CSndfile
import Foundation

/// A recording synthesised for a test and written through libsndfile into the test's own folder.
public struct TestRecording {
    public var sampleRate: Int
    public var channels: [[Float]]

    public init(sampleRate: Int, channelCount: Int, seconds: Double) {
        self.sampleRate = sampleRate
        channels = Array(
            repeating: [Float](repeating: 0, count: Int(seconds * Double(sampleRate))), count: channelCount)
    }

    public var frameCount: Int { channels.first?.count ?? 0 }

    /// Speech-like sound: noise shaped by a syllable-rate envelope (about 4 Hz) and a voice-like resonance, at
    /// `decibels` dBFS RMS, on `channel`, from `start` to `end` seconds.
    public mutating func addSpeech(
        from start: Double, to end: Double, decibels: Double, channel: Int = 0, pitch: Double = 140, seed: UInt64 = 1
    ) {
        var random = SplitMix(seed: seed)
        let amplitude = Float(pow(10, decibels / 20) * 2.0)
        let first = Int(start * Double(sampleRate))
        let last = min(frameCount, Int(end * Double(sampleRate)))
        var low: Float = 0
        for index in first..<last {
            let t = Double(index - first) / Double(sampleRate)
            let syllable = Float(0.55 + 0.45 * sin(2 * .pi * 4 * t))
            let voiced = Float(sin(2 * .pi * pitch * t) + 0.5 * sin(4 * .pi * pitch * t))
            low = 0.8 * low + 0.2 * random.nextSignedUnit()
            channels[channel][index] += amplitude * syllable * (0.6 * voiced + 0.8 * low) * 0.5
        }
    }

    /// A sine at `decibels` dBFS RMS over the whole recording (hum), on every channel.
    public mutating func addHum(frequency: Double, decibels: Double) {
        let amplitude = Float(pow(10, decibels / 20) * sqrt(2.0))
        for channel in channels.indices {
            for index in 0..<frameCount {
                channels[channel][index] +=
                    amplitude * Float(sin(2 * .pi * frequency * Double(index) / Double(sampleRate)))
            }
        }
    }

    /// White noise at `decibels` dBFS RMS over the whole recording, on `channel` or on every channel.
    public mutating func addNoise(decibels: Double, channel only: Int? = nil, seed: UInt64 = 7) {
        var random = SplitMix(seed: seed)
        let amplitude = Float(pow(10, decibels / 20) * sqrt(3.0))
        for channel in channels.indices where only == nil || only == channel {
            for index in 0..<frameCount { channels[channel][index] += amplitude * random.nextSignedUnit() }
        }
    }

    /// Copies `channel` into `other` at `decibels` (crosstalk on a call recording).
    public mutating func bleed(from channel: Int, into other: Int, decibels: Double) {
        let gain = Float(pow(10, decibels / 20))
        for index in 0..<frameCount { channels[other][index] += gain * channels[channel][index] }
    }

    /// Writes the recording with libsndfile in `format` (e.g. `SF_FORMAT_WAV | SF_FORMAT_PCM_16`).
    public func write(to path: String, format: Int32 = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)) throws {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels.count)
        info.format = format
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw TestRecordingError(message: "cannot write \(path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(file) }
        var interleaved = [Float](repeating: 0, count: frameCount * channels.count)
        for frame in 0..<frameCount {
            for channel in channels.indices { interleaved[frame * channels.count + channel] = channels[channel][frame] }
        }
        let written = sf_writef_float(file, interleaved, sf_count_t(frameCount))
        guard written == frameCount else { throw TestRecordingError(message: "short write to \(path)") }
    }
}

public struct TestRecordingError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A small deterministic random generator, so test audio is the same on every run.
public struct SplitMix {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [-1, 1).
    public mutating func nextSignedUnit() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}

/// A folder of the test's own, removed when the value goes away.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tapescript-tests")
        let folder = base.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { path + "/" + name }
}
