import ArgumentParser
import Foundation
import TapescriptAudio
import TapescriptLibrary

extension Tapescript {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add recordings to the library and segment them by silence.",
            discussion: """
                Reads any format libsndfile opens (WAV, W64, AIFF, FLAC, Ogg, …), decodes it once and stores \
                its level envelope, so later commands never decode it again. Each file is imported in one \
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
            let parameters = segmentation.resolved(over: .interview)
            var reports: [ImportReport] = []
            var failures = 0
            for file in files {
                do {
                    let analysis = try analyze(file)
                    let target = try library ?? libraryOptions.openForWriting()
                    library = target
                    reports.append(try store(analysis, from: file, into: target, parameters: parameters))
                } catch {
                    // With several files, one bad file should not stop the rest; it still fails the command.
                    guard files.count > 1 else { throw error }
                    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                    failures += 1
                }
            }
            if json {
                if files.count == 1, let report = reports.first {
                    try printJSON(report)
                } else {
                    try printJSON(reports)
                }
            } else {
                reports.forEach { print($0.summary) }
            }
            if failures > 0 { throw ExitCode.failure }
        }

        private func analyze(_ file: String) throws -> RecordingAnalysis {
            let diagnostics = Diagnostics()
            let name = (file as NSString).lastPathComponent
            defer { diagnostics.clearProgress() }
            return try RecordingAnalyzer.analyze(path: file) { fraction in
                diagnostics.progress("importing \(name)", fraction: fraction)
            }
        }

        private func store(
            _ analysis: RecordingAnalysis, from file: String, into library: Library, parameters: SegmentationParameters
        ) throws -> ImportReport {
            let regions = SilenceDetector(parameters: parameters).detect(in: analysis.envelope)
            let interview = try library.importRecording(
                analysis, path: Self.absolute(file), title: title ?? Self.defaultTitle(for: file), regions: regions,
                parameters: parameters)
            ImportNotes(analysis: analysis, file: file, regions: regions).report(to: Diagnostics())
            return ImportReport(interview: interview, analysis: analysis, segmentCount: regions.count)
        }

        static func defaultTitle(for file: String) -> String {
            let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            return stem.isEmpty ? "Interview" : stem
        }

        static func absolute(_ file: String) -> String {
            file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        }
    }
}
