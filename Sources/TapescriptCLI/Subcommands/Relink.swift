import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Relink: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Point an interview at its recording's new place, after the file was moved or renamed.",
            discussion: """
                The file is decoded once to check that it holds the same audio as the one imported (any \
                container: a WAV converted to FLAC still matches). Nothing else changes.
                Example: tapescript relink jane ~/Archive/2026/jane-doe.wav
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: ArgumentHelp("Where the recording is now.", valueName: "path"))
        var file: String

        func run() throws {
            let library = try options.library()
            let diagnostics = options.diagnostics
            let bar = ProgressBar("checking \(file)", reading: file, diagnostics: diagnostics)
            defer { bar.clear() }
            let recording = try RecordingImporter.relink(options.reference, to: file, in: library) {
                bar.show(fraction: $0)
            }
            bar.clear()
            let slug = try library.detail(of: options.reference).interview.slug
            options.report(TerminalText("\(slug) now plays from \(recording.path)"))
        }
    }
}
