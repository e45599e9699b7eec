import Foundation

enum Clock {
    /// UTC timestamp, ISO 8601 with seconds: `2026-11-22T21:03:00Z`.
    static func nowISO() -> String { iso(Date()) }

    /// Formatted by hand: an ISO8601DateFormatter per call was 6 % of ingest time (ICU set-up),
    /// and a shared one is not documented as thread-safe in swift-corelibs-foundation.
    static func iso(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
