import Foundation

/// Who is talking on a mono recording: each speaker a Gaussian over the voiceprint frames, fitted by
/// clustering the stretches of speech.
///
/// Every stretch is reduced once to the sums of its speech frames (`VoiceStatistics`); the stretches are then
/// grouped by hard EM (fit one full-covariance Gaussian per speaker, give each stretch to the speaker under
/// whom its frames are likeliest, repeat) from several deterministic starts, and the grouping under which the
/// frames are likeliest is kept. The starts: for two speakers, the two sides of each of the main axes along
/// which the stretches' mean voices vary (one of them is, as a rule, the axis between the two people; the
/// others, what they are saying); for more, k-means on those means from the heaviest stretches.
struct SpeakerClustering {
    /// Stretches with fewer speech frames than this (100 ms) do not shape the speakers; they are still named.
    static let minimumFrameCount = 5
    /// A speaker needs this many frames (1 s) and this share of the speech to count as one.
    static let minimumSpeakerFrames = 50
    static let minimumSpeakerShare = 0.03
    static let iterationLimit = 30
    /// How many main axes give starts for two speakers.
    static let axisCount = 6
    /// The covariance floor: this share of each coefficient's variance over all the speech.
    static let varianceFloor = 0.01

    let envelope: Envelope
    let voiceprint: Voiceprint
    let isSpeech: [Bool]
    let speakerCount: Int

    /// A speaker and how sure the assignment is: 0 when the stretch is as likely from two speakers, towards 1
    /// the more clearly its frames come from one.
    struct Assignment: Equatable {
        var speaker: Int
        var confidence: Double
    }

    /// The sums of the speech frames in `windows`.
    func statistics(of windows: Range<Int>) -> VoiceStatistics {
        var statistics = VoiceStatistics()
        let first = voiceprint.frame(atSeconds: envelope.seconds(ofWindow: windows.lowerBound))
        let last = min(
            voiceprint.frameCount, voiceprint.frame(atSeconds: envelope.seconds(ofWindow: windows.upperBound)))
        guard first < last else { return statistics }
        for frame in first..<last {
            let window = envelope.window(
                ofFrame: Int64((Double(frame) + 0.5) * voiceprint.frameSeconds * Double(envelope.sampleRate)))
            guard window < isSpeech.count, isSpeech[window] else { continue }
            statistics.add(frame: frame, of: voiceprint)
        }
        return statistics
    }

    /// The speakers found among `stretches`; nil when there are too few stretches, or too little speech, to
    /// tell `speakerCount` voices apart, or when one voice explains the speech as well.
    func model(of stretches: [Range<Int>]) -> Model? {
        guard speakerCount > 1 else { return nil }
        let parts = stretches.map(statistics(of:)).filter { $0.count >= Self.minimumFrameCount }
        guard parts.count >= speakerCount else { return nil }
        var total = VoiceStatistics()
        for part in parts { total += part }
        let covariance = total.covariance
        let floor = (0..<VoiceStatistics.dimensions).map {
            max(1e-3, Self.varianceFloor * covariance[$0 * VoiceStatistics.dimensions + $0])
        }
        let smallest = max(Self.minimumSpeakerFrames, Int(Self.minimumSpeakerShare * Double(total.count)))
        var best: (score: Double, model: Model)?
        for start in starts(parts) {
            guard let model = hardEM(parts, labels: start, floor: floor, smallest: smallest) else { continue }
            if model.score > best?.score ?? -.infinity { best = (model.score, model) }
        }
        // Two voices must explain the speech better than one by more than the extra Gaussians' parameters
        // could by chance (the Bayesian information criterion); otherwise there is one voice, or too little
        // speech to hear two.
        guard let best, let one = VoiceGaussian(fitting: total, floor: floor) else { return nil }
        let parameters = Double(VoiceStatistics.dimensions * (VoiceStatistics.dimensions + 3) / 2)
        let penalty = 0.5 * parameters * Double(speakerCount - 1) * log(Double(total.count))
        guard best.score - (-0.5 * Double(total.count) * one.logDeterminant) > penalty else { return nil }
        return best.model
    }

    /// First groupings to refine, each a speaker per part.
    private func starts(_ parts: [VoiceStatistics]) -> [[Int]] {
        let dimensions = VoiceStatistics.dimensions
        let weights = parts.map { Double($0.count) }
        let points = parts.map(\.mean)
        let weight = weights.reduce(0, +)
        var centre = [Double](repeating: 0, count: dimensions)
        for (point, w) in zip(points, weights) { for d in 0..<dimensions { centre[d] += point[d] * w / weight } }
        let centred = points.map { point in (0..<dimensions).map { point[$0] - centre[$0] } }
        if speakerCount == 2 {
            var scatter = [Double](repeating: 0, count: dimensions * dimensions)
            for (point, w) in zip(centred, weights) {
                for row in 0..<dimensions {
                    for column in 0..<dimensions {
                        scatter[row * dimensions + column] += point[row] * point[column] * w
                    }
                }
            }
            return PrincipalAxes.of(scatter, dimensions: dimensions, count: Self.axisCount).map { axis in
                centred.map { point in zip(point, axis).reduce(0) { $0 + $1.0 * $1.1 } > 0 ? 1 : 0 }
            }
        }
        // k-means on the mean voices, each coefficient scaled by its spread, from each of the heaviest parts
        // with the farthest point added as each next centre.
        let spread = (0..<dimensions).map { d in
            max(0.1, (zip(centred, weights).reduce(0) { $0 + $1.0[d] * $1.0[d] * $1.1 } / weight).squareRoot())
        }
        let scaled = centred.map { point in (0..<dimensions).map { point[$0] / spread[$0] } }
        let heaviest = weights.indices.sorted { weights[$0] > weights[$1] }.prefix(5)
        return heaviest.map { first in
            var centres = [scaled[first]]
            while centres.count < speakerCount {
                let far = scaled.indices.max {
                    nearest(scaled[$0], centres).distance < nearest(scaled[$1], centres).distance
                }
                centres.append(scaled[far ?? 0])
            }
            var labels = scaled.map { nearest($0, centres).index }
            for _ in 0..<Self.iterationLimit {
                for cluster in centres.indices {
                    var sum = [Double](repeating: 0, count: dimensions)
                    var clusterWeight = 0.0
                    for index in scaled.indices where labels[index] == cluster {
                        for d in 0..<dimensions { sum[d] += scaled[index][d] * weights[index] }
                        clusterWeight += weights[index]
                    }
                    if clusterWeight > 0 { centres[cluster] = sum.map { $0 / clusterWeight } }
                }
                let next = scaled.map { nearest($0, centres).index }
                if next == labels { break }
                labels = next
            }
            return labels
        }
    }

