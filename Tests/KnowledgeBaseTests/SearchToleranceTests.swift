import Foundation
import Testing
@testable import KnowledgeBase

/// Typos, transliterations and compounds, over invented articles.
@Suite struct SearchToleranceTests {
    static let articles = [
        "a1.txt": " date 2025-03-02 Le président reçoit une délégation\n\nLe président biélorusse Alexandre Loukachenko a reçu à Minsk une délégation vietnamienne. Ils ont parlé de cybersécurité et d'industrie pharmaceutique.\n",
        "a2.txt": " date 2025-04-10 Visite au Kazakhstan\n\nLe président kazakh Kassym-Jomart Tokaïev a accueilli le ministre vietnamien. Ils ont évoqué le libre-échange et la cyber-sécurité.\n",
        "a3.txt": " date 2025-05-01 Un port du Centre\n\nUn marin de Da Nang a présenté le bilan de 2015 aux visiteurs du port.\n",
    ]

    static let kb = TestSupport.knowledgeBase(of: articles)

    func found(_ query: String, exact: Bool = false) throws -> Set<String> {
        Set(try Self.kb.search(SearchRequest(query, limit: 100, exact: exact)).hits.map { String($0.source.prefix(2)) })
    }

    @Test(arguments: ["Lukashenko", "Lukachenko", "Loukachenco", "Lukaschenko", "LOUKACHENKO"])
    func transliterationsOfANameFindIt(_ query: String) throws {
        #expect(try found(query) == ["a1"])
    }

    @Test func centralAsianEndingsAndYods() throws {
        #expect(try found("Tokaev") == ["a2"])
        #expect(try found("Tokayev") == ["a2"])
    }

    @Test func typosWithinTheBudget() throws {
        #expect(try found("pharmaceutiqe") == ["a1"])    // one letter left out
        #expect(try found("pharmacuetique") == ["a1"])   // two letters swapped
        let result = try Self.kb.search(SearchRequest("pharmaceutiqe"))
        #expect(result.alsoMatched == [SearchExpansion(typed: "pharmaceutiqe", matched: ["pharmaceutique"], reasons: ["typo"])])
    }

    @Test func compoundsWrittenSolidOrApart() throws {
        #expect(try found("cyber-sécurité") == ["a1", "a2"])
        #expect(try found("cybersécurité") == ["a1", "a2"])
        #expect(try found("libre échange") == ["a2"])
        #expect(try found("libre-échange") == ["a2"])
    }

    @Test func nearMissesDoNotMatch() throws {
        // A capitalised word is a name: it never widens to a common word one letter away (« marin »).
        #expect(try found("Maran").isEmpty)
        // Short words and numbers match exactly or not at all.
        #expect(try found("mari").isEmpty)
        #expect(try found("2016").isEmpty)
        // One letter put before a word makes another word (« e-commerce »), not a typo of it.
        #expect(try found("epharmaceutique").isEmpty)
        // A word the index holds is not widened by typos: « marin » does not find « Minsk ».
        #expect(try found("marin") == ["a3"])
    }

    @Test func exactTurnsToleranceOff() throws {
        #expect(try found("pharmaceutiqe", exact: true).isEmpty)
        let result = try Self.kb.search(SearchRequest("Loukachenco", exact: true))
        #expect(result.hits.isEmpty && result.alsoMatched.isEmpty)
        #expect(result.suggestions.map(\.suggestion) == ["Loukachenko"])
    }
}
