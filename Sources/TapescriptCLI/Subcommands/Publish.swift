import ArgumentParser
import Foundation
import TapescriptDrafts
import TapescriptLibrary

extension PublicationFormat: ExpressibleByArgument {}

extension Tapescript {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the highlights as a Q&A (md, html, txt) or with their times (srt, vtt, labels, json).",
            discussion: """
                The interviewer (speaker A) asks the questions, set apart in bold; [...] marks where the text \
                skips within a highlight (a segment with no text). The last line says when the author's changes \
                were applied.
                """)

        @OptionGroup var options: InterviewOptions

        @Option(help: "md, html, txt, srt, vtt, labels or json.")
        var format: PublicationFormat = .md

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
        var output: String?

        func run() throws {
            let library = try options.library()
            let snapshot = try library.reviewSnapshot(of: options.reference)
            let approval = try library.lastApproval(options.reference)
            let text = try PublicationBuilder.publication(of: snapshot, approvedAt: approval).rendered(as: format)
            try OutputFile.write(text, to: output)
        }
    }
}

/// Turns the review state into what is published.
enum PublicationBuilder {
    static func publication(of snapshot: ReviewSnapshot, approvedAt: Date?) -> Publication {
        let sections = snapshot.highlights.compactMap { highlight -> Publication.Section? in
            guard let rows = highlight.segments else { return nil }
            var paragraphs: [Publication.Paragraph] = []
            for segment in snapshot.segments[(rows.lowerBound - 1)...(rows.upperBound - 1)] {
                guard let text = segment.text, !text.isEmpty else {
                    if paragraphs.last != .omission { paragraphs.append(.omission) }
                    continue
                }
                paragraphs.append(
                    .spoken(
                        speaker: snapshot.speaker(channel: segment.channel),
                        isQuestion: DraftBuilder.isQuestion(segment),
                        text: text, startSeconds: snapshot.seconds(segment.startFrame),
                        endSeconds: snapshot.seconds(segment.endFrame)))
            }
            return Publication.Section(
                title: highlight.title ?? "Highlight \(highlight.number)",
                startSeconds: snapshot.seconds(highlight.startFrame), endSeconds: snapshot.seconds(highlight.endFrame),
                paragraphs: paragraphs)
        }
        let names = (0..<snapshot.recording.channelCount).compactMap { snapshot.speakerNames[$0] }
        let intro =
            names.count >= 2
            ? "\(names[1]) in conversation with \(names[0])."
            : "Selected passages from the interview, edited for reading."
        let approval =
            approvedAt.map { "Approved by the author on \(Self.day($0))." }
            ?? "Not yet approved by the author."
        return Publication(title: snapshot.interview.title, intro: intro, approval: approval, sections: sections)
    }

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

/// Writes command output to a file (atomically, so a failure leaves no half file) or to standard output.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError.cannotWrite(path: path)
        }
    }
}
