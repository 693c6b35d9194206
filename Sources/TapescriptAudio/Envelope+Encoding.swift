import Foundation

extension Envelope {
    private static let magic = Array("TSENV1".utf8)
    private static let headerCount = magic.count + 16

    private static let voiceprintMagic = Array("VOICE1".utf8)
    private static let voiceprintHeaderCount = voiceprintMagic.count + 12

    /// A compact binary form for storage: a small header (sample rate, window length, channels, level count as
    /// little-endian UInt32), then the level codes and the pitch codes; then, for a mono recording, the
    /// voiceprint: its own header (frame length as a little-endian Float64, code count as UInt32) and codes.
    public func encoded() -> Data {
        let voiceCount = voiceprint.map { Self.voiceprintHeaderCount + $0.codes.count } ?? 0
        var data = Data(capacity: Self.headerCount + levelCodes.count + pitchCodes.count + voiceCount)
        data.append(contentsOf: Self.magic)
        for field in [sampleRate, windowFrameCount, channelCount, levelCodes.count] {
            withUnsafeBytes(of: UInt32(field).littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: levelCodes)
        data.append(contentsOf: pitchCodes)
        if let voiceprint {
            data.append(contentsOf: Self.voiceprintMagic)
            withUnsafeBytes(of: voiceprint.frameSeconds.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(voiceprint.codes.count).littleEndian) { data.append(contentsOf: $0) }
            voiceprint.codes.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Reads the form `encoded()` writes; nil when the bytes are not such an envelope.
    public init?(encoded data: Data) {
        guard data.count >= Self.headerCount, data.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            return nil
        }
        let start = data.startIndex
        func field(_ index: Int) -> Int {
            let offset = start + Self.magic.count + index * 4
            return (0..<4).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
        }
        let (sampleRate, windowFrameCount, channelCount, count) = (field(0), field(1), field(2), field(3))
        let envelopeEnd = Self.headerCount + count + count / max(1, channelCount)
        guard channelCount > 0, sampleRate > 0, windowFrameCount > 0, count % channelCount == 0,
            data.count >= envelopeEnd
        else { return nil }
        let levels = start + Self.headerCount
        let pitch = levels + count
        var voiceprint: Voiceprint?
        if data.count > envelopeEnd {
            guard let found = Self.voiceprint(in: data[(start + envelopeEnd)...]) else { return nil }
            voiceprint = found
        }
        self.init(
            sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount,
            levelCodes: [UInt8](data[levels..<pitch]), pitchCodes: [UInt8](data[pitch..<(start + envelopeEnd)]),
            voiceprint: voiceprint)
    }

    /// The voiceprint section `encoded()` appends; nil when the bytes are not exactly one.
    private static func voiceprint(in data: Data.SubSequence) -> Voiceprint? {
        guard data.count >= voiceprintHeaderCount, data.prefix(voiceprintMagic.count).elementsEqual(voiceprintMagic)
        else { return nil }
        let fields = data.startIndex + voiceprintMagic.count
        let bits = (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[fields + $1]) << (8 * UInt64($1)) }
        let count = (0..<4).reduce(0) { $0 | Int(data[fields + 8 + $1]) << (8 * $1) }
        let frameSeconds = Double(bitPattern: bits)
        guard frameSeconds.isFinite, frameSeconds > 0.001, frameSeconds < 1,
            count % Voiceprint.coefficientCount == 0, data.count == voiceprintHeaderCount + count
        else { return nil }
        let codes = data[(fields + 12)...].map { Int8(bitPattern: $0) }
        return Voiceprint(frameSeconds: frameSeconds, codes: codes)
    }
}
