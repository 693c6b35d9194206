import TapescriptLibrary

/// What the listening keys do. The model decides what to play; the session plays it and reports back.
extension ReviewModel {
    var sampleRate: Double { Double(snapshot.recording.sampleRate) }

    func frames(_ seconds: Double) -> Int64 { Int64((seconds * sampleRate).rounded()) }

    /// Playback moved on: the cursor follows it, unless the user is selecting or typing.
    mutating func playbackMoved(to frame: Int64) {
        playback = .playing(frame: frame)
        guard case .browse = mode, let row = snapshot.segmentIndex(containing: frame) else { return }
        if row != cursor { move(to: row) }
    }

    /// The player finished or failed. With looping on, the current segment starts again.
    mutating func playbackEnded(failure: String? = nil) -> [ReviewEffect] {
        if let failure {
            playback = .stopped
            message = failure
            return []
        }
        if looping, let segment = currentSegment {
            return [.play(from: segment.startFrame, to: segment.endFrame)]
        }
        // An excerpt ran out before the recording did: go on with the next one.
        if let end = playingUntil, end < snapshot.recording.frameCount {
            playingUntil = min(snapshot.recording.frameCount, end + frames(Self.playAheadSeconds))
            return [.play(from: end, to: playingUntil ?? end)]
        }
        playback = .stopped
        resumeFrame = nil
        playingUntil = nil
        return []
    }

    /// The session could not start the player.
    mutating func playbackFailed(_ reason: String) {
        playback = .stopped
        message = reason
    }

    mutating func playbackStarted(at frame: Int64) {
        playback = .playing(frame: frame)
    }

    func stopping() -> [ReviewEffect] {
        if case .playing = playback { return [.stopPlayback] }
        return []
    }

    /// Stops playback where it is, to resume from there later (space, Ctrl-Z).
    mutating func pausing() -> [ReviewEffect] {
        guard case .playing(let frame) = playback else { return [] }
        playback = .stopped
        resumeFrame = frame
        playingUntil = nil
        return [.stopPlayback]
    }

    mutating func togglePlayback() -> [ReviewEffect] {
        if case .playing = playback {
            message = "stopped"
            return pausing()
        }
        guard let segment = currentSegment else { return [] }
        var start = segment.startFrame
        // Resuming where it stopped, a little earlier, when the cursor is still where playback was.
        if let resume = resumeFrame, snapshot.segmentIndex(containing: resume) == cursor {
            start = max(segment.startFrame, resume - frames(Self.resumeStepBackSeconds))
        }
        return play(from: start)
    }

    mutating func playFromSegmentStart() -> [ReviewEffect] {
        guard let segment = currentSegment else { return [] }
        return play(from: segment.startFrame)
    }

    mutating func jump(by seconds: Double) -> [ReviewEffect] {
        let here: Int64
        if case .playing(let frame) = playback {
            here = frame
        } else if let segment = currentSegment {
            here = resumeFrame ?? segment.startFrame
        } else {
            return []
        }
        let target = min(max(0, here + frames(seconds)), max(0, snapshot.recording.frameCount - 1))
        if let row = snapshot.segmentIndex(containing: target) { move(to: row) }
        return play(from: target)
    }

    mutating func changeSpeed(by steps: Int) -> [ReviewEffect] {
        guard canChangeSpeed else {
            message = "this player cannot change speed; play (SoX), ffplay or afplay can"
            return []
        }
        let index = Self.speeds.firstIndex(of: speed) ?? 2
        speed = Self.speeds[min(max(0, index + steps), Self.speeds.count - 1)]
        message = "speed \(Self.describe(speed))×"
        if case .playing(let frame) = playback { return play(from: frame) }
        return []
    }

    mutating func toggleLoop() -> [ReviewEffect] {
        looping.toggle()
        message = looping ? "looping the current segment" : "loop off"
        if looping, let segment = currentSegment {
            return [.play(from: segment.startFrame, to: segment.endFrame)]
        }
        return []
    }

    mutating func dropMarker() -> [ReviewEffect] {
        guard case .playing(let frame) = playback else {
            message = "markers are dropped while playing: press space, then . at the moment"
            return []
        }
        let marked = max(0, frame - frames(reactionDelaySeconds))
        lastMarkerFrame = marked
        return [.edit(.marker(frame: marked))]
    }

    mutating func splitAtMarker() -> [ReviewEffect] {
        guard let segment = currentSegment else { return [] }
        guard let frame = lastMarkerFrame, segment.startFrame < frame, frame < segment.endFrame else {
            message = "drop a marker with . inside this segment while it plays, then press s to split there"
            return []
        }
        return [.edit(.split(segment: segment.index, frame: frame))]
    }

    private mutating func play(from start: Int64) -> [ReviewEffect] {
        guard let segment = currentSegment else { return [] }
        let end =
            looping
            ? segment.endFrame
            : min(snapshot.recording.frameCount, start + frames(Self.playAheadSeconds))
        resumeFrame = nil
        playingUntil = looping ? nil : end
        return [.play(from: start, to: max(end, start + 1))]
    }

    static func describe(_ speed: Double) -> String {
        speed == speed.rounded() ? String(Int(speed)) : String(speed)
    }
}
