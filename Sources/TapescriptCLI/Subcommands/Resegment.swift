import ArgumentParser
import Foundation
import TapescriptAudio
import TapescriptLibrary

extension Tapescript {
    struct Resegment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Segment an interview again with other parameters, from its stored envelope.",
            discussion: """
                The audio is not decoded again. Parameters left out keep their defaults (not the values of the \
                previous run). Highlights and text are anchored to times in the recording, so they stay where \
                they were and attach to the new segments they fall in.
                """)

        @OptionGroup var options: InterviewOptions
        @OptionGroup var segmentation: SegmentationOptions

        @Flag(help: "Print the result as JSON.")
        var json = false

        struct Result: Encodable {
            var slug: String
            var before: Int
            var after: Int
            var parameters: SegmentationParameters
        }

        func run() throws {
            let library = try options.library()
            let reference = options.reference
            let detail = try library.detail(of: reference)
            let envelope = try library.envelope(of: detail.recording)
            let parameters = segmentation.resolved(over: .interview)
            let regions = SilenceDetector(parameters: parameters).detect(in: envelope)
            try library.replaceSegments(of: reference, with: regions, parameters: parameters)
            let result = Result(
                slug: detail.interview.slug, before: detail.segments.count, after: regions.count,
                parameters: parameters)
            if json { return try printJSON(result) }
            options.report("re-segmented \(result.slug): \(result.before) → \(result.after) segments")
        }
    }
}
