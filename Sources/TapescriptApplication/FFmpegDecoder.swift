import Foundation

/// Decodes what libsndfile cannot open — a phone's voice memo (.m4a, AAC), MP4, WMA, Opus in WebM — through an
/// installed `ffmpeg`, in one pass, into a FLAC file that libsndfile then reads like any recording.
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
        if let named = environment["TAPESCRIPT_FFMPEG"], !named.isEmpty {
            return FileManager.default.isExecutableFile(atPath: named)
                ? FFmpegDecoder(program: URL(fileURLWithPath: named)) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        where !folder.isEmpty {
            let candidate = "\(folder)/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return FFmpegDecoder(program: URL(fileURLWithPath: candidate))
            }
        }
        return nil
    }

    /// Decodes the first audio stream of `input` into a 16-bit FLAC file at `output` (which must not exist).
    /// - Parameter progress: called now and then with the fraction decoded, once ffmpeg has said the duration.
    /// - Throws: `FFmpegFailure` with ffmpeg's last word when it cannot decode the file.
    func decode(_ input: String, to output: String, progress: (Double) -> Void) throws(FFmpegFailure) {
        let process = Process()
        process.executableURL = program
        // `file:` keeps a name that starts with '-' or looks like a protocol ("concat:", "http:") a plain file,
        // and the whitelist keeps a playlist-like input from opening anything else.
        process.arguments = [
            "-nostdin", "-hide_banner", "-loglevel", "info", "-nostats", "-protocol_whitelist", "file,pipe",
            "-i", "file:" + Self.absolute(input), "-map", "0:a:0", "-vn", "-sn", "-dn",
            "-t", String(Self.longestDecodedSeconds), "-c:a", "flac", "-sample_fmt", "s16", "-f", "flac",
            "-progress", "pipe:1", "file:" + output,
        ]
        process.standardInput = FileHandle.nullDevice
        let progressPipe = Pipe()
        let messages = Pipe()
        process.standardOutput = progressPipe
        process.standardError = messages
        let state = DecodeState()
        progressPipe.fileHandleForReading.readabilityHandler = { state.readProgress($0.availableData) }
        messages.fileHandleForReading.readabilityHandler = { state.readMessages($0.availableData) }
        do {
            try process.run()
        } catch {
            throw FFmpegFailure(reason: "ffmpeg at \(program.path) cannot be started (\(error.localizedDescription))")
        }
        var lastSign = state.sign
        var lastAdvance = Date()
        while process.isRunning {
            usleep(100_000)
            if let fraction = state.fraction { progress(fraction) }
            let sign = state.sign
            if sign != lastSign {
                (lastSign, lastAdvance) = (sign, Date())
            } else if Date().timeIntervalSince(lastAdvance) > stallSeconds {
                // SIGKILL: a program stuck that long is not listening, and SIGTERM may be blocked in it.
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw FFmpegFailure(reason: "it made no progress for \(Int(stallSeconds)) s and was stopped")
            }
        }
        process.waitUntilExit()
        progressPipe.fileHandleForReading.readabilityHandler = nil
        messages.fileHandleForReading.readabilityHandler = nil
        state.readMessages(messages.fileHandleForReading.readDataToEndOfFile())
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw FFmpegFailure(reason: state.lastMessage ?? "ffmpeg stopped with status \(process.terminationStatus)")
        }
    }

    static func absolute(_ file: String) -> String {
        file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
    }
}

/// What ffmpeg said as it gave up, in its own words (its last line).
struct FFmpegFailure: Error {
    var reason: String
}

/// What ffmpeg's two pipes have said so far; their handlers run on other threads.
private final class DecodeState: @unchecked Sendable {
    private let lock = NSLock()
    private var messages = Data()
    private var progressLine = Data()
    private var durationSeconds: Double?
    private var decodedSeconds: Double = 0

    /// Changes whenever ffmpeg writes anything: how far it got and how much it said.
    var sign: [Double] {
        lock.withLock { [decodedSeconds, Double(messages.count), Double(progressLine.count)] }
    }

    var fraction: Double? {
        lock.withLock {
            guard let durationSeconds, durationSeconds > 0 else { return nil }
            return min(1, decodedSeconds / durationSeconds)
        }
    }

    /// The last line ffmpeg wrote, without the input's name it repeats.
    var lastMessage: String? {
        lock.withLock {
            let text = String(decoding: messages, as: UTF8.self)
            return text.split(whereSeparator: \.isNewline).last.map { String($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    func readMessages(_ data: Data) {
        lock.withLock {
            messages.append(data)
            if durationSeconds == nil { durationSeconds = Self.duration(in: messages) }
            if messages.count > FFmpegDecoder.errorTailLimit {
                messages = Data(messages.suffix(FFmpegDecoder.errorTailLimit / 2))
            }
        }
    }

    /// `-progress` writes `key=value` lines; `out_time_us` is how far the output has got.
    func readProgress(_ data: Data) {
        lock.withLock {
            progressLine.append(data)
            while let newline = progressLine.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: progressLine[progressLine.startIndex..<newline], as: UTF8.self)
                progressLine = Data(progressLine[progressLine.index(after: newline)...])
                if line.hasPrefix("out_time_us="), let micros = Double(line.dropFirst("out_time_us=".count)) {
                    decodedSeconds = micros / 1_000_000
                }
            }
            if progressLine.count > 4096 { progressLine.removeAll() }
        }
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
