import Foundation
import Testing
@testable import KnowledgeBase

/// The query API on the seeds with their gold facts.
@Suite struct QueryLibraryTests {
    var kb: KnowledgeBase { QueryFixtures.seeded.kb }

    @Test func countriesWithFactsMostMentionedFirst() throws {
        let countries = try kb.countries()
        #expect(Set(countries.map(\.iso2)).isSuperset(of: ["BY", "VN"]))
        #expect(try kb.countries(all: true).count >= countries.count)
        #expect(countries.map(\.articles) == countries.map(\.articles).sorted(by: >))
    }

    @Test func peopleByNationalityAndRole() throws {
        let belarusians = try kb.people(country: "Biélorussie")
        #expect(belarusians.contains { $0.name == "Alexandre Loukachenko" })
        #expect(belarusians.allSatisfy { $0.country == "BY" })
        let presidents = try kb.people(role: "PRESIDENT")
        #expect(presidents.contains { $0.name == "Luong Cuong" })
        #expect(!presidents.contains { $0.name == "Luong Tam Quang" })
    }

    @Test func visitsFilteredByHostVisitorAndDates() throws {
        let toBelarus = try kb.visits(VisitFilter(host: "BY"))
        #expect(toBelarus.allSatisfy { $0.hostCountry == "BY" })
        #expect(toBelarus.contains { $0.visitor == "Tô Lâm" && $0.start?.hasPrefix("2025-05") == true && $0.city == "Minsk" })
        let in2025 = try kb.visits(VisitFilter(since: "2025", until: "2025-12"))
        #expect(!in2025.isEmpty && in2025.allSatisfy { $0.start?.hasPrefix("2025") == true })
        #expect(try kb.visits(VisitFilter(visitorCountry: "belarus", until: "2000")).map(\.start) == ["1997"])
        #expect(throws: KBError.self) { try kb.visits(VisitFilter(since: "mai 2025")) }
    }

    @Test func agreementsByKindDomainAndParty() throws {
        let protocols = try kb.agreements(AgreementFilter(kind: "protocol"))
        #expect(!protocols.isEmpty && protocols.allSatisfy { $0.kind == "protocol" })
        let security = try kb.agreements(AgreementFilter(domain: "Sécurité"))
        #expect(security.contains { $0.title.hasPrefix("protocole visant à établir") && $0.evidence?.contains("protocole") == true })
        #expect(try kb.agreements(AgreementFilter(party: "EAEU")).allSatisfy { $0.parties.contains("EAEU") })
        #expect(throws: KBError.self) { try kb.agreements(AgreementFilter(kind: "contract")) }
    }

    @Test func domainCountsOverallAndPerYear() throws {
        let overall = try kb.domains()
        #expect(overall.first?.slug == "politics_diplomacy" && overall.allSatisfy { $0.year == nil })
        let byYear = try kb.domains(byYear: true)
        #expect(byYear.contains { $0.year == "2025" && $0.slug == "security" })
    }

    @Test func tradeSeriesActualNextToTarget() throws {
        let series = try kb.trade(country: "BY")
        #expect(series.contains { $0.year == 2016 && $0.actual == 100_000_000 && $0.currency == "USD" })
        #expect(series.contains { $0.target == 500_000_000 })
        #expect(series.first?.year == 2016)
    }

    @Test func timelineInDateOrder() throws {
        let events = try kb.timeline(country: "BY")
        let dates = events.compactMap(\.date)
        #expect(dates == dates.sorted())
        #expect(Set(events.map(\.kind)) == [.visit, .agreement, .trade])
        #expect(events.firstIndex { $0.date == nil } ?? events.count >= dates.count)
    }

    @Test func personCardThroughAccentsAliasesAndPartialNames() throws {
        let card = try kb.person("to lam")
        #expect(card.person.name == "Tô Lâm" && card.countryName == "Vietnam")
        #expect(card.roleStatements.contains { $0.statedOn == "2025-12-03" && $0.title == "secrétaire général du Parti communiste du Vietnam" })
        #expect(card.visits.contains { $0.hostCountry == "BY" })
        #expect(card.articleList.count == card.person.articles)
        #expect(try kb.person("LUKASHENKO").person.name == "Alexandre Loukachenko")
        #expect(try kb.person("Volfovich").person.country == "BY")
    }

    @Test func ambiguousAndUnknownNames() throws {
        #expect {
            try kb.person("Luong")
        } throws: { error in
            guard case let .ambiguous(_, _, candidates) = error as? LookupError else { return false }
            return Set(candidates.map(\.name)) == ["Luong Cuong", "Luong Tam Quang"]
        }
        #expect(throws: LookupError.self) { try kb.person("Jean Personne") }
        #expect(throws: LookupError.self) { try kb.country("Atlantide") }
        #expect(throws: LookupError.self) { try kb.article("999") }
        // The candidates' keys choose unambiguously.
        guard case let .ambiguous(_, _, candidates)? = lookupError({ try kb.person("Luong") }) else {
            Issue.record("expected an ambiguity"); return
        }
        #expect(try kb.person(candidates[0].key).person.name == candidates[0].name)
    }

    private func lookupError(_ body: () throws -> Any) -> LookupError? {
        do { _ = try body(); return nil } catch { return error as? LookupError }
    }

    @Test func countryCardByCodeNameAndCapital() throws {
        for name in ["BY", "by", "Biélorussie", "Belarus", "bélarus", "Minsk"] {
            #expect(try kb.country(name).summary.iso2 == "BY")
        }
        let card = try kb.country("BY")
        #expect(card.visitsToVietnam.allSatisfy { $0.visitorCountry == "BY" && $0.hostCountry == "VN" })
        #expect(card.visitsFromVietnam.contains { $0.visitor == "Tô Lâm" })
        #expect(!card.agreements.isEmpty && !card.trade.isEmpty)
        #expect(card.topDomains.count <= 5 && card.topDomains.first?.articles ?? 0 > 0)
    }

    @Test func articleCardByIdOrFileName() throws {
        let card = try kb.article("003_ba95bcf8c95dc1d6.txt")
        #expect(card.article.date == "2025-12-03" && !card.body.isEmpty)
        #expect(card.facts.contains { $0.kind == "agreement" && $0.evidence.contains("protocole") })
        #expect(card.facts.contains { $0.kind == "visit" })
        #expect(try kb.article("003_ba95bcf8c95dc1d6").article.id == card.article.id)
        #expect(try kb.article("003").article.id == card.article.id)
        #expect(try kb.article(String(card.article.id)).article.source == card.article.source)
    }

    @Test func everyCannedQueryRuns() throws {
        for q in KnowledgeBase.cannedQueries + [KnowledgeBase.searchQuery] {
            let sql = q.sql.replacingOccurrences(of: ":country", with: "'BY'").replacingOccurrences(of: ":q", with: "'cooperation'")
            #expect(throws: Never.self, "\(q.name)") { try kb.sql(sql) }
        }
    }
}
