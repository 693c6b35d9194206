/// Why a draft cannot be made or a reply cannot be applied, in one sentence.
public enum DraftError: Error, Equatable, Sendable, CustomStringConvertible {
    case noHighlights(slug: String)
    case binaryToTerminal(format: String)
    case missingRecipient
    case noDraftSent(slug: String)
    case noSuchDraft(slug: String, version: Int)
    case unknownInterviewInReply(slug: String)
    case interviewNotNamed
    case draftForAnotherInterview(replySlug: String, interview: String)
    case beyondRecognition(matched: Int, sent: Int, version: Int)
    case conflicts(count: Int)
    case needsConfirmation
    /// An e-mail whose parts hold no text that could be a draft.
    case noDraftInMail
    /// Bytes that are neither text, a .docx nor an e-mail.
    case unknownReplyFormat(name: String)
    /// Readable text with neither a `[tapescript …]` line nor any anchor.
    case notADraft(name: String)

    public var description: String {
        switch self {
        case .noHighlights(let slug):
            return "interview '\(slug)' has no highlights to send; mark some first (tapescript mark \(slug) 3 5-7)"
        case .binaryToTerminal(let format):
            return "a .\(format) draft is not for a terminal; write it to a file with -o FILE"
        case .missingRecipient:
            return "an e-mail draft needs a recipient: --to ADDRESS"
        case .noDraftSent(let slug):
            return "no draft of interview '\(slug)' was ever made, so there is nothing to compare the reply with"
        case .noSuchDraft(let slug, let version):
            return "the reply answers draft \(version) of '\(slug)', which the library does not have"
        case .unknownInterviewInReply(let slug):
            return "the reply is a draft of interview '\(slug)', which is not in the library; name one with --interview"
        case .interviewNotNamed:
            return "the reply does not say which interview it is (its [tapescript … draft N] line is gone); "
                + "name it with --interview ID"
        case .draftForAnotherInterview(let replySlug, let interview):
            return "the reply is a draft of '\(replySlug)', not of '\(interview)'; check the file or drop --interview"
        case .beyondRecognition(let matched, let sent, let version):
            return "the reply matches only \(matched) of the \(sent) paragraphs of draft \(version); it is edited "
                + "beyond recognition or is not a reply to it; nothing applied"
        case .conflicts(let count):
            return "\(count) segment\(count == 1 ? " was" : "s were") changed both here and by the author; nothing "
                + "applied; choose with --take author or --take mine"
        case .needsConfirmation:
            return "nothing applied: not asked at a terminal; pass --yes to apply, or --dry-run to only look"
        case .noDraftInMail:
            return "the e-mail holds no draft text"
        case .unknownReplyFormat(let name):
            return "'\(name)' is neither text, a .docx nor an e-mail"
        case .notADraft(let name):
            return "'\(name)' is not a Tapescript draft or a reply to one: it has no [tapescript …] line and no "
                + "[12:03] markers"
        }
    }
}
