import Foundation
import Testing
@testable import Extraction

/// Every fact names the rule that made it (evidence.rule), so `kb show` and `make rules-report` can
/// say why a fact exists.
@Suite struct RuleProvenanceTests {
    static let ruleShape = try! NSRegularExpression(pattern: #"^[a-z]+\.[a-z0-9][a-z0-9.-]*$"#)

    static func isRuleID(_ s: String) -> Bool {
        ruleShape.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    @Test func everyFactOfAnInventedArticleHasARuleID() {
        let doc = document("""
            Le président biélorusse Alexandre Dupontov est arrivé à Hanoï le 12 mai pour une visite d'État au Vietnam. \
            Les deux parties ont signé un accord de coopération dans le domaine de l'éducation. \
            Les échanges commerciaux bilatéraux ont atteint 120 millions de dollars en 2024.
            """)
        let facts = FactExtractor().extract(from: doc)
        var rules: [String] = []
        rules += facts.countries.flatMap { $0.evidence.map(\.rule) }
        rules += facts.people.flatMap { $0.evidence.map(\.rule) }
        rules += facts.visits.map(\.evidence.rule) + facts.agreements.map(\.evidence.rule) + facts.tradeFigures.map(\.evidence.rule)
        rules += facts.domains.flatMap { $0.evidence.map(\.rule) }
        #expect(!facts.visits.isEmpty && !facts.agreements.isEmpty && !facts.tradeFigures.isEmpty)
        for rule in rules { #expect(Self.isRuleID(rule), "not a rule id: \(rule)") }
    }

    @Test func anExtractorsOwnCreditIsKept() {
        var facts = ArticleFacts()
        let e = Evidence(sentence: "x", range: 0..<1)
        facts.visits = [VisitFact(visitor: nil, visitorCountry: "BY", hostCountry: "VN", evidence: e.by("visit.arrival"))]
        facts.tradeFigures = [TradeFigureFact(amount: 1, currency: "USD", kind: .actual, evidence: e)]
        facts.creditUnattributedEvidence()
        #expect(facts.visits[0].evidence.rule == "visit.arrival")
        #expect(facts.tradeFigures[0].evidence.rule == "trade.amount")
    }
}

/// A one-sentence article of megabytes is not repeated in full by every fact read from it.
@Suite struct ExportEvidenceTests {
    @Test func longEvidenceIsCut() {
        let sentence = String(repeating: "Le président Jan Kowal a salué l’accord avec la Pologne, ", count: 200) + "fin."
        let doc = document(sentence)
        let record = ExportRecord(article: doc.article, facts: FactExtractor().extract(from: doc), reference: .embedded)
        #expect(ExportRecord.evidenceText(sentence).count == ExportRecord.longestEvidence + 2)
        #expect(ExportRecord.evidenceText("court.") == "court.")
        for e in record.visits.map(\.evidence) + record.agreements.map(\.evidence) + record.trade_figures.map(\.evidence) {
            #expect(e.count <= ExportRecord.longestEvidence + 2)
        }
    }
}
