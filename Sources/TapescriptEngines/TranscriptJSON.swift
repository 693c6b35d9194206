import Foundation

/// Reads the JSON the recognisers write: whisper.cpp's `-ojf` (segments with token times in ms) and
/// faster-whisper's (segments with words and times in seconds), and a plain list of words for other programs.
/// Anything else is refused, never guessed at.
enum TranscriptJSON {
    /// whisper.cpp's full JSON: `transcription[].tokens[]` with `text`, `offsets.from/to` (ms), `id`, `p`.
    /// Special tokens (`[_BEG_]`, `[_TT_…]`, timestamps: ids at or above the end-of-text id, or text starting `[_`)
    /// are dropped; a token starting with a space starts a new word.
    static func whisperCpp(_ data: Data, endOfTextID: Int = englishEndOfTextID) throws(EngineError) -> Recognition {
        struct Document: Decodable {
            struct Segment: Decodable {
                struct Offsets: Decodable {
                    var from: Double
                    var to: Double
                }
                struct Token: Decodable {
                    var text: String
                    var offsets: Offsets?
                    var id: Int?
                    var p: Double?
                }
                var offsets: Offsets?
                var text: String
                var tokens: [Token]?
            }
            var transcription: [Segment]
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: lenientUTF8(data))
        } catch {
            throw .unreadableOutput(engine: "whisper.cpp", detail: "no whisper.cpp JSON (\(Self.reason(error)))")
        }
        var words: [RecognizedWord] = []
        var current: (text: String, start: Double, end: Double, probabilities: [Double])?
        func close() {
            if let word = current {
                let text = word.text.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    let probability = word.probabilities.isEmpty ? nil : word.probabilities.min()
                    words.append(RecognizedWord(text: text, start: word.start, end: word.end, probability: probability))
                }
            }
            current = nil
        }
        for segment in document.transcription {
            guard let tokens = segment.tokens else {
                // Without tokens, the segment's words share its times evenly.
                close()
                words += evenlySpread(
                    segment.text, from: (segment.offsets?.from ?? 0) / 1000,
                    to: (segment.offsets?.to ?? 0) / 1000)
                continue
            }
            for token in tokens where !isSpecial(token.text, id: token.id, endOfTextID: endOfTextID) {
                let start = (token.offsets?.from ?? segment.offsets?.from ?? 0) / 1000
                let end = (token.offsets?.to ?? segment.offsets?.to ?? 0) / 1000
                if token.text.hasPrefix(" ") || current == nil {
                    close()
                    current = (token.text, start, end, token.p.map { [$0] } ?? [])
                } else {
                    current?.text += token.text
                    current?.end = end
                    if let p = token.p { current?.probabilities.append(p) }
                }
            }
            close()
        }
        return Recognition(words: words, hasTimes: true)
    }

    /// The end-of-text token of the English-only models; the multilingual ones have it one higher. Every id from
    /// there on is a special token.
    static let englishEndOfTextID = 50256

    static func isSpecial(_ text: String, id: Int?, endOfTextID: Int) -> Bool {
        if let id, id >= endOfTextID { return true }
        return text.hasPrefix("[_") || (text.hasPrefix("<|") && text.hasSuffix("|>"))
    }

    /// faster-whisper's JSON (as whisper-ctranslate2 writes it): `segments[]` with `start`, `end` (s), `text`, and
    /// with word timestamps `words[{start, end, word, probability}]`. Also reads a bare `{"words": [...]}`.
    static func fasterWhisper(_ data: Data, engine: String = "faster-whisper") throws(EngineError) -> Recognition {
        struct Word: Decodable {
            var start: Double?
            var end: Double?
            var word: String?
            var text: String?
            var probability: Double?
        }
        struct Segment: Decodable {
            var start: Double?
            var end: Double?
            var text: String?
            var words: [Word]?
        }
        struct Document: Decodable {
            var segments: [Segment]?
            var words: [Word]?
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: lenientUTF8(data))
        } catch {
            throw .unreadableOutput(engine: engine, detail: "no transcript JSON (\(Self.reason(error)))")
        }
        func recognized(_ word: Word) -> RecognizedWord? {
            let text = (word.word ?? word.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, let start = word.start, let end = word.end, start.isFinite, end.isFinite else {
                return nil
            }
            return RecognizedWord(text: text, start: start, end: max(start, end), probability: word.probability)
        }
        // A word without a space before it ("-sposed" after " old") is the rest of the word before.
        func joined(_ words: [Word]) -> [RecognizedWord] {
            var joined: [RecognizedWord] = []
            for word in words {
                guard let next = recognized(word) else { continue }
                let raw = word.word ?? word.text ?? ""
                if let last = joined.last, !raw.isEmpty, !(raw.first?.isWhitespace ?? true), word.word != nil {
                    joined[joined.count - 1] = RecognizedWord(
                        text: last.text + next.text, start: last.start, end: next.end,
                        probability: [last.probability, next.probability].compactMap { $0 }.min())
                } else {
                    joined.append(next)
                }
            }
            return joined
        }
        if let words = document.words {
            return Recognition(words: joined(words), hasTimes: true)
        }
        guard let segments = document.segments else {
            throw .unreadableOutput(engine: engine, detail: "neither \"segments\" nor \"words\" in its JSON")
        }
        var words: [RecognizedWord] = []
        for segment in segments {
            if let segmentWords = segment.words {
                words += joined(segmentWords)
            } else {
                words += evenlySpread(segment.text ?? "", from: segment.start ?? 0, to: segment.end ?? 0)
            }
        }
        return Recognition(words: words, hasTimes: true)
    }

    /// The words of `text` sharing the span evenly, for output that times sentences only.
    static func evenlySpread(_ text: String, from start: Double, to end: Double) -> [RecognizedWord] {
        let pieces = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !pieces.isEmpty else { return [] }
        let step = max(0, end - start) / Double(pieces.count)
        return pieces.enumerated().map { index, piece in
            RecognizedWord(
                text: piece, start: start + step * Double(index), end: start + step * Double(index + 1),
                probability: nil)
        }
    }

    /// A recogniser's tokens are pieces of UTF-8 and can split a character; the bytes are read with the broken
    /// ones replaced rather than refused.
    static func lenientUTF8(_ data: Data) -> Data {
        Data(String(decoding: data, as: UTF8.self).utf8)
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not JSON" : "unexpected value at \(path)"
        default: return "not JSON"
        }
    }
}
