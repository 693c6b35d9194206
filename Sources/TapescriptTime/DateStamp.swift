import Foundation

/// Dates as the outside world writes them: in a file, a mail header, a published page.
public enum DateStamp {
    /// `2026-11-21`, the day in UTC.
    public static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// `2026-11-21T09:30:00Z`.
    public static func instant(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// `Tue, 14 Apr 2026 09:30:00 +0000` (RFC 5322), always in UTC and in English whatever the locale.
    public static func rfc5322(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        let clock = [parts.hour, parts.minute, parts.second].map { Timecode.pad($0 ?? 0, 2) }.joined(separator: ":")
        return "\(weekday), \(parts.day ?? 1) \(month) \(parts.year ?? 1970) \(clock) +0000"
    }
}
