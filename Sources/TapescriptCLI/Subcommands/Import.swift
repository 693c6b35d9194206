import ArgumentParser
import Foundation
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add recordings to the library and segment them by silence.",
            discussion: """
                Reads any format libsndfile opens (WAV, W64, AIFF, FLAC, Ogg and more), decodes it once and stores \
                its level envelope, so later commands never decode it again. What libsndfile cannot open (a \
                phone's .m4a voice memo, MP4, WMA) ffmpeg decodes, when installed, into a private FLAC copy \
                kept beside the library. Each file is imported in one \
                transaction: a file that fails leaves the library as it was. Importing the same audio twice \
                is refused.
                """)

        @OptionGroup var libraryOptions: LibraryOptions
        @OptionGroup var segmentation: SegmentationOptions

        @Option(help: "The interview's title (default: the file name). Only with a single file.")
        var title: String?

        @Flag(help: "Print what was imported as JSON: an object for one file, an array for several.")
        var json = false

        @Argument(help: ArgumentHelp("Recordings to import.", valueName: "file"), completion: .file())
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one recording to import") }
            if let title {
                if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw ValidationError("--title cannot be empty")
                }
                if files.count > 1 { throw ValidationError("--title names one interview; import one file with it") }
            }
        }

        func run() throws {
            // An existing library is checked before any decoding; a new one is made only once there is a
            // recording to put in it, so an import that fails leaves no empty library behind.
            var library = try libraryOptions.openForReading()
            let importer = RecordingImporter(parameters: segmentation.resolved(over: .interview))
            let diagnostics = libraryOptions.diagnostics
            var reports: [ImportReport] = []
            var failed: [String] = []
            for file in files {
                do {
                    let imported = try importOne(file, with: importer, into: &library, diagnostics: diagnostics)
                    ImportNotes(imported).report(to: diagnostics)
                    reports.append(ImportReport(imported))
                } catch {
                    // With several files, one bad file should not stop the rest; it still fails the command.
                    guard files.count > 1 else { throw error }
                    diagnostics.error(error)
                    failed.append(file)
                }
            }
            if json {
                try files.count == 1 && reports.count == 1 ? printJSON(reports[0]) : printJSON(reports)
            } else {
                reports.forEach { libraryOptions.report(TerminalText($0.summary)) }
            }
            if !failed.isEmpty {
                // Said again at the end, where it is not lost above the other files' reports.
                diagnostics.error(CLIError.someFilesNotImported(failed, of: files.count))
                throw ExitCode.failure
            }
        }

        private func importOne(
            _ file: String, with importer: RecordingImporter, into library: inout Library?, diagnostics: Diagnostics
        ) throws -> ImportedRecording {
            let name = (file as NSString).lastPathComponent
            let bar = ProgressBar("importing \(name)", reading: file, diagnostics: diagnostics)
            defer { bar.clear() }
            var opened = library
            defer { library = opened }
            return try importer.importRecording(file, title: EnteredText.cleaned(title, as: "the title")) {
                let target = try opened ?? libraryOptions.openForWriting()
                opened = target
                return target
            } progress: {
                bar.show(fraction: $0)
            }
        }
    }
}
