import Foundation
import GRDB
import Testing
import Extraction
@testable import KnowledgeBase

/// Article pages as outlets publish them: each seed rewritten by the test as an HTML page (with
/// navigation, share widgets, related blocks and a footer around the story) ingests to the same facts.
@Suite struct HTMLIngestTests {
    /// The page of a seed: headline and date in the head (JSON-LD and meta), body lines as paragraphs,
    /// `>>` links and the « Voir plus » block as related-article blocks.
    static func page(fromSeed text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        var first = lines.removeFirst().trimmingCharacters(in: .whitespaces)
        var date: String?
        if first.hasPrefix("date ") {
            let parts = first.split(separator: " ", maxSplits: 2).map(String.init)
            date = parts[1]
            first = parts.count > 2 ? parts[2] : ""
        }
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var body: [String] = [], related: [String] = []
        var inMore = false
        for line in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if ["voir plus", "voir aussi", "lire aussi"].contains(line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.…"))) { inMore = true; continue }
            if inMore || line.hasPrefix(">>") { related.append(String(line.drop { $0 == ">" || $0 == " " })); continue }
            body.append(line)
        }
        let ld = date.map { #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"\#(first.replacingOccurrences(of: "\"", with: "\\\""))","datePublished":"\#($0)T08:00:00+07:00"}</script>"# } ?? ""
        return """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>\(esc(first)) | Journal</title>\(ld)</head><body>
            <header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
            <div class="social-share"><a href="#">Partager</a></div>
            <article><h1>\(esc(first))</h1>
            \(body.map { "<p>\(esc($0))</p>" }.joined(separator: "\n"))
            \(related.isEmpty ? "" : "<div class=\"related\"><ul>" + related.map { "<li><a href=\"#\">\(esc($0))</a></li>" }.joined() + "</ul></div>")
            </article><footer><p>Tous droits réservés au journal, reproduction interdite.</p></footer></body></html>
            """
    }

    @Test func eachSeedAsAPageGivesTheSameFacts() throws {
        let dir = try TestSupport.temporaryDirectory()
        let pages = dir.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let seeds = URL(fileURLWithPath: TestSupport.seedsDirectory)
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            try Self.page(fromSeed: text).write(to: pages.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".html")), atomically: true, encoding: .utf8)
        }
        let fromText = try KnowledgeBase(path: dir.appendingPathComponent("text.sqlite").path, mode: .create)
        _ = try fromText.ingest(paths: [seeds.path])
        let fromPages = try KnowledgeBase(path: dir.appendingPathComponent("pages.sqlite").path, mode: .create)
        let summary = try fromPages.ingest(paths: [pages.path])
        #expect(summary.new == 5 && summary.skipped == 0)
        func facts(_ kb: KnowledgeBase) throws -> [ExportRecord] {
            try kb.exportRecords().map { var r = $0; r.source = String(r.source.prefix(3)); return r }
        }
        let a = try facts(fromText), b = try facts(fromPages)
        #expect(a.count == 5)
        for (x, y) in zip(a, b) { #expect(x == y, "\(x.source)") }
        // The page itself is kept for provenance.
        let originals = try fromPages.sql("SELECT count(*) AS n FROM article_originals WHERE media_type = 'text/html'")
        #expect(originals.rows.first?.first == .integer(5))
    }

    @Test func aPageWithoutStoryIsSkippedWithAReason() throws {
        let dir = try TestSupport.temporaryDirectory()
        try "<!DOCTYPE html><html><body><nav><a>Accueil</a></nav><footer><p>Contact</p></footer></body></html>"
            .write(to: dir.appendingPathComponent("vide.html"), atomically: true, encoding: .utf8)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        let summary = try kb.ingest(paths: [dir.path])
        #expect(summary.skipped == 1)
        #expect(summary.problems.first?.reason.contains("no article text") == true)
    }
}
