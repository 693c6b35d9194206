import Foundation
import TapescriptAudio
import TapescriptFiles
import TapescriptLibrary

/// What `tapescript clips` is asked for.
public struct ClipRequest: Sendable {
    public var format: ClipFormat
    /// The highlights by number; every highlight when empty.
    public var highlights: [Int]
    /// One file of all the highlights, a gap between them, instead of a file each.
    public var join: Bool
    public var fadeSeconds: Double
    public var gapSeconds: Double
    /// Replace files already there instead of refusing.
    public var overwrite: Bool

    public init(
        format: ClipFormat, highlights: [Int] = [], join: Bool = false, fadeSeconds: Double = 0.05,
        gapSeconds: Double = 1, overwrite: Bool = false
    ) {
        self.format = format
        self.highlights = highlights
        self.join = join
        self.fadeSeconds = fadeSeconds
        self.gapSeconds = gapSeconds
        self.overwrite = overwrite
    }
}

/// One file `clips` wrote.
public struct WrittenClip: Sendable, Equatable, Encodable {
    /// The highlights it holds, by number.
    public var highlights: [Int]
    public var title: String?
    public var path: String
    public var seconds: Double

    /// As synthesised, but an untitled highlight's `title` is written as null rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(highlights, forKey: .highlights)
        try container.encode(title, forKey: .title)
        try container.encode(path, forKey: .path)
        try container.encode(seconds, forKey: .seconds)
    }

    private enum CodingKeys: String, CodingKey { case highlights, title, path, seconds }
}

/// Why no clip was written.
public enum ClipError: Error, Equatable, Sendable, CustomStringConvertible {
    case noHighlights(slug: String)
    case unknownHighlight(number: Int, count: Int, slug: String)
    case exists(path: String)
    case folder(FileError)
    case audio(AudioExcerptError)

    public var description: String {
        switch self {
        case .noHighlights(let slug):
            return "interview '\(slug)' has no highlights yet; mark some with 'tapescript mark' or in review"
        case .unknownHighlight(let number, let count, let slug):
            return "interview '\(slug)' has no highlight \(number): it has \(count)" + (count == 1 ? " only" : "")
                + " ('tapescript highlights \(slug)' lists them)"
        case .exists(let path):
            return "'\(path)' already exists; add --force to replace it, or name another folder with -o"
        case .folder(let error):
            return error.description
        case .audio(let error):
            return error.description
        }
    }
}

/// Writes highlights as audio files: `02-finding-mentors.flac` a highlight, or all of them in one file.
///
/// All or nothing: the files are written into a scratch folder inside the destination, and moved to their names
/// only when every one is complete, so a failure (a full disk, an unreadable recording) leaves the folder as it was.
public struct ClipExporter {
    let library: Library

    public init(library: Library) { self.library = library }

    public func export(
        _ reference: InterviewReference, to folder: String, _ request: ClipRequest
    ) throws -> [WrittenClip] {
        let snapshot = try library.reviewSnapshot(of: reference)
        let slug = snapshot.interview.slug
        let chosen = try Self.choose(request.highlights, from: snapshot.highlights, slug: slug)
        let rate = Double(snapshot.recording.sampleRate)
        let files: [(name: String, highlights: [ReviewHighlight])] =
            request.join
            ? [("\(slug)-highlights.\(request.format.fileExtension)", chosen)]
            : chosen.map { (Self.fileName(of: $0, format: request.format), [$0]) }

        do { try PrivateFile.makeFolder(folder) } catch { throw ClipError.folder(error) }
        let destinations = files.map { (folder as NSString).appendingPathComponent($0.name) }
        if !request.overwrite, let taken = destinations.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw ClipError.exists(path: taken)
        }
        let scratch: String
        do { scratch = try PrivateFile.makeScratchFolder(prefix: ".tapescript-clips", in: folder) } catch {
            throw ClipError.folder(error)
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var written: [WrittenClip] = []
        var pending: [(from: String, to: String)] = []
        for (file, destination) in zip(files, destinations) {
            let partial = (scratch as NSString).appendingPathComponent(file.name)
            let clip = AudioClip(
                of: snapshot.recording.path, pieces: file.highlights.map { $0.startFrame..<$0.endFrame },
                fadeSeconds: request.fadeSeconds, gapSeconds: request.gapSeconds)
            let frames: Int64
            do { frames = try clip.write(to: partial, format: request.format) } catch { throw ClipError.audio(error) }
            pending.append((partial, destination))
            written.append(
                WrittenClip(
                    highlights: file.highlights.map(\.number),
                    title: request.join ? snapshot.interview.title : file.highlights.first?.title,
                    path: destination, seconds: (Double(frames) / rate * 1000).rounded() / 1000))
        }
        for move in pending {
            guard rename(move.from, move.to) == 0 else {
                throw ClipError.folder(FileError(path: move.to, operation: "rename onto", errorNumber: errno))
            }
        }
        return written
    }

    /// `02-finding-mentors.flac`: the number, so the files sort as the interview runs, and the title's slug.
    static func fileName(of highlight: ReviewHighlight, format: ClipFormat) -> String {
        let number = highlight.number < 10 ? "0\(highlight.number)" : String(highlight.number)
        let title = highlight.title.map(Slug.make(from:)) ?? "highlight"
        return "\(number)-\(title).\(format.fileExtension)"
    }

    private static func choose(
        _ numbers: [Int], from highlights: [ReviewHighlight], slug: String
    ) throws(ClipError) -> [ReviewHighlight] {
        guard !highlights.isEmpty else { throw .noHighlights(slug: slug) }
        guard !numbers.isEmpty else { return highlights }
        return try numbers.map { number throws(ClipError) in
            guard let highlight = highlights.first(where: { $0.number == number }) else {
                throw .unknownHighlight(number: number, count: highlights.count, slug: slug)
            }
            return highlight
        }
    }
}
