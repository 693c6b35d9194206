import Foundation

/// A speech recogniser that Tapescript runs as a program on a 16 kHz mono WAV.
public protocol SpeechEngine: Sendable {
    /// Its name as the user picks it: `whisper.cpp`, `faster-whisper`, `command`.
    var name: String { get }
    /// The model it runs (a file or folder name), for the text versions it writes.
    var model: String { get }
    /// Whether its words come with times. Without them, a window must hold one segment only.
    var givesWordTimes: Bool { get }

    /// Recognises the speech in `audio`.
    /// - Parameters:
    ///   - language: an ISO 639-1 code, or nil for the model's own default.
    ///   - threads: how many threads the program may use.
    ///   - scratch: a private folder for the program's output files.
    /// - Throws: `EngineError`; `CancellationError` when the task was cancelled (the program is stopped).
    func recognize(audio: URL, language: String?, threads: Int, scratch: URL) async throws -> Recognition
}

/// The engines there are, as `--engine` names them.
public enum EngineKind: String, CaseIterable, Sendable, Codable {
    case whisperCpp = "whisper.cpp"
    case fasterWhisper = "faster-whisper"
    case command
}
