import Foundation

/// Times as people read them. Stored times are frames; these appear only at display and export.
public enum Timecode {
    /// `m:ss.s`, or `h:mm:ss.s` from an hour on.
    public static func clock(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded())
        let (hours, minutes, secondTenths) = (tenths / 36_000, tenths / 600 % 60, tenths % 600)
        let secondsText = pad(secondTenths / 10, 2) + "." + String(secondTenths % 10)
        return hours > 0 ? "\(hours):\(pad(minutes, 2)):\(secondsText)" : "\(minutes):\(secondsText)"
    }

    /// `m:ss`, or `h:mm:ss` from an hour on: whole seconds, as a draft's anchors show a segment's start.
    public static func wholeSeconds(_ seconds: Int) -> String {
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        return hours > 0 ? "\(hours):\(pad(minutes, 2)):\(pad(rest, 2))" : "\(minutes):\(pad(rest, 2))"
    }

    /// `1.2 s`, `12 s`, `3:05` — a duration at the precision worth reading.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        if seconds < 60 { return String(format: "%.0f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60):\(pad(whole % 60, 2))" }
        return "\(whole / 3600):\(pad(whole / 60 % 60, 2)):\(pad(whole % 60, 2))"
    }

    /// `1.2s`, `12s`: a short duration in a narrow column.
    public static func compactDuration(_ seconds: Double) -> String {
        seconds < 10 ? String(format: "%.1fs", seconds) : String(format: "%.0fs", seconds)
    }

    /// `hh:mm:ss,mmm` (SubRip) or `hh:mm:ss.mmm` (WebVTT).
    public static func subtitle(_ seconds: Double, separator: Character) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        let (hours, minutes, secs, millis) =
            (milliseconds / 3_600_000, milliseconds / 60_000 % 60, milliseconds / 1000 % 60, milliseconds % 1000)
        return "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(secs, 2))\(separator)\(pad(millis, 3))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
