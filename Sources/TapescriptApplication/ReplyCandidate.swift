import TapescriptDrafts

/// A draft read from one part of what came back.
public struct ReplyCandidate: Sendable, Equatable {
    public var source: ReplySource
    public var reply: DraftReply

    public init(source: ReplySource, reply: DraftReply) {
        self.source = source
        self.reply = reply
    }
}

/// Every draft found in a reply, the fullest first.
public struct ReceivedReply: Sendable, Equatable {
    public var candidates: [ReplyCandidate]

    /// The interview the reply names, from the first draft in it that names one.
    public var slug: String? { candidates.lazy.compactMap(\.reply.slug).first }
}
