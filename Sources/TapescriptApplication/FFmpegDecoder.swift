import Foundation
import TapescriptAudio
import TapescriptFiles

/// Decodes what libsndfile cannot open — a phone's voice memo (.m4a, AAC), MP4, WMA, Opus in WebM — through an
/// installed `ffmpeg`, in one pass: a FLAC copy written to disk, and the same samples piped as WAV to be read
/// as they come.
public struct FFmpegDecoder: Sendable {
    public let program: URL

    /// Longer than any interview; a file whose header claims days of audio is cut here rather than filling
    /// the disk.
    static let longestDecodedSeconds = 24 * 3600
    /// The end of ffmpeg's messages kept to say why it failed.
    static let errorTailLimit = 16 << 10
    /// A decoder that has neither written audio nor said anything for this long is stuck on a file made to
    /// hang it; it is stopped.
    let stallSeconds: Double

    public init(program: URL, stallSeconds: Double = 60) {
        self.program = program
        self.stallSeconds = stallSeconds
    }

    /// `$TAPESCRIPT_FFMPEG` when set, else `ffmpeg` on the `PATH`; nil when neither is there.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> FFmpegDecoder?
    {
        let named = environment["TAPESCRIPT_FFMPEG"].flatMap { $0.isEmpty ? nil : $0 } ?? "ffmpeg"
        return ProgramLookup.find(named, environment: environment).map {
            FFmpegDecoder(program: URL(fileURLWithPath: $0))
        }
    }

    /// Decodes the first audio stream of `input` once: ffmpeg writes it as a 16-bit FLAC file at `output` (which
    /// must not exist) and, in the same pass, the same samples as a WAV on a pipe that `read` is given to read
    /// as they come (its descriptor, and the duration ffmpeg gave, when it did).
    /// - Parameter progress: called whenever `read` calls its third argument, with the fraction ffmpeg has decoded.
    /// - Throws: `FFmpegFailure` with ffmpeg's last word when it cannot decode the file or stops making
    ///   progress; else whatever `read` throws.
    func decode<Result>(
        _ input: String, copyTo output: String, progress: (Double) -> Void,
        read: (_ pcm: Int32, _ durationSeconds: Double?, _ tick: () -> Void) throws -> Result
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        let source = "file:" + RecordingImporter.absolute(input)
        let limit = ["-map", "0:a:0", "-vn", "-sn", "-dn", "-t", String(Self.longestDecodedSeconds)]
        // `file:` keeps a name that starts with '-' or looks like a protocol ("concat:", "http:") a plain file,
        // and the whitelist keeps a playlist-like input from opening anything else.
        process.arguments =
            [
                "-nostdin", "-hide_banner", "-loglevel", "info", "-nostats", "-progress", "pipe:2",
                "-protocol_whitelist", "file,pipe", "-i", source,
            ] + limit + ["-c:a", "flac", "-sample_fmt", "s16", "-f", "flac", "file:" + output]
            + limit + ["-c:a", "pcm_s16le", "-f", "wav", "pipe:1"]
        process.standardInput = FileHandle.nullDevice
        let pcm = Pipe()
        let messages = Pipe()
        process.standardOutput = pcm
        process.standardError = messages
        let state = DecodeState()
        messages.fileHandleForReading.readabilityHandler = { state.readMessages($0.availableData) }
        do {
            try process.run()
        } catch {
            throw FFmpegFailure(reason: "ffmpeg at \(program.path) cannot be started (\(error.localizedDescription))")
        }
        let watchdog = Watchdog(pid: process.processIdentifier, state: state, stallSeconds: stallSeconds)
        watchdog.start()
        let outcome = withoutActuallyEscaping(progress) { progress in
            Swift.Result {
                try read(pcm.fileHandleForReading.fileDescriptor, state.duration) {
                    if let fraction = state.fraction { progress(fraction) }
                }
            }
        }
        if case .failure = outcome {
            // The reader gave up: ffmpeg has nothing more to write for, and must not wait on a full pipe.
            kill(process.processIdentifier, SIGKILL)
        }
        try? pcm.fileHandleForReading.close()
        process.waitUntilExit()
        watchdog.stop()
        messages.fileHandleForReading.readabilityHandler = nil
        state.readMessages(messages.fileHandleForReading.readDataToEndOfFile())
        if watchdog.fired {
            throw FFmpegFailure(reason: "it made no progress for \(Int(stallSeconds)) s and was stopped")
        }
        let failed = process.terminationReason != .exit || process.terminationStatus != 0
        // ffmpeg begins its complaint with the input's name, which the error line already gives.
        let said = state.lastMessage?.replacingOccurrences(of: source + ": ", with: "")
        switch outcome {
        case .success(let result):
            guard !failed else { throw FFmpegFailure(reason: said ?? "ffmpeg stopped early") }
            return result
        case .failure(let error):
            // No WAV header came because ffmpeg could not read the file: ffmpeg's reason is the one to give.
            if failed, let audio = error as? AudioError, case .unreadable = audio, let said {
                throw FFmpegFailure(reason: said)
            }
            throw error
        }
    }
}

