import CSndfile
import Foundation

/// A whole audio file as libsndfile decodes it, for tests to look at what a command wrote.
public struct DecodedAudio {
    public var sampleRate: Int
    public var channelCount: Int
    /// libsndfile's major format (`SF_FORMAT_WAV`, `SF_FORMAT_FLAC`, …).
    public var container: Int32
    /// Interleaved samples, full scale ±1.
    public var samples: [Float]

    public var frameCount: Int { samples.count / max(1, channelCount) }
    public var durationSeconds: Double { Double(frameCount) / Double(sampleRate) }

    public init(path: String) throws {
        var info = SF_INFO()
        guard let file = sf_open(path, Int32(SFM_READ), &info) else {
            throw TestRecordingError(message: "cannot read \(path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(file) }
        sampleRate = Int(info.samplerate)
        channelCount = Int(info.channels)
        container = info.format & Int32(SF_FORMAT_TYPEMASK)
        var samples: [Float] = []
        var block = [Float](repeating: 0, count: 4096 * channelCount)
        while true {
            let read = Int(sf_readf_float(file, &block, 4096))
            guard read > 0 else { break }
            samples += block[0..<(read * channelCount)]
        }
        self.samples = samples
    }

    /// The loudest sample in `frames`, over every channel.
    public func peak(_ frames: Range<Int>) -> Float {
        let lower = max(0, frames.lowerBound) * channelCount
        let upper = min(frameCount, frames.upperBound) * channelCount
        guard lower < upper else { return 0 }
        return samples[lower..<upper].reduce(0) { max($0, abs($1)) }
    }
}
