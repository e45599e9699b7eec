import ArgumentParser
import Foundation
import KnowledgeBase

/// `--db` and `--format`, shared by the query commands (which open the knowledge base read-only).
struct QueryOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format: table, json, ndjson, csv or tsv.") var format: OutputFormat = .table

    func open() throws -> KnowledgeBase { try CLI.query { try database.open(.readOnly) } }
    var printer: Printer { Printer(format: format) }
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
extension Optional where Wrapped == Double { var cell: String { self.map(Printer.amount) ?? "" } }

extension Printer {
    static func amount(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d) }

    /// Nested values as JSON (an array) or ndjson; their flattened `lines` in csv, tsv and table.
    func print<E: Encodable, R: TableRow>(_ items: [E], lines: [R]) {
        switch format {
        case .json, .ndjson:
            let encoder = JSONEncoder()
            encoder.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
            if format == .json {
                out.write(items.isEmpty ? "[]\n" : String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self) + "\n")
            } else {
                for item in items { out.write(String(decoding: (try? encoder.encode(item)) ?? Data("{}".utf8), as: UTF8.self) + "\n") }
            }
            out.flush()
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
    var cells: [String] { [section, date, item, detail, source, evidence] }

    static func visit(_ section: String, _ v: Visit) -> CardLine {
        CardLine(section: section, date: v.start.cell, item: [v.visitor, v.visitorCountry.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") + " → " + [v.city, v.hostCountry].compactMap { $0 }.joined(separator: ", "),
                 detail: v.kind.map { "\($0) visit" } ?? "", source: v.source.cell, evidence: v.evidence.cell)
    }
    static func agreement(_ a: Agreement) -> CardLine {
        CardLine(section: "agreements", date: a.signed.cell, item: "\(a.kind): \(a.title)",
                 detail: ([a.parties.joined(separator: ", ")] + (a.domains.isEmpty ? [] : ["domains: " + a.domains.joined(separator: ", ")])).joined(separator: "; "),
                 source: a.source.cell, evidence: a.evidence.cell)
    }
}

extension Visit: TableRow {
    public static let columns = ["start", "end", "visitor", "visitor_country", "host_country", "city", "kind", "articles", "source", "evidence"]
    public var cells: [String] { [start.cell, end.cell, visitor.cell, visitorCountry.cell, hostCountry, city.cell, kind.cell, String(articles), source.cell, evidence.cell] }
}

extension Agreement: TableRow {
    public static let columns = ["signed", "kind", "title", "parties", "domains", "articles", "source", "evidence"]
    public var cells: [String] { [signed.cell, kind, title, parties.joined(separator: ", "), domains.joined(separator: ", "), String(articles), source.cell, evidence.cell] }
}

extension Person: TableRow {
    public static let columns = ["id", "name", "country", "roles", "aliases", "articles"]
    public var cells: [String] { [String(id), name, country.cell, roles.joined(separator: "; "), aliases.joined(separator: "; "), String(articles)] }
}

extension CountrySummary: TableRow {
    public static let columns = ["iso2", "name", "articles", "visits_hosted", "visits_made", "agreements", "trade_figures"]
    public var cells: [String] { [iso2, name, String(articles), String(visitsHosted), String(visitsMade), String(agreements), String(tradeFigures)] }
}

extension DomainCount: TableRow {
    public static let columns = ["year", "slug", "label", "articles", "agreements"]
    public var cells: [String] { [year.cell, slug, label, String(articles), String(agreements)] }
}

extension TradePoint: TableRow {
    public static let columns = ["year", "period", "country_a", "country_b", "currency", "actual", "target", "figures", "sources"]
    public var cells: [String] { [year.map(String.init) ?? "", period.cell, countryA.cell, countryB.cell, currency.cell, actual.cell, target.cell, String(figures), sources.joined(separator: ", ")] }
}

extension TimelineEvent: TableRow {
    public static let columns = ["date", "kind", "summary", "countries", "source", "evidence"]
    public var cells: [String] { [date.cell, kind.rawValue, summary, countries.joined(separator: ", "), source.cell, evidence.cell] }
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
    var cells: [String] { [object, kind, column, type, description] }
}
