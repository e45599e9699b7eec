import Testing
import FrenchText
@testable import Extraction

@Suite struct VisitExtractorTests {
    let reference = Reference.embedded

    func visits(_ body: String, date: String? = "2025-06-20") -> [VisitFact] {
        let doc = document(body, date: date)
        let people = PersonExtractor(reference: reference).extract(from: doc)
        return VisitExtractor(reference: reference).extract(from: doc, people: people)
    }

    struct Expected { var visitor: String?; var from: String?; var host: String; var city: String?; var start: String?; var kind: VisitKind? }

    static let table: [(String, [Expected])] = [
        ("Le président kazakh Nourlan Abenov a effectué une visite d’État en Biélorussie du 10 au 12 mars.",
         [Expected(visitor: "Nourlan Abenov", from: "KZ", host: "BY", city: nil, start: "2025-03-10", kind: .state)]),
        ("Le Premier ministre Tran Quoc Huy est arrivé lundi 16 juin à Vientiane, entamant une visite officielle au Laos.",
         [Expected(visitor: "Tran Quoc Huy", from: "VN", host: "LA", city: "Vientiane", start: "2025-06-16", kind: .official)]),
        ("Le ministre vietnamien de la Défense, Pham Van Hung, a reçu vendredi 13 juin à Hanoi le ministre biélorusse de la Défense, Oleg Volkov.",
         [Expected(visitor: "Oleg Volkov", from: "BY", host: "VN", city: "Hanoi", start: "2025-06-13", kind: nil)]),
        ("Le vice-ministre Dang Minh Khoi est accueilli à l’aéroport international de Moscou.",
         [Expected(visitor: "Dang Minh Khoi", from: "VN", host: "RU", city: "Moscou", start: nil, kind: nil)]),
        ("Le chef de la diplomatie Vo Thi Lan a effectué une visite de travail en France en avril dernier.",
         [Expected(visitor: "Vo Thi Lan", from: "VN", host: "FR", city: nil, start: "2025-04", kind: .working)]),
        ("Il a rappelé la visite du président Luong Van Tam en Russie en 2018, et celle du président russe Igor Sechkine au Vietnam en 2001, 2006 et en 2013.",
         [Expected(visitor: "Luong Van Tam", from: "VN", host: "RU", city: nil, start: "2018", kind: nil),
          Expected(visitor: "Igor Sechkine", from: "RU", host: "VN", city: nil, start: "2001", kind: nil),
          Expected(visitor: "Igor Sechkine", from: "RU", host: "VN", city: nil, start: "2006", kind: nil),
          Expected(visitor: "Igor Sechkine", from: "RU", host: "VN", city: nil, start: "2013", kind: nil)]),
        ("Le président Luong Van Tam a achevé sa tournée au Japon et en Corée du Sud du 2 au 8 juin. Il a effectué une visite d’État au Japon, puis une visite officielle en Corée du Sud.",
         [Expected(visitor: "Luong Van Tam", from: "VN", host: "JP", city: nil, start: "2025-06-02", kind: .state),
          Expected(visitor: "Luong Van Tam", from: "VN", host: "KR", city: nil, start: "2025-06-02", kind: .official)]),
        ("Une délégation du ministère biélorusse de l’Agriculture s’est rendue au Vietnam en mai.",
         [Expected(visitor: nil, from: "BY", host: "VN", city: nil, start: "2025-05", kind: nil)]),
    ]

    @Test(arguments: table.indices) func readsVisits(_ k: Int) {
        let (text, expected) = Self.table[k]
        let got = visits(text)
        #expect(got.count == expected.count, "\(text) → \(got.map { "\($0.visitor ?? "-")→\($0.hostCountry) \($0.start?.description ?? "-")" })")
        for (g, e) in zip(got, expected) {
            #expect(g.visitor == e.visitor && g.visitorCountry == e.from && g.hostCountry == e.host)
            #expect(g.city == e.city && g.start?.description == e.start && g.kind == e.kind, "\(g)")
        }
    }

    /// Invitations, plans, future and domestic trips are not visits.
    static let negatives: [String] = [
        "Le président Luong Van Tam a invité son homologue russe Igor Sechkine à se rendre au Vietnam.",
        "L’ambassadeur a transmis l’invitation du président Luong Van Tam pour une visite officielle en Russie.",
        "Le président russe Igor Sechkine effectuera une visite d’État au Vietnam le mois prochain.",
        "Les deux parties ont discuté de la prochaine visite du président Luong Van Tam en Russie.",
        "Le président Luong Van Tam a accepté l’invitation à effectuer une visite en Russie à une date opportune.",
        "Le Premier ministre Tran Quoc Huy s’est rendu à Hanoi pour inspecter les chantiers.",
        "Le président Luong Van Tam a salué les relations avec la Russie.",
    ]

    @Test(arguments: negatives) func notVisits(_ text: String) {
        #expect(visits(text).isEmpty, "\(visits(text))")
    }

    @Test func pronounRefersToTheSubject() {
        let v = visits("Le ministre Pham Van Hung a rencontré la presse. Il a évoqué sa visite officielle en Mongolie en mars.")
        #expect(v.count == 1 && v.first?.visitor == "Pham Van Hung" && v.first?.hostCountry == "MN")
    }

    @Test func repeatedVisitIsOneVisit() {
        let v = visits("Le président kazakh Nourlan Abenov est arrivé à Hanoi. La visite d’État du président Abenov au Vietnam durera trois jours.")
        #expect(v.count == 1)
        #expect(v.first?.city == "Hanoi" && v.first?.kind == .state)
    }

    @Test func relatedLinksAreNotVisits() {
        #expect(visits("La coopération progresse.\n\n>> Le président Luong Van Tam effectue une visite d’État en Russie\n\nVNA/CVN").isEmpty)
    }
}
