import CKissFFT
import Foundation

/// Builds a `Voiceprint` from a mono recording as it streams past, in constant memory apart from the
/// voiceprint itself.
///
/// The samples are averaged down to about 8 kHz (the telephone band holds everything that tells voices apart,
/// and an 8 kHz source has nothing more), cut into 20 ms frames, Hann-windowed and transformed; the power in 20
/// mel-spaced bands from 200 Hz to 3.8 kHz becomes a log spectrum, and its discrete cosine transform the
/// cepstrum. The zeroth coefficient, loudness, is left out: a voice is the same voice louder or softer.
public final class VoiceprintBuilder {
    static let targetRate = 8000.0
    static let bandCount = 20
    static let lowestHertz = 200.0
    static let highestHertz = 3800.0

    public let frameSeconds: Double
    private let decimation: Int
    private let frameLength: Int
    private let transformLength: Int
    private let window: [Float]
    /// For each band, the range of spectrum bins it sums.
    private let bandBins: [Range<Int>]
    /// `cosines[k * bandCount + band]`: the DCT-II basis, orthonormal, for coefficients 1…12.
    private let cosines: [Float]
    private let transform: kiss_fftr_cfg?
    private var groupSum: Float = 0
    private var groupFill = 0
    private var frame: [Float]
    private var frameFill = 0
    private var spectrum: [kiss_fft_cpx]
    private var bands: [Float]
    private var codes: [Int8] = []

    public init(sampleRate: Int, expectedFrameCount: Int64 = 0) {
        decimation = max(1, Int(Double(sampleRate) / Self.targetRate))
        let rate = Double(sampleRate) / Double(decimation)
        let frameLength = max(8, Int((rate * 0.02).rounded()))
        self.frameLength = frameLength
        frameSeconds = Double(frameLength) / rate
        var length = 16
        while length < frameLength { length *= 2 }
        transformLength = length
        window = (0..<frameLength).map { 0.5 - 0.5 * cosf(2 * .pi * (Float($0) + 0.5) / Float(frameLength)) }
        bandBins = Self.melBands(rate: rate, transformLength: length)
        cosines = (1...Voiceprint.coefficientCount).flatMap { coefficient in
            (0..<Self.bandCount).map { band in
                sqrtf(2 / Float(Self.bandCount))
                    * cosf(.pi * Float(coefficient) * (Float(band) + 0.5) / Float(Self.bandCount))
            }
        }
        transform = kiss_fftr_alloc(Int32(length), 0, nil, nil)
        frame = [Float](repeating: 0, count: length)
        spectrum = [kiss_fft_cpx](repeating: kiss_fft_cpx(r: 0, i: 0), count: length / 2 + 1)
        bands = [Float](repeating: 0, count: Self.bandCount)
        let expectedFrames = Int(Double(expectedFrameCount) / Double(sampleRate) * rate / Double(frameLength)) + 1
        codes.reserveCapacity(min(expectedFrames, 2_000_000) * Voiceprint.coefficientCount)
    }

    // kiss_fftr_alloc allocates with malloc (kiss_fftr_free is a macro for free, which Swift cannot see).
    deinit { free(UnsafeMutableRawPointer(transform)) }

    /// The spectrum bins of each of `bandCount` bands, equally spaced on the mel scale; a band narrower than a
    /// bin gets the bin its centre falls in.
    static func melBands(rate: Double, transformLength: Int) -> [Range<Int>] {
        func mel(_ hertz: Double) -> Double { 2595 * log10(1 + hertz / 700) }
        func hertz(_ mel: Double) -> Double { 700 * (pow(10, mel / 2595) - 1) }
        let top = min(highestHertz, 0.95 * rate / 2)
        let binHertz = rate / Double(transformLength)
        let edges = (0...bandCount).map {
            hertz(mel(lowestHertz) + (mel(top) - mel(lowestHertz)) * Double($0) / Double(bandCount))
        }
        return (0..<bandCount).map { band in
            let low = Int((edges[band] / binHertz).rounded(.up))
            let high = Int((edges[band + 1] / binHertz).rounded(.up))
            if high > low { return low..<high }
            let centre = Int(((edges[band] + edges[band + 1]) / 2 / binHertz).rounded())
            return centre..<(centre + 1)
        }
    }

    /// Adds mono 16-bit samples.
    public func append(_ samples: UnsafePointer<Int16>, count: Int) {
        for index in 0..<count { add(Float(samples[index]) / 32768) }
    }

    /// Adds mono float samples; values that are not finite count as silence.
    public func append(_ samples: UnsafePointer<Float>, count: Int) {
        for index in 0..<count {
            let sample = samples[index]
            add(sample.isFinite ? sample : 0)
        }
    }

    public func finish() -> Voiceprint { Voiceprint(frameSeconds: frameSeconds, codes: codes) }

    private func add(_ sample: Float) {
        groupSum += sample
        groupFill += 1
        guard groupFill == decimation else { return }
        frame[frameFill] = groupSum / Float(decimation)
        groupSum = 0
        groupFill = 0
        frameFill += 1
        if frameFill == frameLength {
            closeFrame()
            frameFill = 0
        }
    }

    private func closeFrame() {
        for index in 0..<frameLength { frame[index] *= window[index] }
        frame.withUnsafeBufferPointer { frame in
            spectrum.withUnsafeMutableBufferPointer { spectrum in
                kiss_fftr(transform, frame.baseAddress, spectrum.baseAddress)
            }
        }
        for band in 0..<Self.bandCount {
            var power: Float = 1e-12
            for bin in bandBins[band] where bin < spectrum.count {
                power += spectrum[bin].r * spectrum[bin].r + spectrum[bin].i * spectrum[bin].i
            }
            bands[band] = 10 * log10f(power)
        }
        for coefficient in 0..<Voiceprint.coefficientCount {
            var sum: Float = 0
            for band in 0..<Self.bandCount { sum += cosines[coefficient * Self.bandCount + band] * bands[band] }
            codes.append(Int8(max(-127, min(127, sum.rounded()))))
        }
    }
}