    /// Hard EM from `labels`; nil when a speaker ends with too little speech to be one.
    private func hardEM(_ parts: [VoiceStatistics], labels start: [Int], floor: [Double], smallest: Int) -> Model? {
        var labels = start
        var voices: [VoiceGaussian] = []
        var sizes: [Int] = []
        for _ in 0..<Self.iterationLimit {
            var pooled = [VoiceStatistics](repeating: VoiceStatistics(), count: speakerCount)
            for (part, label) in zip(parts, labels) { pooled[label] += part }
            guard pooled.allSatisfy({ $0.count >= smallest }) else { return nil }
            let fitted = pooled.compactMap { VoiceGaussian(fitting: $0, floor: floor) }
            guard fitted.count == speakerCount else { return nil }
            voices = fitted
            sizes = pooled.map(\.count)
            let next = parts.map { part in Model.likeliest(part, voices).speaker }
            if next == labels { break }
            labels = next
        }
        let score = zip(voices, sizes).reduce(0) { $0 - 0.5 * Double($1.1) * $1.0.logDeterminant }
        return Model(voices: voices, score: score)
    }

    /// The speakers of one recording.
    struct Model {
        let voices: [VoiceGaussian]
        /// How well the speakers explain the speech they were fitted to: the log-likelihood of its frames.
        let score: Double

        /// The likeliest speaker for the frames behind `statistics`, and the log-likelihood per frame by which
        /// it beats the next.
        static func likeliest(_ statistics: VoiceStatistics, _ voices: [VoiceGaussian]) -> (
            speaker: Int, margin: Double
        ) {
            let likelihoods = voices.map { $0.logLikelihood(of: statistics) }
            let order = likelihoods.indices.sorted { likelihoods[$0] > likelihoods[$1] }
            let margin = (likelihoods[order[0]] - likelihoods[order[1]]) / Double(max(1, statistics.count))
            return (order[0], margin)
        }

        /// The speaker of a stretch. The confidence grows with the margin per frame and with the square root of
        /// the frames: neighbouring frames are far from independent, so their full sum would be overconfident.
        func assign(_ statistics: VoiceStatistics) -> Assignment {
            let (speaker, margin) = Self.likeliest(statistics, voices)
            let evidence = margin * Double(statistics.count).squareRoot()
            return Assignment(speaker: speaker, confidence: 1 - exp(-evidence / 2))
        }
    }
}

/// The main axes of a scatter matrix, by power iteration with deflation: enough for the few largest of a
/// 12 × 12 matrix, and deterministic.
enum PrincipalAxes {
    static func of(_ scatter: [Double], dimensions n: Int, count: Int) -> [[Double]] {
        var matrix = scatter
        var axes: [[Double]] = []
        for axisIndex in 0..<min(count, n) {
            var vector = (0..<n).map { $0 == axisIndex ? 1.0 : 0.5 }
            var value = 0.0
            for _ in 0..<200 {
                var next = [Double](repeating: 0, count: n)
                for row in 0..<n { for column in 0..<n { next[row] += matrix[row * n + column] * vector[column] } }
                let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 1e-12 else { return axes }
                vector = next.map { $0 / norm }
                value = norm
            }
            axes.append(vector)
            for row in 0..<n {
                for column in 0..<n { matrix[row * n + column] -= value * vector[row] * vector[column] }
            }
        }
        return axes
    }
}

private func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for index in a.indices { sum += (a[index] - b[index]) * (a[index] - b[index]) }
    return sum
}

private func nearest(_ point: [Double], _ centres: [[Double]]) -> (index: Int, distance: Double) {
    var best = (index: 0, distance: Double.infinity)
    for (index, centre) in centres.enumerated() {
        let distance = squaredDistance(point, centre)
        if distance < best.distance { best = (index, distance) }
    }
    return best
}

/// Whether the voice changes across a short pause: the speech just before and just after it heard as two
/// speakers, or as one, each side clearly; nil when either side is too short or too unclear to say.
enum VoiceChange {
    /// How much speech on each side is heard: up to 2 s.
    static let contextSeconds = 2.0
    /// Each side needs this many speech frames (0.4 s) to be heard at all.
    static let minimumFrameCount = 20
    /// And each side must sit this clearly on its speaker.
    static let minimumConfidence = 0.15

    static func verdict(
        _ before: VoiceStatistics, _ after: VoiceStatistics, _ model: SpeakerClustering.Model
    ) -> Bool? {
        guard before.count >= minimumFrameCount, after.count >= minimumFrameCount else { return nil }
        let (left, right) = (model.assign(before), model.assign(after))
        guard left.confidence >= minimumConfidence, right.confidence >= minimumConfidence else { return nil }
        return left.speaker != right.speaker
    }
}
