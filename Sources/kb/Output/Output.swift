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

    init(format: OutputFormat) {
        self.format = format
        out.human = format == .table
    }

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
        let s = neutralised(s)
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    static func tsvField(_ s: String) -> String {
        neutralised(s).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return
    /// first) gets a leading `'`, as OWASP recommends; numbers (« -5 ») are left as they are.
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil else { return s }
        return "'" + s
    }
    static func oneLine(_ s: String) -> String { Terminal.visible(s.replacingOccurrences(of: "\n", with: " ")) }
    static func pad(_ s: String, _ width: Int) -> String {
        if s.count > width { return String(s.prefix(max(0, width - 1))) + "…" }
        return s + String(repeating: " ", count: width - s.count)
    }
}

/// Colour and emphasis only on a terminal, never with NO_COLOR set.
enum Terminal {
    static let isColor: Bool = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    // kb's own emphasis travels as private-use characters and becomes escape sequences only at the
    // last step (`Terminal.visible`), after the text itself had its control characters escaped.
    static let boldOn: Character = "\u{E000}", dimOn: Character = "\u{E001}", reset: Character = "\u{E002}"
    static func bold(_ s: String) -> String { isColor ? "\(boldOn)\(s)\(reset)" : s }
    static func dim(_ s: String) -> String { isColor ? "\(dimOn)\(s)\(reset)" : s }

    /// Text for a human reader (tables, search listings, messages): control characters, DEL, C1
    /// controls and bidirectional overrides from the data are shown escaped (`\x1B`, `\u{202E}`),
    /// as ripgrep and git do, so an article cannot retitle the window, clear the screen or write the
    /// clipboard. Newlines and tabs stay unless `newlines` is false.
    static func visible(_ s: String, newlines: Bool = true) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0, newlines: newlines) || $0.value >= 0xE000 && $0.value <= 0xE002 }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xE000: out.append(contentsOf: "\u{1B}[1m".unicodeScalars)
            case 0xE001: out.append(contentsOf: "\u{1B}[2m".unicodeScalars)
            case 0xE002: out.append(contentsOf: "\u{1B}[0m".unicodeScalars)
            default:
                if needsEscape(u, newlines: newlines) {
                    out.append(contentsOf: (u.value <= 0xFF ? String(format: "\\x%02X", u.value) : String(format: "\\u{%04X}", u.value)).unicodeScalars)
                } else {
                    out.append(u)
                }
            }
        }
        return String(out)
    }

    static func needsEscape(_ u: Unicode.Scalar, newlines: Bool) -> Bool {
        switch u.value {
        case 0x0A, 0x09: return !newlines
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
