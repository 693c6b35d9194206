/// Which paragraph of a reply is the edited version of which paragraph of the sent draft.
public struct DraftAlignment: Sendable, Equatable {
    /// How a sent paragraph was found in the reply.
    public enum Method: Sendable, Equatable {
        /// Its anchor came back exactly.
        case anchor
        /// Its anchor came back with odd spacing, escapes or colons.
        case normalizedAnchor
        /// Its anchor was lost; its words were found, with this Jaccard similarity.
        case text(similarity: Double)
    }

    public struct Match: Sendable, Equatable {
        /// The index in ``DraftDocument/paragraphs`` (all sections, in order).
        public var sentIndex: Int
        /// The index in ``DraftReply/paragraphs``.
        public var replyIndex: Int
        public var method: Method
        /// The author's text for the paragraph. It is the reply paragraph's text, with the speaker label put back in
        /// front when the label did not name the sent paragraph's speaker (so a text starting `Honestly:` survives).
        public var text: String
    }

    /// A reply paragraph that is no sent paragraph: the author added it.
    public struct Addition: Sendable, Equatable {
        public var replyIndex: Int
        /// The sent paragraph it follows (the one matched by the nearest matched reply paragraph before it), or nil
        /// when it comes before all of them.
        public var afterSent: Int?
    }

    /// For each sent paragraph, its edited version, or nil when the author deleted it.
    public var matches: [Match?]
    public var added: [Addition]
    /// The reply paragraphs matched to no sent paragraph, in order (those of ``added``).
    public var unmatchedReply: [Int]
    /// The share of sent paragraphs found in the reply, 0 to 1 (1 for an empty draft).
    public var confidence: Double

    /// The sent paragraphs the author deleted.
    public var deleted: [Int] { matches.indices.filter { matches[$0] == nil } }

    /// Whether enough of the draft was found to apply the reply: at least half of its paragraphs. Below that the
    /// reply was edited beyond recognition or answers another draft.
    public var isRecognizable: Bool { confidence >= 0.5 }
}

/// Aligns a reply with the draft it answers.
public enum DraftAligner {
    /// The least Jaccard similarity of word sets for a paragraph that lost its anchor to be matched by its text…
    public static let minimumSimilarity = 0.3
    /// … or the least share of the sent paragraph's words found in it.
    public static let minimumSharedWords = 0.5

    /// Maps each sent paragraph to its edited version in the reply: first by anchor, exactly and then normalized
    /// (so a moved paragraph that kept its anchor is found wherever it went), then the rest by their words, in order.
    public static func align(reply: DraftReply, to sent: DraftDocument) -> DraftAlignment {
        let sentParagraphs = sent.paragraphs
        var matchedReply: [Int: Int] = [:]
        var methods: [Int: DraftAlignment.Method] = [:]
        func match(sentIndex: Int, replyIndex: Int, method: DraftAlignment.Method) {
            matchedReply[sentIndex] = replyIndex
            methods[sentIndex] = method
        }

        for (normalize, method) in [
            ({ (anchor: String) in anchor }, DraftAlignment.Method.anchor),
            (normalizedAnchor, .normalizedAnchor),
        ] {
            var sentByAnchor: [String: Int] = [:]
            for (index, paragraph) in sentParagraphs.enumerated() where matchedReply[index] == nil {
                sentByAnchor[normalize(paragraph.anchor)] = sentByAnchor[normalize(paragraph.anchor)] ?? index
            }
            let used = Set(matchedReply.values)
            for (replyIndex, paragraph) in reply.paragraphs.enumerated() where !used.contains(replyIndex) {
                guard let anchor = paragraph.anchor, let sentIndex = sentByAnchor[normalize(anchor)],
                    matchedReply[sentIndex] == nil
                else { continue }
                match(sentIndex: sentIndex, replyIndex: replyIndex, method: method)
            }
        }

        let used = Set(matchedReply.values)
        let sentLeft = sentParagraphs.indices.filter { matchedReply[$0] == nil }
        let replyLeft = reply.paragraphs.indices.filter { !used.contains($0) }
        for (sentIndex, replyIndex, similarity) in alignByText(
            sent: sentLeft.map { DraftMarkers.wordSet(sentParagraphs[$0].text) },
            reply: replyLeft.map { DraftMarkers.wordSet(reply.paragraphs[$0].text) })
        {
            match(
                sentIndex: sentLeft[sentIndex], replyIndex: replyLeft[replyIndex], method: .text(similarity: similarity)
            )
        }

        let matches: [DraftAlignment.Match?] = sentParagraphs.indices.map { sentIndex in
            guard let replyIndex = matchedReply[sentIndex], let method = methods[sentIndex] else { return nil }
            let text = authorText(of: reply.paragraphs[replyIndex], for: sentParagraphs[sentIndex])
            return DraftAlignment.Match(sentIndex: sentIndex, replyIndex: replyIndex, method: method, text: text)
        }
        var sentByReply: [Int: Int] = [:]
        for (sentIndex, replyIndex) in matchedReply { sentByReply[replyIndex] = sentIndex }
        var added: [DraftAlignment.Addition] = []
        var previousSent: Int?
        for replyIndex in reply.paragraphs.indices {
            if let sentIndex = sentByReply[replyIndex] {
                previousSent = sentIndex
            } else {
                added.append(DraftAlignment.Addition(replyIndex: replyIndex, afterSent: previousSent))
            }
        }
        let confidence = sentParagraphs.isEmpty ? 1 : Double(matchedReply.count) / Double(sentParagraphs.count)
        return DraftAlignment(
            matches: matches, added: added, unmatchedReply: added.map(\.replyIndex), confidence: confidence)
    }

