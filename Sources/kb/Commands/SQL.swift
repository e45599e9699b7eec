import ArgumentParser
import Foundation
import KnowledgeBase

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query on the knowledge base.",
        discussion: """
            The database is opened read-only and an authorizer refuses writes, schema changes, ATTACH,
            PRAGMA changes and extension loading (exit status 2, the file untouched). Start with the views:
            visit_facts, agreement_facts, people_roles, trade_facts, article_facts_summary (`kb schema`).

            Examples:
              kb sql "SELECT visitor, host_country, start_date FROM visit_facts"
              kb sql - --format csv < query.sql
            """)

    @OptionGroup var options: QueryOptions
    @Argument(help: "The query, or - to read it from standard input.") var query: String
    @Option(help: "Seconds before a running query is interrupted.") var timeout: Double = 5

    func validate() throws {
        guard timeout.isFinite, timeout > 0 else {
            throw ValidationError("--timeout must be a positive number of seconds, not « \(timeout) »")
        }
    }

    func run() throws {
        let text = query == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : query
        let kb = try options.open()
        let printer = options.printer
        let out = printer.out
        var columns: [String] = []
        var count = 0
        // Rows are printed as SQLite produces them (bounded memory; `| head` gets the first at once).
        // The table needs column widths: they come from the first rows, later cells are cut to fit.
        var tableRows: [[String]] = []
        var widths: [Int] = []
        func tableLine(_ cells: [String]) -> String {
            cells.enumerated().map { Printer.pad($1, widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }
        func flushTable() {
            guard widths.isEmpty else { return }
            widths = columns.map(\.count)
            for row in tableRows { for (i, c) in row.enumerated() where i < widths.count { widths[i] = min(60, max(widths[i], c.count)) } }
            out.write(Terminal.bold(tableLine(columns).dropLast() + "") + "\n")
            for row in tableRows { out.write(tableLine(row)) }
            tableRows = []
        }
        try CLI.query {
            try kb.sql(text, timeout: timeout, columns: { c in
                columns = c
                switch options.format {
                case .csv: out.write(c.map(Printer.csvField).joined(separator: ",") + "\r\n")
                case .tsv: out.write(c.joined(separator: "\t") + "\n")
                case .json, .ndjson, .table: break
                }
            }, row: { row in
                count += 1
                switch options.format {
                case .json, .ndjson:
                    let object = "{" + zip(columns, row).map { "\(SQL.json(.text($0))): \(SQL.json($1))" }.joined(separator: ", ") + "}"
                    out.write(options.format == .ndjson ? object + "\n" : (count == 1 ? "[\n  " : ",\n  ") + object)
                case .csv: out.write(row.map { Printer.csvField($0.text) }.joined(separator: ",") + "\r\n")
                case .tsv: out.write(row.map { Printer.tsvField($0.text) }.joined(separator: "\t") + "\n")
                case .table:
                    let cells = row.map { Printer.oneLine($0.text) }
                    if widths.isEmpty && tableRows.count < 1000 { tableRows.append(cells) } else { flushTable(); out.write(tableLine(cells)) }
                }
            })
        }
        switch options.format {
        case .json: out.write(count == 0 ? "[]\n" : "\n]\n")
        case .table: flushTable()
        default: break
        }
        out.flush()
    }

    /// One JSON value; objects are written by hand to keep the query's column order.
    static func json(_ v: SQLValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self)
    }
}
