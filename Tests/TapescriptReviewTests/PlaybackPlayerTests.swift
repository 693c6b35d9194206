import Testing

@testable import TapescriptReview

@Suite struct PlaybackPlayerTests {
    private func locator(_ environment: [String: String], executables: Set<String>) -> PlayerLocator {
        PlayerLocator(environment: environment, isExecutable: { executables.contains($0) })
    }

    @Test func knownPlayersAreTriedInOrderWhateverTheirPlaceOnThePath() throws {
        let found = try #require(
            locator(["PATH": "/opt/bin:/usr/bin"], executables: ["/opt/bin/ffplay", "/usr/bin/play"]).locate())
        #expect(found == PlayerCommand(executablePath: "/usr/bin/play", program: .known(.play)))
        #expect(found.name == "play")
        #expect(found.canChangeSpeed)
    }

    @Test func aProgramIsTakenFromTheFirstPathEntryThatHoldsIt() {
        let found = locator(["PATH": "/a::/b/"], executables: ["/b/aplay", "/a/aplay", "aplay"]).locate()
        #expect(found == PlayerCommand(executablePath: "/a/aplay", program: .known(.aplay)))
        #expect(found?.canChangeSpeed == false)
        #expect(locator(["PATH": ":/b/"], executables: ["aplay", "/b/aplay"]).find("aplay") == "/b/aplay")
    }

    @Test func playersThatChangeSpeedAreLookedForFirst() {
        #expect(KnownPlayer.allCases.map(\.executableName) == ["play", "ffplay", "afplay", "aplay", "paplay", "pacat"])
    }

    @Test func anUnsetPathFallsBackToTheUsualDirectories() {
        #expect(locator([:], executables: ["/usr/bin/paplay"]).locate()?.program == .known(.paplay))
    }

    @Test func noPlayerAnywhereFindsNothing() {
        #expect(locator(["PATH": "/usr/bin:/bin"], executables: ["/usr/bin/mpv"]).locate() == nil)
    }

    @Test func theOverrideWinsAndIsSplitIntoWordsAsAShellQuotesThemWithoutRunningOne() throws {
        let environment = ["PATH": "/usr/bin", "TAPESCRIPT_PLAYER": "  mpv\t--really-quiet  'quoted arg' "]
        let found = try #require(locator(environment, executables: ["/usr/bin/mpv", "/usr/bin/aplay"]).locate())
        #expect(found.executablePath == "/usr/bin/mpv")
        #expect(found.name == "mpv")
        #expect(!found.canChangeSpeed)
        #expect(found.arguments(playing: "/tmp/x.wav", speed: 2) == ["--really-quiet", "quoted arg", "/tmp/x.wav"])
    }

    @Test func aPlayerWhosePathHasASpaceCanBeNamedQuotedOrEscaped() throws {
        let path = "/Applications/My Player/play"
        for commandLine in ["'\(path)' -q", "\"\(path)\" -q", "/Applications/My\\ Player/play -q"] {
            let found = try #require(
                locator(["TAPESCRIPT_PLAYER": commandLine], executables: [path]).locate(), "\(commandLine)")
            #expect(found.executablePath == path, "\(commandLine)")
            #expect(found.arguments(playing: "/tmp/x.wav", speed: 1) == ["-q", "/tmp/x.wav"])
        }
    }

    @Test func anUnclosedQuoteNamesNoPlayer() {
        #expect(PlayerCommand(commandLine: "'mpv --quiet") == nil)
        #expect(PlayerCommand.words(of: #"a "b c" 'd e' f\ g"#) == ["a", "b c", "d e", "f g"])
    }

    @Test func anOverrideNotOnThePathIsKeptSoStartingItNamesTheProblem() throws {
        let environment = ["PATH": "/usr/bin", "TAPESCRIPT_PLAYER": "mpv"]
        let found = try #require(locator(environment, executables: ["/usr/bin/aplay"]).locate())
        #expect(found.executablePath == "mpv")
    }

    @Test func aBlankOverrideIsIgnored() {
        let environment = ["PATH": "/usr/bin", "TAPESCRIPT_PLAYER": "   "]
        #expect(locator(environment, executables: ["/usr/bin/aplay"]).locate()?.program == .known(.aplay))
    }

    @Test func rateIsSubstitutedWhereverItAppearsInTheOverride() throws {
        let player = try #require(PlayerCommand(commandLine: "mpv --speed={rate} --af=scaletempo:{rate}"))
        #expect(player.canChangeSpeed)
        #expect(player.arguments(playing: "a.wav", speed: 1.25) == ["--speed=1.25", "--af=scaletempo:1.25", "a.wav"])
        #expect(player.arguments(playing: "a.wav", speed: 1) == ["--speed=1", "--af=scaletempo:1", "a.wav"])
    }

    @Test(arguments: [
        (KnownPlayer.aplay, 1.5, ["-q", "f.wav"]),
        (.paplay, 1.5, ["f.wav"]),
        (.pacat, 1.0, ["--playback", "--file-format", "f.wav"]),
        (.play, 1.0, ["-q", "f.wav"]),
        (.play, 1.5, ["-q", "f.wav", "tempo", "-s", "1.5"]),
        (.ffplay, 1.0, ["-nodisp", "-autoexit", "-loglevel", "quiet", "f.wav"]),
        (.ffplay, 0.75, ["-nodisp", "-autoexit", "-loglevel", "quiet", "-af", "atempo=0.75", "f.wav"]),
        (.ffplay, 3.0, ["-nodisp", "-autoexit", "-loglevel", "quiet", "-af", "atempo=2,atempo=1.5", "f.wav"]),
        (.ffplay, 0.3, ["-nodisp", "-autoexit", "-loglevel", "quiet", "-af", "atempo=0.5,atempo=0.6", "f.wav"]),
        (.afplay, 1.0, ["f.wav"]),
        (.afplay, 0.75, ["-r", "0.75", "f.wav"]),
    ])
    func eachKnownPlayerGetsItsOwnArguments(player: KnownPlayer, speed: Double, expected: [String]) {
        #expect(player.arguments(playing: "f.wav", speed: speed) == expected)
    }

    @Test func onlySoxFfplayAndAfplayChangeSpeed() {
        #expect(KnownPlayer.allCases.filter(\.canChangeSpeed) == [.play, .ffplay, .afplay])
    }
}
