import ArgumentParser
import Foundation
import TapescriptApplication
import TapescriptAudio
import TapescriptTime

extension ClipFormat: ExpressibleByArgument {}

extension Tapescript {
    struct Clips: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the highlights as audio files, one each or all in one.",
            discussion: """
                Each highlight becomes NN-its-title.EXT in the folder (made if missing, readable by you alone), \
                faded in and out so it starts and ends without a click. --join writes them all as one file, \
                SLUG-highlights.EXT, with a pause between them: an episode or a social clip. The files are \
                written whole or not at all, and never over existing ones unless --force. Each file's path is \
                printed as it is written.
                Examples: tapescript clips jane -o clips --format flac
                          tapescript clips jane 2 3 -o ~/podcast --format mp3 --join
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: ArgumentHelp("The highlights to write, by number (default: all).", valueName: "highlight"))
        var highlights: [Int] = []

        @Option(name: .shortAndLong, help: "The folder to write into.", completion: .directory)
        var output: String

        @Option(help: "wav (16-bit), flac, ogg (Vorbis) or mp3.")
        var format: ClipFormat = .wav

        @Flag(help: "One file of all the highlights, with a pause between them.")
        var join = false

        @Option(help: ArgumentHelp("The fade in and out, in seconds.", valueName: "seconds"))
        var fade = 0.05

        @Option(help: ArgumentHelp("The pause between highlights with --join, in seconds.", valueName: "seconds"))
        var gap = 1.0

        @Flag(help: "Replace files already in the folder.")
        var force = false

        @Flag(help: #"Print what was written as JSON: [{"highlights", "title", "path", "seconds"}]."#)
        var json = false

        func validate() throws {
            guard (0...5).contains(fade) else { throw ValidationError("--fade takes 0 to 5 seconds") }
            guard (0...60).contains(gap) else { throw ValidationError("--gap takes 0 to 60 seconds") }
            if let number = highlights.first(where: { $0 < 1 }) {
                throw ValidationError("highlights are numbered from 1; \(number) is not one")
            }
            if !join, gap != 1 { throw ValidationError("--gap is the pause between highlights; add --join") }
        }

        func run() throws {
            let request = ClipRequest(
                format: format, highlights: highlights, join: join, fadeSeconds: fade, gapSeconds: gap,
                overwrite: force)
            let written = try ClipExporter(library: options.library()).export(options.reference, to: output, request)
            if json { return try printJSON(written) }
            for clip in written {
                options.report(TerminalText("\(clip.path)  \(Timecode.duration(clip.seconds))"))
            }
        }
    }
}
