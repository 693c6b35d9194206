import Foundation

extension Envelope {
    private static let magic = Array("TSENV1".utf8)
    private static let headerCount = magic.count + 16

    static let voiceprintMagic = Array("VOICE1".utf8)
    static let voiceprintHeaderCount = voiceprintMagic.count + 12

    /// A compact binary form for storage: a small header (sample rate, window length, channels, level count as
    /// little-endian UInt32), then the level codes and the pitch codes; then, for a mono recording, the
    /// voiceprint section (`Voiceprint.encode(into:)`).
    public func encoded() -> Data {
        var data = encodedLevels()
        voiceprint?.encode { data.append(contentsOf: $0) }
        return data
    }

    /// `encoded()` without the voiceprint section: what a store keeps beside it when it keeps the voiceprint
    /// apart.
    public func encodedLevels() -> Data {
        var data = Data(capacity: Self.headerCount + levelCodes.count + pitchCodes.count)
        data.append(contentsOf: Self.magic)
        for field in [sampleRate, windowFrameCount, channelCount, levelCodes.count] {
            withUnsafeBytes(of: UInt32(field).littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: levelCodes)
        data.append(contentsOf: pitchCodes)
        return data
    }

    /// Reads `encodedLevels()` and a voiceprint section stored apart; nil when either is not what it should be.
    public init?(encoded levels: Data, voiceprint section: Data) {
        guard let envelope = Envelope(encoded: levels), envelope.voiceprint == nil,
            let voiceprint = Self.voiceprint(in: section[...])
        else { return nil }
        self.init(
            sampleRate: envelope.sampleRate, windowFrameCount: envelope.windowFrameCount,
            channelCount: envelope.channelCount, levelCodes: envelope.levelCodes, pitchCodes: envelope.pitchCodes,
            voiceprint: voiceprint)
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

extension Voiceprint {
    /// The length of the section `encode(into:)` writes, in bytes.
    public var encodedCount: Int { Envelope.voiceprintHeaderCount + codes.count }

    /// Hands the voiceprint section (its header: frame length as a little-endian Float64, code count as UInt32;
    /// then the codes) to `write` piece by piece, the codes straight from their array: a store can then write
    /// hours of voiceprint without a second copy of it in memory.
    public func encode(into write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var header = Envelope.voiceprintMagic
        withUnsafeBytes(of: frameSeconds.bitPattern.littleEndian) { header.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(codes.count).littleEndian) { header.append(contentsOf: $0) }
        try header.withUnsafeBytes(write)
        try codes.withUnsafeBytes(write)
    }
}
