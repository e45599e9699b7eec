import ArgumentParser
import Foundation
import KnowledgeBase

/// `--db` and `--format`, shared by the query commands (which open the knowledge base read-only).
struct QueryOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var style: FormatOptions
    var format: OutputFormat { style.format }

    func open() throws -> KnowledgeBase { try CLI.query { try database.open(.readOnly) } }
    /// Opens the knowledge base and runs one query on it, its lookup errors reported as `CLI.query` does.
    func query<T>(_ body: (KnowledgeBase) throws -> T) throws -> T {
        let kb = try open()
        return try CLI.query { try body(kb) }
    }
    var printer: Printer { style.printer }
}

/// `--format` and `--no-truncate`, on every command that prints a listing.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json, ndjson, csv or tsv.") var format: OutputFormat = .table
    @Flag(help: "Tables: never cut cells to the terminal's width ($COLUMNS, else the terminal's; a pipe or file is never cut).")
    var noTruncate = false

    var printer: Printer { Printer(format: format, truncate: !noTruncate) }
}

extension CLI {
    /// Like `run`, and a name matching nothing or several things exits with status 1, listing the candidates.
    static func query<T>(_ body: () throws -> T) throws -> T {
        do { return try run(body) }
        catch let e as LookupError {
            warn("kb: \(e.description)")
            throw ExitCode(e.exitCode)
        }
    }
}

extension Optional where Wrapped == String { var cell: String { self ?? "" } }

extension Printer {
    /// Nested values as JSON (an array) or ndjson; their flattened `lines` in csv, tsv and table.
    func print<E: Encodable, R: TableRow>(_ items: [E], lines: [R]) {
        switch format {
        case .json, .ndjson:
            printJSON(items.map { (try? JSONTree.encode($0)) ?? .object([]) })
        default:
            print(lines)
        }
    }

    /// A card: JSON is an array holding the card; csv, tsv and table list its lines by section.
    func printCard<C: Encodable>(_ card: C, lines: [CardLine], heading: String) {
        switch format {
        case .json, .ndjson, .csv, .tsv:
            print([card], lines: lines)
        case .table:
            out.write(Terminal.bold(heading) + "\n")
            var section = ""
            for line in lines {
                if line.section != section {
                    section = line.section
                    out.write("\n" + Terminal.bold(section) + "\n")
                }
                let date = line.date.isEmpty ? "" : line.date + "  "
                out.write("  " + date + line.item + (line.detail.isEmpty ? "" : " — " + line.detail)
                          + (line.source.isEmpty ? "" : "  " + Terminal.dim("[\(line.source)]")) + "\n")
                if !line.evidence.isEmpty { out.write("      " + Terminal.dim("« \(line.evidence) »") + "\n") }
            }
            out.flush()
        }
    }
}

/// One line of a card in csv/tsv/table output.
struct CardLine: TableRow {
    var section: String
    var date: String = ""
    var item: String
    var detail: String = ""
    var source: String = ""
    var evidence: String = ""
    static let columns = ["section", "date", "item", "detail", "source", "evidence"]

    static func visit(_ section: String, _ v: Visit) -> CardLine {
        CardLine(section: section, date: DateColumns.range(v.start, v.end), item: [v.visitor, v.visitorCountry.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") + " → " + [v.city, v.hostCountry].compactMap { $0 }.joined(separator: ", "),
                 detail: v.kind.map { "\($0) visit" } ?? "", source: v.source.cell, evidence: v.evidence.cell)
    }
    static func agreement(_ a: Agreement) -> CardLine {
        CardLine(section: "agreements", date: a.signed.cell, item: "\(a.kind): \(a.title)",
                 detail: ([a.parties.joined(separator: ", ")] + (a.domains.isEmpty ? [] : ["domains: " + a.domains.joined(separator: ", ")])).joined(separator: "; "),
                 source: a.source.cell, evidence: a.evidence.cell)
    }
}

extension Visit: TableRow {
    static let columns = ["id", "visitor", "person_id", "visitor_country", "host_country", "host_country_name", "city",
                                 "start", "start_iso", "start_precision", "end", "end_iso", "end_precision", "kind", "articles", "source", "evidence"]
    static let tableColumns = ["id", "dates", "visitor", "visitor_country", "host_country", "city", "kind", "articles", "source", "evidence"]
    func tableCell(_ column: String, row: JSONTree) -> String? { column == "dates" ? DateColumns.range(start, end) : nil }
}

extension Agreement: TableRow {
    static let columns = ["id", "kind", "title", "signed", "signed_iso", "signed_precision", "parties", "domains", "articles", "source", "evidence"]
    static let tableColumns = ["id", "signed", "kind", "title", "parties", "domains", "articles", "source", "evidence"]
}

extension Person: TableRow {
    static let columns = ["id", "name", "country", "roles", "aliases", "articles"]
    func tableCell(_ column: String, row: JSONTree) -> String? {
        switch column {
        case "roles": return roles.joined(separator: "; ")
        case "aliases": return aliases.joined(separator: "; ")
        default: return nil
        }
    }
}

extension CountrySummary: TableRow {
    static let columns = ["iso2", "name", "articles", "visits_hosted", "visits_made", "agreements", "trade_figures"]
}

extension DomainCount: TableRow {
    static let columns = ["year", "slug", "label", "label_en", "articles", "agreements"]
    static let tableColumns = ["year", "slug", "label", "articles", "agreements"]
}

extension TradePoint: TableRow {
    static let columns = ["year", "period", "country_a", "country_b", "currency", "actual", "target", "figures", "sources"]
}

extension TimelineEvent: TableRow {
    static let columns = ["date", "date_iso", "date_precision", "end", "kind", "summary", "countries", "source", "evidence"]
    static let tableColumns = ["dates", "kind", "summary", "countries", "source", "evidence"]
    func tableCell(_ column: String, row: JSONTree) -> String? { column == "dates" ? DateColumns.range(date, end) : nil }
}

extension SchemaObject {
    /// One line per object, then one per column, for csv/tsv/table output.
    var lines: [SchemaLine] {
        [SchemaLine(object: name, kind: kind.rawValue, column: "", type: "", description: description)]
            + columns.map { SchemaLine(object: name, kind: kind.rawValue, column: $0.name, type: $0.type, description: $0.description) }
    }
}

struct SchemaLine: TableRow {
    var object, kind, column, type, description: String
    static let columns = ["object", "kind", "column", "type", "description"]
}
