/// Who is talking on a mono recording: the mean cepstrum of each stretch of speech, clustered into speakers.
///
/// Each stretch's mean over its speech frames is standardised per coefficient across the recording and the
/// stretches are grouped by weighted k-means (weight: speech frames), from several deterministic starts, the
/// tightest kept. Speakers are numbered in order of first appearance, so speaker A is whoever talks first.
struct SpeakerClustering {
    /// Stretches with fewer speech frames than this (100 ms) do not shape the speakers; they are still named.
    static let minimumFrameCount = 5
    static let iterationLimit = 40

    let envelope: Envelope
    let voiceprint: Voiceprint
    let isSpeech: [Bool]
    let speakerCount: Int

    /// A speaker and how sure the assignment is: 0 when the stretch sits halfway between two speakers, near 1
    /// when it sits on one of them.
    struct Assignment: Equatable {
        var speaker: Int
        var confidence: Double
    }

    /// The mean coefficients of the speech frames in `windows`, and how many frames there were.
    func feature(of windows: Range<Int>) -> (mean: [Float], frames: Int) {
        var sum = [Float](repeating: 0, count: Voiceprint.coefficientCount)
        let first = voiceprint.frame(atSeconds: envelope.seconds(ofWindow: windows.lowerBound))
        let last = min(
            voiceprint.frameCount, voiceprint.frame(atSeconds: envelope.seconds(ofWindow: windows.upperBound)))
        var frames = 0
        if first < last {
            for frame in first..<last {
                let window = envelope.window(
                    ofFrame: Int64((Double(frame) + 0.5) * voiceprint.frameSeconds * Double(envelope.sampleRate)))
                guard window < isSpeech.count, isSpeech[window] else { continue }
                voiceprint.accumulate(frame: frame, into: &sum)
                frames += 1
            }
        }
        return (frames > 0 ? sum.map { $0 / Float(frames) } : sum, frames)
    }

    /// The speakers found among `stretches`: their centres, in the standardised space `Model` keeps.
    func model(of stretches: [Range<Int>]) -> Model? {
        let features = stretches.map(feature(of:)).filter { $0.frames >= Self.minimumFrameCount }
        guard features.count >= speakerCount, speakerCount > 1 else { return nil }
        let dimensions = Voiceprint.coefficientCount
        let total = Float(features.reduce(0) { $0 + $1.frames })
        var mean = [Float](repeating: 0, count: dimensions)
        var spread = [Float](repeating: 0, count: dimensions)
        for feature in features {
            for d in 0..<dimensions { mean[d] += feature.mean[d] * Float(feature.frames) / total }
        }
        for feature in features {
            for d in 0..<dimensions {
                spread[d] += (feature.mean[d] - mean[d]) * (feature.mean[d] - mean[d]) * Float(feature.frames) / total
            }
        }
        let scale = spread.map { 1 / max(0.1, $0.squareRoot()) }
        let points = features.map { feature in (0..<dimensions).map { (feature.mean[$0] - mean[$0]) * scale[$0] } }
        let weights = features.map { Float($0.frames).squareRoot() }
        var best: (inertia: Float, centres: [[Float]])?
        // Starts: the heaviest stretch, then each next the point farthest from the centres so far; repeated
        // from each of the five heaviest stretches.
        let heaviest = weights.indices.sorted { weights[$0] > weights[$1] }.prefix(5)
        for start in heaviest {
            var centres = [points[start]]
            while centres.count < speakerCount {
                let far = points.indices.max {
                    nearest(points[$0], centres).distance < nearest(points[$1], centres).distance
                }
                centres.append(points[far ?? 0])
            }
            let (inertia, settled) = kMeans(points: points, weights: weights, centres: centres)
            if best == nil || inertia < best?.inertia ?? .infinity { best = (inertia, settled) }
        }
        guard let centres = best?.centres else { return nil }
        return Model(mean: mean, scale: scale, centres: centres)
    }

    private func kMeans(points: [[Float]], weights: [Float], centres start: [[Float]]) -> (Float, [[Float]]) {
        var centres = start
        var labels = [Int](repeating: -1, count: points.count)
        for _ in 0..<Self.iterationLimit {
            let next = points.map { nearest($0, centres).index }
            if next == labels { break }
            labels = next
            for cluster in centres.indices {
                var sum = [Float](repeating: 0, count: centres[cluster].count)
                var weight: Float = 0
                for (index, point) in points.enumerated() where labels[index] == cluster {
                    for d in sum.indices { sum[d] += point[d] * weights[index] }
                    weight += weights[index]
                }
                if weight > 0 { centres[cluster] = sum.map { $0 / weight } }
            }
        }
        let inertia = points.indices.reduce(Float(0)) { $0 + nearest(points[$1], centres).distance * weights[$1] }
        return (inertia, centres)
    }

    /// The speakers of one recording, as centres in standardised cepstral space.
    struct Model {
        let mean: [Float]
        let scale: [Float]
        let centres: [[Float]]

        /// The speaker whose centre is nearest the stretch's mean, with a confidence from the margin to the next.
        func assign(_ feature: [Float]) -> Assignment {
            let point = feature.indices.map { (feature[$0] - mean[$0]) * scale[$0] }
            let distances = centres.map { squaredDistance(point, $0).squareRoot() }
            let order = distances.indices.sorted { distances[$0] < distances[$1] }
            let (own, other) = (distances[order[0]], distances[order[1]])
            return Assignment(speaker: order[0], confidence: Double(other > 0 ? (other - own) / (other + own) : 0))
        }
    }
}

private func squaredDistance(_ a: [Float], _ b: [Float]) -> Float {
    var sum: Float = 0
    for index in a.indices { sum += (a[index] - b[index]) * (a[index] - b[index]) }
    return sum
}

private func nearest(_ point: [Float], _ centres: [[Float]]) -> (index: Int, distance: Float) {
    var best = (index: 0, distance: Float.infinity)
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
        _ before: (mean: [Float], frames: Int), _ after: (mean: [Float], frames: Int), _ model: SpeakerClustering.Model
    ) -> Bool? {
        guard before.frames >= minimumFrameCount, after.frames >= minimumFrameCount else { return nil }
        let (left, right) = (model.assign(before.mean), model.assign(after.mean))
        guard left.confidence >= minimumConfidence, right.confidence >= minimumConfidence else { return nil }
        return left.speaker != right.speaker
    }
}
