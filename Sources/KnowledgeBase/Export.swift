import GRDB
import Extraction

extension KnowledgeBase {
    /// Every article as an export record (../spec/EXPORT.md), in source order.
    public func exportRecords() throws -> [ExportRecord] {
        var records: [ExportRecord] = []
        try forEachExportRecord { records.append($0) }
        return records
    }

    /// Streams export records one by one, so exporting 100,000 articles needs little memory.
    public func forEachExportRecord(_ body: (ExportRecord) throws -> Void) throws {
        try wrap {
            try dbQueue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT id, source, date, headline FROM articles ORDER BY source, id")
                while let row = try rows.next() {
                    let record = ExportRecord(source: row["source"], date: row["date"], title: row["headline"])
                    try body(record)
                }
            }
        }
    }
}
