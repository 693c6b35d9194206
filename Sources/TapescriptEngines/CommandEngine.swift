import Foundation

/// Any program for an engine Tapescript does not know: it is run with the 16 kHz mono WAV's path as its last
/// argument and prints either JSON with times (whisper.cpp's, faster-whisper's, or `{"words": [{"word", "start",
/// "end", "probability"}]}`) or plain text. Plain text has no times, so such a program gets one segment per call.
public struct CommandEngine: SpeechEngine {
    public let name = "command"
    public let program: URL
    public let arguments: [String]
    public let givesWordTimes: Bool
    public var model: String { program.lastPathComponent }

    /// - Parameter printsTimes: whether the program prints JSON with times (`--engine-output json`).
    public init(program: URL, arguments: [String] = [], printsTimes: Bool) {
        self.program = program
        self.arguments = arguments
        self.givesWordTimes = printsTimes
    }

    public func recognize(audio: URL, language: String?, threads: Int, scratch: URL) async throws -> Recognition {
        let outcome = try await EngineProcess.run(program, arguments + [audio.path])
        guard outcome.status == 0 else {
            throw EngineError.failed(
                engine: program.lastPathComponent, status: outcome.status, detail: outcome.errorTail)
        }
        return try Self.read(outcome.output, name: program.lastPathComponent, duration: nil)
    }

    /// The program's output: JSON of a known shape, or text (its words spread over no time at all).
    static func read(_ output: Data, name: String, duration: Double?) throws(EngineError) -> Recognition {
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("{") else {
            return Recognition(words: TranscriptJSON.evenlySpread(text, from: 0, to: duration ?? 0), hasTimes: false)
        }
        if text.contains("\"transcription\"") { return try TranscriptJSON.whisperCpp(output) }
        return try TranscriptJSON.fasterWhisper(output, engine: name)
    }
}
