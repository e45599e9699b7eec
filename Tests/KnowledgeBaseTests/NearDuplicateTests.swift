import Foundation
import Testing
@testable import KnowledgeBase

/// Two outlets' copies of one wire story are one search hit; two stories about the same visit are not.
@Suite struct NearDuplicateTests {
    static let story = """
        Le président du Chili est arrivé lundi à Hanoï pour une visite d'État de trois jours au Vietnam, à l'invitation de son homologue vietnamien. \
        Lors des entretiens au palais présidentiel, les deux dirigeants ont passé en revue la coopération dans le commerce, l'agriculture, l'éducation et l'énergie renouvelable. \
        Ils ont convenu de porter les échanges commerciaux bilatéraux à deux milliards de dollars d'ici 2030 et d'ouvrir une ligne aérienne directe entre les deux capitales. \
        Le président chilien a également rencontré des entrepreneurs vietnamiens et visité un centre de recherche sur les semences de riz dans la province de Thai Binh.
        """

    static func make() throws -> KnowledgeBase {
        let dir = try TestSupport.temporaryDirectory()
        let files = [
            "outlet-a.txt": " date 2025-06-02 Le président chilien en visite d'État au Vietnam\n\n" + story + "\n",
            // Another outlet's copy: its own headline, a dateline, a credit, one word changed.
            "outlet-b.txt": " date 2025-06-02 Visite d'État du président du Chili\n\nHanoï (VNA) - " + story.replacingOccurrences(of: "lundi", with: "ce lundi") + "\nPhoto : VNA\n",
            // The same visit told the next day: another story.
            "next-day.txt": " date 2025-06-03 Le président chilien achève sa visite\n\nLe président du Chili a achevé mercredi sa visite d'État au Vietnam par une visite du port de Hai Phong, où il a rencontré les dirigeants de la ville et des représentants d'entreprises chiliennes de logistique. Avant son départ, il a remercié les autorités vietnamiennes pour leur accueil chaleureux et invité son homologue à se rendre au Chili l'an prochain, selon le ministère des Affaires étrangères.\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        let summary = try kb.ingest(paths: [dir.path])
        #expect(summary.new == 3)
        #expect(summary.problems.contains { $0.path.hasSuffix("outlet-b.txt") && $0.reason.contains("near-duplicate of outlet-a.txt") })
        return kb
    }

    @Test func copiesOfAStoryAreOneHit() throws {
        let kb = try Self.make()
        let hits = try kb.search(SearchRequest("président chilien visite")).hits
        #expect(hits.map(\.source).sorted() == ["next-day.txt", "outlet-a.txt"])
        #expect(hits.first { $0.source == "outlet-a.txt" }?.alsoIn == 1)
        let all = try kb.search(SearchRequest("président chilien visite", all: true)).hits
        #expect(all.count == 3 && all.allSatisfy { $0.alsoIn == 0 })
        // Filters alone collapse copies too.
        #expect(try kb.search(SearchRequest(countries: ["CL"])).total == 2)
        let links = try kb.sql("SELECT a.source, o.source FROM near_duplicates n JOIN articles a ON a.id = n.article_id JOIN articles o ON o.id = n.original_id")
        #expect(links.rows == [[.text("outlet-b.txt"), .text("outlet-a.txt")]])
    }

    /// Listings and dossiers count a story once: the copy adds no article to a country or a domain.
    @Test func copiesCountOnceInListings() throws {
        let kb = try Self.make()
        #expect(try kb.countries().first { $0.iso2 == "CL" }?.articles == 2)
        let agriculture = try kb.domains().first { $0.slug == "agriculture" }
        #expect(agriculture?.articles == 1, "\(String(describing: agriculture))")
        #expect(try kb.dossier("CL").articles.count == 2)
    }
}
