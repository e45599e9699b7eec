import Foundation

enum Clock {
    /// UTC timestamp, ISO 8601 with seconds: `2026-11-22T21:03:00Z`.
    static func nowISO() -> String { iso(Date()) }

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
