import ArgumentParser
import Foundation
import TapescriptAudio
import TapescriptLibrary

extension Tapescript {
    struct Pauses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how long the pauses in an interview are, to choose segmentation parameters.",
            discussion: """
                Counts every pause between stretches of sound by length, and how many of each length split a \
                segment with the given parameters (the defaults unless you pass others). A clear valley between \
                short pauses (inside sentences) and long ones (between thoughts) is a good --min-silence.
                """)

        @OptionGroup var options: InterviewOptions
        @OptionGroup var segmentation: SegmentationOptions

        @Flag(help: "Print the histogram as JSON.")
        var json = false

        struct Bucket: Encodable {
            var from: Double
            var to: Double?
            var count: Int
            var splitting: Int
        }

        static let edges: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.5, 2, 3, 5, 10]

        func run() throws {
            let library = try options.library()
            let detail = try library.detail(of: options.reference)
            let envelope = try library.envelope(of: detail.recording)
            let parameters = segmentation.resolved(over: .interview)
            let pauses = SilenceDetector(parameters: parameters).pauses(in: envelope)
            let rate = Double(detail.recording.sampleRate)
            var buckets = Self.edges.indices.map { index in
                Bucket(
                    from: Self.edges[index], to: index + 1 < Self.edges.count ? Self.edges[index + 1] : nil,
                    count: 0, splitting: 0)
            }
            for pause in pauses {
                let seconds = Double(pause.endFrame - pause.startFrame) / rate
                let index = (Self.edges.lastIndex { $0 <= seconds }) ?? 0
                buckets[index].count += 1
                if pause.splits { buckets[index].splitting += 1 }
            }
            if json { return try printJSON(buckets) }
            let minimumSilence = parameters.minimumSilenceSeconds(channelCount: envelope.channelCount)
            printHistogram(buckets, total: pauses.count, parameters: parameters, minimumSilence: minimumSilence)
        }

        private func printHistogram(
            _ buckets: [Bucket], total: Int, parameters: SegmentationParameters, minimumSilence: Double
        ) {
            let terminal = Terminal.standardOutput
            Output.line(
                terminal.bold("\(total) pauses")
                    + terminal.dim(
                        "  (█ splits a segment, ░ does not; --min-silence \(minimumSilence) s, "
                            + "--turn-gap \(parameters.minimumTurnGapSeconds) s)"))
            let widest = max(1, buckets.map(\.count).max() ?? 1)
            let barWidth = 40
            for bucket in buckets {
                let label =
                    bucket.to.map { String(format: "%5.1f–%-4.1f s", bucket.from, $0) }
                    ?? String(format: "%5.1f s +    ", bucket.from)
                let full = Int((Double(bucket.splitting) / Double(widest) * Double(barWidth)).rounded(.up))
                let partial = Int((Double(bucket.count) / Double(widest) * Double(barWidth)).rounded(.up)) - full
                let bar = String(repeating: "█", count: full) + String(repeating: "░", count: max(0, partial))
                Output.line(
                    TerminalText("\(label) \(String(format: "%4d", bucket.count)) \(bar)".replacing(/\s+$/, with: "")))
            }
        }
    }
}