    /// The anchor with blanks and backslashes removed, other colons made `:`, a decimal comma a point, lowercased.
    static func normalizedAnchor(_ anchor: String) -> String {
        String(
            anchor.lowercased().compactMap { character -> Character? in
                switch character {
                case "：", "∶": return ":"
                case ",": return "."
                case "\\", "[", "]": return nil
                default: return DraftMarkers.isBlank(character) ? nil : character
                }
            })
    }

    private static func authorText(of paragraph: ReplyParagraph, for sent: DraftParagraph) -> String {
        guard let speaker = paragraph.speaker else { return paragraph.text }
        let same = sent.speaker.map { DraftMarkers.collapsingBlanks($0).lowercased() }
        return same == DraftMarkers.collapsingBlanks(speaker).lowercased()
            ? paragraph.text : "\(speaker): \(paragraph.text)"
    }

    /// An order-preserving alignment maximising the summed similarity of matched pairs, over pairs similar enough.
    private static func alignByText(sent: [Set<String>], reply: [Set<String>]) -> [(Int, Int, Double)] {
        guard !sent.isEmpty, !reply.isEmpty else { return [] }
        // Every pair is compared, so words become sorted integer ids once and each pair costs one merge walk
        // instead of hashing strings for a union and two intersections.
        var ids: [String: Int] = [:]
        func numbered(_ words: Set<String>) -> [Int] {
            words.map { word in
                if let id = ids[word] { return id }
                ids[word] = ids.count
                return ids.count - 1
            }
            .sorted()
        }
        let sentIDs = sent.map(numbered)
        let replyIDs = reply.map(numbered)
        let similarity: [[Double?]] = sentIDs.map { sentWords in
            replyIDs.map { replyWords in
                guard !sentWords.isEmpty else { return nil }
                let common = commonCount(sentWords, replyWords)
                let union = sentWords.count + replyWords.count - common
                let jaccard = union == 0 ? 0 : Double(common) / Double(union)
                let shared = Double(common) / Double(sentWords.count)
                return jaccard >= minimumSimilarity || shared >= minimumSharedWords ? jaccard : nil
            }
        }
        var best = Array(repeating: Array(repeating: 0.0, count: reply.count + 1), count: sent.count + 1)
        for row in 1...sent.count {
            for column in 1...reply.count {
                var value = max(best[row - 1][column], best[row][column - 1])
                if let pair = similarity[row - 1][column - 1] { value = max(value, best[row - 1][column - 1] + pair) }
                best[row][column] = value
            }
        }
        var pairs: [(Int, Int, Double)] = []
        var (row, column) = (sent.count, reply.count)
        while row > 0, column > 0 {
            if let pair = similarity[row - 1][column - 1], best[row][column] == best[row - 1][column - 1] + pair {
                pairs.append((row - 1, column - 1, pair))
                (row, column) = (row - 1, column - 1)
            } else if best[row][column] == best[row - 1][column] {
                row -= 1
            } else {
                column -= 1
            }
        }
        return pairs.reversed()
    }

    /// How many ids two sorted arrays share.
    private static func commonCount(_ first: [Int], _ second: [Int]) -> Int {
        var (i, j, count) = (0, 0, 0)
        while i < first.count, j < second.count {
            if first[i] == second[j] {
                count += 1
                i += 1
                j += 1
            } else if first[i] < second[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }
}
