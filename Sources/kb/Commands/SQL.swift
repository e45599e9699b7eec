import ArgumentParser
import Foundation
import KnowledgeBase

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query on the knowledge base.",
        discussion: """
            The database is opened read-only and an authorizer refuses writes, schema changes, ATTACH, \
            PRAGMA changes and extension loading (exit status 2, the file untouched). Start with the views: \
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
        // The table needs column widths: they come from the first 1,000 rows, later cells are cut to fit.
        var tableRows: [[String]] = []
        var widths: [Int] = []
        func flushTable() {
            guard widths.isEmpty else { return }
            widths = printer.tableWidths(columns: columns, rows: tableRows)
            out.write(Terminal.bold(Printer.line(columns, widths)) + "\n")
            for row in tableRows { out.write(Printer.line(row, widths) + "\n") }
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
                    let object = JSONTree.object(zip(columns, row).map { ($0, SQL.tree($1)) }).serialized()
                    out.write(options.format == .ndjson ? object + "\n" : (count == 1 ? "[\n  " : ",\n  ") + object)
                case .csv: out.write(row.map { Printer.csvField(SQL.machineCell($0)) }.joined(separator: ",") + "\r\n")
                case .tsv: out.write(row.map { Printer.tsvField(SQL.machineCell($0)) }.joined(separator: "\t") + "\n")
                case .table:
                    let cells = row.map { Printer.oneLine(SQL.humanCell($0)) }
                    if widths.isEmpty && tableRows.count < 1000 { tableRows.append(cells) } else { flushTable(); out.write(Printer.line(cells, widths) + "\n") }
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

    /// A cell as JSON: SQLite's type kept, NULL an explicit null, reals raw (1e8 → 100000000).
    static func tree(_ v: SQLValue) -> JSONTree {
        switch v {
        case .null: return .null
        case let .integer(i): return .int(i)
        case let .real(d): return d.isFinite ? .double(d) : .null
        case let .text(s), let .blob(s): return .string(s)
        }
    }

    /// CSV/TSV: the number formatter of every listing (a REAL 1e8 is « 100000000 », not « 100000000.0 »).
    static func machineCell(_ v: SQLValue) -> String { tree(v).machineCell }

    /// Tables: REAL amounts grouped (« 100,000,000 »); INTEGER columns as they are, since in kb's
    /// tables they are ids, years and counts, which people read and type back without separators.
    static func humanCell(_ v: SQLValue) -> String {
        if case let .real(d) = v { return Numbers.grouped(d) }
        return machineCell(v)
    }
}
