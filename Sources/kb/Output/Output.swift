import ArgumentParser
import Foundation
import KnowledgeBase

/// Output formats shared by every listing command.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ndjson, csv, tsv

    // ArgumentParser's defaults interpolate each raw value generically (dynamic casts), and it asks
    // for these every time it lists a command's options: three times in every `kb search`.
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    /// Each case is described by its raw value, which ArgumentParser takes as no description.
    static var allValueDescriptions: [String: String] { [:] }
    var defaultValueDescription: String { rawValue }
}

/// A value printable as a row of a listing.
///
/// Its JSON object (`JSONTree`, explicit nulls, snake_case keys) is the row in every machine
/// format: JSON and ndjson print it with its keys in the order of `columns`, CSV and TSV take
/// their cells from it. So JSON and CSV carry the same columns, in the same order.
protocol TableRow: Encodable {
    /// The row's keys, in order: the CSV/TSV header and the JSON key order.
    static var columns: [String] { get }
    /// The columns a table shows (a readable subset of `columns`, or cells computed for people).
    static var tableColumns: [String] { get }
    /// A table cell made for people (a date range, « FAILED »); nil to show the value itself.
    func tableCell(_ column: String, row: JSONTree) -> String?
}

extension TableRow {
    static var tableColumns: [String] { columns }
    func tableCell(_ column: String, row: JSONTree) -> String? { nil }

    /// The row's object with its keys in the order of `columns` (keys not listed follow, in encoding order).
    func tree() -> JSONTree {
        guard case let .object(pairs) = (try? JSONTree.encode(self)) ?? .object([]) else { return .object([]) }
        let order = Dictionary(Self.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = pairs.enumerated().sorted { l, r in
            (order[l.element.0] ?? Int.max, l.offset) < (order[r.element.0] ?? Int.max, r.offset)
        }.map(\.element)
        return .object(sorted)
    }
}

/// Prints rows in any `OutputFormat` to stdout. JSON is an array (`[]` when empty), ndjson one object
/// per line, CSV/TSV with a header line; the table is aligned, bold headers on a terminal only, and
/// cut to the terminal's width (`Terminal.width`) unless `truncate` is false (`--no-truncate`).
struct Printer {
    let format: OutputFormat
    let truncate: Bool
    let out = StandardOutput()

    init(format: OutputFormat, truncate: Bool = true) {
        self.format = format
        self.truncate = truncate
        out.human = format == .table
    }

    func print<T: TableRow>(_ rows: [T]) {
        switch format {
        case .json, .ndjson:
            printJSON(rows.map { $0.tree() })
        case .csv, .tsv:
            let trees = rows.map { $0.tree() }
            printText(columns: T.columns, rows: trees.map { t in T.columns.map { t[$0]?.machineCell ?? "" } })
        case .table:
            let cells = rows.map { r -> [String] in
                let t = r.tree()
                return T.tableColumns.map { r.tableCell($0, row: t) ?? t[$0]?.humanCell ?? "" }
            }
            printText(columns: T.tableColumns, rows: cells)
        }
    }

    /// JSON (an array, indented) or ndjson (one compact object per line).
    func printJSON(_ items: [JSONTree]) {
        if format == .ndjson {
            for item in items { out.write(item.serialized() + "\n") }
        } else {
            out.write(JSONTree.array(items).serialized(pretty: true) + "\n")
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
            let widths = tableWidths(columns: columns, rows: cells)
            out.write(Terminal.bold(Printer.line(columns, widths)) + "\n")
            for row in cells { out.write(Printer.line(row, widths) + "\n") }
        }
        out.flush()
    }

    /// Column widths: each column as wide as its widest cell; when the line would be wider than the
    /// terminal, the widest columns are narrowed first, never below 4 characters nor below their
    /// longest number or date (a cut amount or date would read as another one).
    func tableWidths(columns: [String], rows: [[String]]) -> [Int] {
        var natural = columns.map(\.count), floors = columns.map { min($0.count, 4) }
        for row in rows {
            for (i, c) in row.enumerated() where i < natural.count {
                natural[i] = max(natural[i], c.count)
                if Printer.isNumber(c) { floors[i] = max(floors[i], c.count) }
            }
        }
        guard truncate, let available = Terminal.width else { return natural }
        return Printer.fit(natural, floors: floors, into: available)
    }

    /// Amounts, counts and dates (`120,000,000`, `2025-11-16/2025-11-18`).
    static func isNumber(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isNumber || ",.-/".contains($0)) }
    }

    /// The widths capped at one common value, the largest that makes the line fit (columns are two
    /// spaces apart), each column kept at least at its floor.
    static func fit(_ natural: [Int], floors: [Int], into available: Int) -> [Int] {
        let gaps = 2 * max(0, natural.count - 1)
        func widths(_ cap: Int) -> [Int] { natural.indices.map { min(natural[$0], max(cap, floors[$0])) } }
        func total(_ cap: Int) -> Int { widths(cap).reduce(0, +) + gaps }
        guard total(natural.max() ?? 0) > available else { return natural }
        var low = 1, high = natural.max() ?? 1
        while low < high {
            let mid = (low + high + 1) / 2
            if total(mid) <= available { low = mid } else { high = mid - 1 }
        }
        // What the common cap leaves over goes to the widest cut columns (the evidence, the title).
        var result = widths(low), left = available - total(low)
        for i in natural.indices.sorted(by: { natural[$0] > natural[$1] }) where left > 0 && result[i] < natural[i] {
            let more = min(left, natural[i] - result[i])
            result[i] += more
            left -= more
        }
        return result
    }

    static func line(_ cells: [String], _ widths: [Int]) -> String {
        cells.enumerated().map { i, c in pad(c, i < widths.count ? widths[i] : c.count) }.joined(separator: "  ").trimmingTrailingSpaces
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
    /// The width tables are cut to: `$COLUMNS` when set, else the terminal's (TIOCGWINSZ) when stdout
    /// is one; nil — no cutting — when stdout is a pipe or a file, so that `kb visits > file` or
    /// `| grep` get whole cells (as `ls` and `git` do), and `COLUMNS=100 kb … | less` still fits.
    static let width: Int? = {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(1, UInt(TIOCGWINSZ), $0) }
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }()

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
