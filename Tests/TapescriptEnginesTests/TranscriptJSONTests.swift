import Foundation
import Testing

@testable import TapescriptEngines

/// The adapters read what the real engines wrote (Fixtures/engines: whisper.cpp 1.8.5 and whisper-ctranslate2
/// 0.5.8 on one LibriVox clip, "he was not an ill disposed young man").
@Suite struct TranscriptJSONTests {
    static func fixture(_ name: String) throws -> Data {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../EndToEndTests/Fixtures/engines")
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func whisperCppTokensBecomeWordsWithTimesAndNoSpecials() throws {
        let recognition = try TranscriptJSON.whisperCpp(try Self.fixture("whisper-cpp-1.8.5.json"))

        #expect(recognition.text == "He was not an ill-disposed young man.")
        #expect(recognition.hasTimes)
        #expect(!recognition.words.contains { $0.text.contains("[_") })
        let times = recognition.words.map(\.start)
        #expect(times == times.sorted())
        #expect((recognition.words.last?.end ?? 0) <= 3.0)
        // "ill-disposed" is four tokens; the word's confidence is its least sure token's.
        let word = try #require(recognition.words.first { $0.text == "ill-disposed" })
        #expect((word.probability ?? 2) <= 1)
    }

    @Test func fasterWhisperWordsKeepTheirTimesAndProbabilities() throws {
        let recognition = try TranscriptJSON.fasterWhisper(try Self.fixture("faster-whisper.json"))

        #expect(recognition.text == "He was not an old-sposed young man.")
        #expect(
            recognition.words.first == RecognizedWord(text: "He", start: 0, end: 0.42, probability: 0.5952330827713013))
        #expect(recognition.words.count == 7)
    }

    @Test(arguments: ["", "not json", "{}", #"{"transcription": 3}"#, "[1,2]"])
    func outputOfAnotherShapeIsRefused(output: String) {
        #expect(throws: EngineError.self) { try TranscriptJSON.whisperCpp(Data(output.utf8)) }
    }

    @Test func aCommandsPlainTextIsWordsWithoutTimes() throws {
        let recognition = try CommandEngine.read(Data("  Hello there,\nworld.\n".utf8), name: "mine", duration: nil)
        #expect(recognition.text == "Hello there, world.")
        #expect(!recognition.hasTimes)
    }

    @Test func aCommandsWordListIsRead() throws {
        let json = #"{"words": [{"word": "Hi", "start": 0.5, "end": 0.8}, {"text": "you", "start": 1, "end": 1.2}]}"#
        let recognition = try CommandEngine.read(Data(json.utf8), name: "mine", duration: nil)
        #expect(recognition.words.map(\.text) == ["Hi", "you"])
        #expect(recognition.words.map(\.start) == [0.5, 1])
    }

    @Test func brokenUTF8InATokenCostsTheCharacterNotTheTranscript() throws {
        var data = Data(#"{"transcription": [{"text": "caf"#.utf8)
        data.append(0xC3)
        data.append(
            contentsOf: Data(
                #"", "tokens": [{"text": " caf", "offsets": {"from": 0, "to": 400}, "id": 1, "p": 0.9}]}]}"#.utf8))
        let recognition = try TranscriptJSON.whisperCpp(data)
        #expect(recognition.text == "caf")
    }

    @Test func anEnglishOnlyModelRefusesAnotherLanguage() async throws {
        let engine = WhisperCppEngine(
            program: URL(fileURLWithPath: "/bin/true"), modelFile: URL(fileURLWithPath: "/m/ggml-tiny.en.bin"))
        await #expect(throws: EngineError.englishOnlyModel(model: "ggml-tiny.en.bin", language: "de")) {
            try await engine.recognize(
                audio: URL(fileURLWithPath: "/x.wav"), language: "de", threads: 1,
                scratch: URL(fileURLWithPath: "/tmp"))
        }
    }

    @Test func aMissingEngineSaysHowToInstallIt() {
        let locator = EngineLocator(environment: ["PATH": "/nonexistent", "HOME": "/nonexistent"])
        #expect(throws: EngineError.self) { try locator.locate(.init(kind: .whisperCpp)) }
        do {
            _ = try locator.locate(.init(kind: .whisperCpp))
        } catch {
            #expect("\(error)".contains("make engine"))
            #expect("\(error)".contains("brew install whisper-cpp"))
        }
    }
}
