import Foundation
import Testing
@testable import KnowledgeBase

/// What the database gives back is what extraction found: storing facts (with cross-article
/// merging) loses none and invents none.
@Suite struct ExportRoundTripTests {
    @Test func databaseExportMatchesExtraction() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.seedsDirectory).sorted()
            .map { TestSupport.seedsDirectory + "/" + $0 }
        let extracted = Dictionary(uniqueKeysWithValues: try KnowledgeBase.extract(files: files).map { ($0.source, $0) })
        for stored in try kb.exportRecords() {
            let direct = try #require(extracted[stored.source])
            #expect(Set(stored.countries.map(\.iso2)) == Set(direct.countries.map(\.iso2)), "\(stored.source)")
            #expect(Set(stored.domains) == Set(direct.domains), "\(stored.source)")
            #expect(stored.people.count == direct.people.count, "\(stored.source)")
            // A visit other articles also tell keeps the most precise date any of them gives.
            #expect(stored.visits.count == direct.visits.count, "\(stored.source)")
            for v in direct.visits {
                #expect(stored.visits.contains { $0.host_country == v.host_country
                    && ($0.start ?? "").hasPrefix(v.start ?? "") }, "\(stored.source): \(v.host_country) \(v.start ?? "-")")
            }
            #expect(Set(stored.agreements.map(\.kind)) == Set(direct.agreements.map(\.kind)), "\(stored.source)")
            #expect(stored.trade_figures.map(\.amount) == direct.trade_figures.map(\.amount), "\(stored.source)")
        }
    }
}
