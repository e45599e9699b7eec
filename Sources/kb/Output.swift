import ArgumentParser
import Foundation
import KnowledgeBase

/// Output formats shared by every listing command.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ndjson, csv, tsv
}

/// A value printable as a row: its columns for table/CSV/TSV, and Encodable for JSON.
protocol TableRow: Encodable {
    static var columns: [String] { get }
    var cells: [String] { get }
}

/// Prints rows in any `OutputFormat` to stdout. JSON is an array (`[]` when empty), ndjson one object
/// per line, CSV/TSV with a header line; the table is aligned, bold headers on a terminal only.
struct Printer {
    let format: OutputFormat
    let out = StandardOutput()

    func print<T: TableRow>(_ rows: [T]) {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // JSONEncoder pretty-prints an empty array as "[\n\n]".
            out.write(rows.isEmpty ? "[]\n" : String(decoding: (try? encoder.encode(rows)) ?? Data("[]".utf8), as: UTF8.self) + "\n")
        case .ndjson:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for r in rows { out.write(String(decoding: (try? encoder.encode(r)) ?? Data(), as: UTF8.self) + "\n") }
        case .csv, .tsv, .table:
            printText(columns: T.columns, rows: rows.map(\.cells))
        }
        out.flush()
    }

    /// CSV, TSV and table output of any rows, including rows whose columns are only known at run time (`kb sql`).
    func printText(columns: [String], rows: [[String]]) {
        switch format {
        case .json, .ndjson:
            preconditionFailure("printText handles csv, tsv and table only")
        case .csv:
            out.write(columns.map(Printer.csvField).joined(separator: ",") + "\r\n")
            for r in rows { out.write(r.map(Printer.csvField).joined(separator: ",") + "\r\n") }
        case .tsv:
            out.write(columns.joined(separator: "\t") + "\n")
            for r in rows { out.write(r.map(Printer.tsvField).joined(separator: "\t") + "\n") }
        case .table:
            let cells = rows.map { $0.map(Printer.oneLine) }
            var widths = columns.map(\.count)
            for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = min(60, max(widths[i], c.count)) } }
            let header = columns.enumerated().map { Printer.pad($1, widths[$0]) }.joined(separator: "  ")
            out.write(Terminal.bold(header.trimmingTrailingSpaces) + "\n")
            for row in cells {
                out.write(row.enumerated().map { Printer.pad($1, widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces + "\n")
            }
        }
        out.flush()
        out.flush()
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    static func tsvField(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
    static func oneLine(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }
    static func pad(_ s: String, _ width: Int) -> String {
        if s.count > width { return String(s.prefix(max(0, width - 1))) + "…" }
        return s + String(repeating: " ", count: width - s.count)
    }
}

/// Colour and emphasis only on a terminal, never with NO_COLOR set.
enum Terminal {
    static let isColor: Bool = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    static func bold(_ s: String) -> String { isColor ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { isColor ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
