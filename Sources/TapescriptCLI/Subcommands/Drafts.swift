import ArgumentParser
import Foundation
import TapescriptLibrary

extension Tapescript {
    struct Drafts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the drafts sent for an interview, and which were answered.",
            discussion: """
                A draft is answered once a reply to it was applied (the author's words or comments came back). \
                The form is unknown (-) for drafts sent before Tapescript kept it.
                Example: tapescript drafts jane
                """)

        @OptionGroup var options: InterviewOptions
        @OptionGroup var paging: PagingOptions

        @Flag(
            help: """
                Show the drafts as JSON: [{"version", "sentAt" (ISO 8601), "recipient", "format", "paragraphs", \
                "answered"}], null where unknown.
                """)
        var json = false

        struct Listed: Encodable {
            var version: Int
            var sentAt: String
            var recipient: String?
            var format: String?
            var paragraphs: Int
            var answered: Bool

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(version, forKey: .version)
                try container.encode(sentAt, forKey: .sentAt)
                try container.encode(recipient, forKey: .recipient)
                try container.encode(format, forKey: .format)
                try container.encode(paragraphs, forKey: .paragraphs)
                try container.encode(answered, forKey: .answered)
            }

            enum CodingKeys: String, CodingKey { case version, sentAt, recipient, format, paragraphs, answered }
        }

        func run() throws {
            let (interview, drafts) = try options.library().drafts(of: options.reference)
            let listed = drafts.map { sent in
                Listed(
                    version: sent.record.version, sentAt: sent.record.createdAt.ISO8601Format(),
                    recipient: sent.record.recipient, format: sent.record.format,
                    paragraphs: sent.record.paragraphs.count, answered: sent.answered)
            }
            let pager = paging.start()
            defer { pager?.finish() }
            if json { return try printJSON(listed) }
            guard !listed.isEmpty else {
                return Diagnostics().line(
                    TerminalText("No drafts of \(interview.slug) yet; tapescript draft \(interview.slug) makes one."))
            }
            let local = DateFormatter()
            local.dateFormat = "yyyy-MM-dd HH:mm"
            let table = TextTable(
                header: ["draft", "sent", "form", "paragraphs", "answered", "to"],
                rightAligned: [0, 3],
                rows: zip(listed, drafts).map { row, sent in
                    [
                        String(row.version), local.string(from: sent.record.createdAt), row.format ?? "–",
                        String(row.paragraphs), row.answered ? "yes" : "no", row.recipient ?? "–",
                    ]
                })
            Output.write(table.render(terminal: .standardOutput))
        }
    }
}
