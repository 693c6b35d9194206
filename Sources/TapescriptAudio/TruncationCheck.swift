import Foundation

/// Tells whether a file ended before its header said it would. libsndfile reads such a file up to its end and
/// notes the disagreement in its parse log as `data : 320000 (should be 199956)`, sizes in bytes.
enum TruncationCheck {
    static func inspect(file: AudioFile, decodedFrameCount: Int64) -> RecordingAnalysis.Truncation? {
        if let repaired = file.repairedHeader {
            return RecordingAnalysis.Truncation(
                expectedFrameCount: repaired.claimedFrameCount, availableFrameCount: decodedFrameCount)
        }
        guard let (claimed, present) = claimedAndPresentDataBytes(in: file.parseLog), claimed > present,
            present > 0
        else { return nil }
        // The claimed size 0xFFFFFFFF is a placeholder of recorders that stream; it promises nothing.
        guard claimed != 0xFFFF_FFFF else {
            return RecordingAnalysis.Truncation(expectedFrameCount: nil, availableFrameCount: decodedFrameCount)
        }
        let bytesPerFrame = Double(present) / Double(max(decodedFrameCount, 1))
        let expected = Int64((Double(claimed) / bytesPerFrame).rounded())
        return RecordingAnalysis.Truncation(expectedFrameCount: expected, availableFrameCount: decodedFrameCount)
    }

    static func claimedAndPresentDataBytes(in log: String) -> (Int64, Int64)? {
        for line in log.split(separator: "\n") where line.hasPrefix("data") {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
            if line.contains("should be"), numbers.count >= 2 { return (numbers[0], numbers[1]) }
        }
        return nil
    }
}
