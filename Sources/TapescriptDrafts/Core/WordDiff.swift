/// A word diff of a paragraph: what the author changed, for showing before it is applied.
public enum WordDiff {
    /// A run of words, each with the blanks that follow it.
    public enum Piece: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The changes from `old` to `new`, word by word (a longest common subsequence of words; blanks between words do
    /// not count as changes). Adjacent pieces of one kind are joined.
    public static func diff(_ old: String, _ new: String) -> [Piece] {
        let oldTokens = tokens(old)
        let newTokens = tokens(new)
        let oldWords = oldTokens.map(word)
        let newWords = newTokens.map(word)
        let prefix = zip(oldWords, newWords).prefix { $0 == $1 }.count
        let suffix = zip(oldWords.dropFirst(prefix).reversed(), newWords.dropFirst(prefix).reversed())
            .prefix { $0 == $1 }.count
        let oldMiddle = Array(oldWords[prefix..<(oldWords.count - suffix)])
        let newMiddle = Array(newWords[prefix..<(newWords.count - suffix)])

        // longest[i][j]: the longest common subsequence of oldMiddle[i...] and newMiddle[j...].
        var longest = Array(repeating: Array(repeating: 0, count: newMiddle.count + 1), count: oldMiddle.count + 1)
        for row in oldMiddle.indices.reversed() {
            for column in newMiddle.indices.reversed() {
                longest[row][column] =
                    oldMiddle[row] == newMiddle[column]
                    ? longest[row + 1][column + 1] + 1 : max(longest[row + 1][column], longest[row][column + 1])
            }
        }
        var pieces: [Piece] = newTokens[..<prefix].map { .same($0) }
        var (row, column) = (0, 0)
        while row < oldMiddle.count || column < newMiddle.count {
            if row < oldMiddle.count, column < newMiddle.count, oldMiddle[row] == newMiddle[column] {
                pieces.append(.same(newTokens[prefix + column]))
                (row, column) = (row + 1, column + 1)
            } else if column < newMiddle.count,
                row == oldMiddle.count || longest[row][column + 1] >= longest[row + 1][column]
            {
                pieces.append(.added(newTokens[prefix + column]))
                column += 1
            } else {
                pieces.append(.removed(oldTokens[prefix + row]))
                row += 1
            }
        }
        pieces += newTokens[(newTokens.count - suffix)...].map { .same($0) }
        return joined(reorderedRemovalsFirst(pieces))
    }

    /// The pieces as text: `[-removed-]{+added+}` plain, or removed words in red and added ones in green.
    public static func render(_ pieces: [Piece], colour: Bool) -> String {
        var output = ""
        for piece in pieces {
            switch piece {
            case .same(let text):
                output += text
            case .removed(let text):
                output += marked(text, open: colour ? "\u{1B}[31m" : "[-", close: colour ? "\u{1B}[0m" : "-]")
            case .added(let text):
                output += marked(text, open: colour ? "\u{1B}[32m" : "{+", close: colour ? "\u{1B}[0m" : "+}")
            }
        }
        return output
    }

    private static func marked(_ text: String, open: String, close: String) -> String {
        let words = text.reversed().drop(while: \.isWhitespace).reversed()
        let trailing = text.dropFirst(words.count)
        guard !words.isEmpty else { return text }
        return open + String(words) + close + trailing
    }

    /// Words with their following blanks; leading blanks are a token of their own.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if !character.isWhitespace, let last = current.last, last.isWhitespace {
                tokens.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func word(_ token: String) -> Substring {
        let trimmed = token.drop { $0.isWhitespace }
        return trimmed.prefix { !$0.isWhitespace }
    }

    /// Within each run of changes, removals before additions, so a replaced phrase reads `[-a b-]{+c d+}`.
    private static func reorderedRemovalsFirst(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        var removed: [Piece] = []
        var added: [Piece] = []
        func flush() {
            result += removed + added
            removed = []
            added = []
        }
        for piece in pieces {
            switch piece {
            case .same: flush(); result.append(piece)
            case .removed: removed.append(piece)
            case .added: added.append(piece)
            }
        }
        flush()
        return result
    }

    private static func joined(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        for piece in pieces {
            switch (result.last, piece) {
            case (.same(let first)?, .same(let second)): result[result.count - 1] = .same(first + second)
            case (.removed(let first)?, .removed(let second)): result[result.count - 1] = .removed(first + second)
            case (.added(let first)?, .added(let second)): result[result.count - 1] = .added(first + second)
            default: result.append(piece)
            }
        }
        return result
    }
}
