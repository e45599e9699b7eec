import Foundation
import Testing
@testable import HTMLArticle

/// Datelines as a date source for pages without date metadata (invented sentences).
@Suite struct DatelineTests {
    static let june2025 = ISO8601DateFormatter().date(from: "2025-06-05T10:00:00Z")!

    @Test func fullDatelines() {
        #expect(Dateline.date(in: "HANOÏ, 12 mars 2025 (VNA) – Le ministre a reçu une délégation.", reference: nil)
                == .init(date: "2025-03-12", yearInferred: false))
        #expect(Dateline.date(in: "Minsk, le mardi 3 juin 2025 (VNA) - Les deux pays ont signé un accord.", reference: nil)?.date == "2025-06-03")
        #expect(Dateline.date(in: "Hô Chi Minh-Ville, 1er mai 2024 : une foire commerciale s'est ouverte.", reference: nil)?.date == "2024-05-01")
    }

    @Test func yearFromTheReference() {
        #expect(Dateline.date(in: "HANOÏ, 3 juin (VNA) – La réunion s'est tenue hier.", reference: Self.june2025)
                == .init(date: "2025-06-03", yearInferred: true))
        // A December dateline read in early January belongs to the year before.
        let january = ISO8601DateFormatter().date(from: "2026-01-04T10:00:00Z")!
        #expect(Dateline.date(in: "Vientiane, 30 décembre (VNA) - Le forum s'est achevé.", reference: january)?.date == "2025-12-30")
        #expect(Dateline.date(in: "Vientiane, 30 décembre (VNA) - Le forum s'est achevé.", reference: nil) == nil)
    }

    @Test func notDatelines() {
        // A sentence that starts with a place and a date is no dateline without its closing mark.
        #expect(Dateline.date(in: "Le 12 mars 2025, le ministre a reçu une délégation à Hanoï.", reference: nil) == nil)
        #expect(Dateline.date(in: "Hanoï (VNA) – Le ministre a reçu une délégation.", reference: nil) == nil)
        #expect(Dateline.date(in: "HANOÏ, 31 février 2025 (VNA) – Une date impossible.", reference: nil) == nil)
        #expect(Dateline.date(in: "selon lui, 12 mars 2025 (VNA) – minuscule.", reference: nil) == nil)
        #expect(Dateline.date(in: "Hanoï, mi-mars 2025 (VNA) – Une période, pas un jour.", reference: nil) == nil)
    }

    @Test func pageWithoutMetadataTakesTheDatelineDate() throws {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Accord de coopération signé à Minsk</title></head><body>
            <article><h1>Accord de coopération signé à Minsk</h1>
            <p>MINSK, 14 avril 2025 (VNA) – Le Vietnam et la Biélorussie ont signé lundi un accord de coopération dans la formation professionnelle.</p>
            <p>Le texte prévoit des échanges d'enseignants et de stagiaires entre les écoles techniques des deux pays.</p>
            </article></body></html>
            """
        let page = try HTMLArticle.read(Array(html.utf8))
        #expect(page.published == "2025-04-14" && page.publishedFrom == .dateline)
        #expect(page.articleText.hasPrefix(" date 2025-04-14 Accord de coopération signé à Minsk\n"))
        // Metadata wins over the dateline.
        let withMeta = html.replacingOccurrences(of: "</title>", with: "</title><meta property=\"article:published_time\" content=\"2025-04-15T09:00:00+03:00\">")
        let metaPage = try HTMLArticle.read(Array(withMeta.utf8))
        #expect(metaPage.published == "2025-04-15" && metaPage.publishedFrom == .metadata)
    }
}