/// What ffmpeg said as it gave up, in its own words (its last line).
struct FFmpegFailure: Error {
    var reason: String
}

/// What ffmpeg has said so far on standard error; its handler runs on another thread.
private final class DecodeState: @unchecked Sendable {
    private let lock = NSLock()
    private var messages = Data()
    private var received = 0
    private var durationSeconds: Double?
    private var decodedSeconds: Double = 0

    /// Changes whenever ffmpeg writes anything: how far it got and how much it said.
    var sign: [Double] {
        lock.withLock { [decodedSeconds, Double(received)] }
    }

    var fraction: Double? {
        lock.withLock {
            guard let durationSeconds, durationSeconds > 0 else { return nil }
            return min(1, decodedSeconds / durationSeconds)
        }
    }

    /// The duration ffmpeg gave for the input, once it has said it.
    var duration: Double? { lock.withLock { durationSeconds } }

    /// The last line ffmpeg wrote that is not a `-progress` report.
    var lastMessage: String? {
        lock.withLock {
            String(decoding: messages, as: UTF8.self).split(whereSeparator: \.isNewline)
                .last { !Self.isProgressReport($0) }
                .map { String($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    /// Messages and `-progress` reports (`key=value` lines, `out_time_us` how far the output has got) share
    /// standard error.
    func readMessages(_ data: Data) {
        lock.withLock {
            messages.append(data)
            if durationSeconds == nil { durationSeconds = Self.duration(in: messages) }
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            where line.hasPrefix("out_time_us=") {
                if let micros = Double(line.dropFirst("out_time_us=".count)) { decodedSeconds = micros / 1_000_000 }
            }
            if messages.count > FFmpegDecoder.errorTailLimit {
                messages = Data(messages.suffix(FFmpegDecoder.errorTailLimit / 2))
            }
            received += data.count
        }
    }

    private static func isProgressReport(_ line: Substring) -> Bool {
        guard let equals = line.firstIndex(of: "=") else { return false }
        return line[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// "  Duration: 00:41:12.35, start: …" in the input's description.
    private static func duration(in messages: Data) -> Double? {
        let text = String(decoding: messages, as: UTF8.self)
        guard let range = text.range(of: "Duration: ") else { return nil }
        let fields = text[range.upperBound...].prefix(11).split(separator: ":")
        guard fields.count == 3, let hours = Double(fields[0]), let minutes = Double(fields[1]),
            let seconds = Double(fields[2])
        else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }
}

/// Kills ffmpeg when it has written nothing and said nothing for `stallSeconds`: the reader blocks on the pipe
/// meanwhile, so this watches from a thread of its own.
private final class Watchdog: @unchecked Sendable {
    let pid: Int32
    let state: DecodeState
    let stallSeconds: Double
    private let lock = NSLock()
    private var stopped = false
    private var didFire = false

    init(pid: Int32, state: DecodeState, stallSeconds: Double) {
        (self.pid, self.state, self.stallSeconds) = (pid, state, stallSeconds)
    }

    var fired: Bool { lock.withLock { didFire } }

    func start() {
        Thread.detachNewThread { [self] in
            var lastSign = state.sign
            var lastAdvance = Date()
            while !lock.withLock({ stopped }) {
                usleep(100_000)
                let sign = state.sign
                if sign != lastSign {
                    (lastSign, lastAdvance) = (sign, Date())
                } else if Date().timeIntervalSince(lastAdvance) > stallSeconds {
                    lock.withLock { didFire = true }
                    // SIGKILL: a program stuck that long is not listening, and SIGTERM may be blocked in it.
                    kill(pid, SIGKILL)
                    return
                }
            }
        }
    }

    func stop() { lock.withLock { stopped = true } }
}
