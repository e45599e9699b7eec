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
        // A visit in apposition to the visitor.
        ("Le ministre laotien de l’Énergie, Phoxay Sayasone, en visite de travail au Vietnam du 3 au 6 juin, s’est entretenu avec son homologue.",
         [Expected(visitor: "Phoxay Sayasone", from: "LA", host: "VN", city: nil, start: "2025-06-03", kind: .working)]),
        ("Le Premier ministre Tran Quoc Huy a reçu à Hanoi le ministre thaïlandais du Commerce, Somchai Wongsa, qui effectue une visite officielle au Vietnam.",
         [Expected(visitor: "Somchai Wongsa", from: "TH", host: "VN", city: "Hanoi", start: nil, kind: .official)]),
        ("Une délégation de la province de Gyeonggi, en visite de travail à Da Nang, a rencontré les autorités locales.",
         [Expected(visitor: nil, from: "KR", host: "VN", city: "Da Nang", start: nil, kind: .working)]),
        // Hosts implied by a city or a province.
        ("Le gouverneur de la préfecture de Kanagawa, Kuroiwa Yuji, a effectué une visite de travail à Ha Long en mars.",
         [Expected(visitor: "Kuroiwa Yuji", from: "JP", host: "VN", city: "Ha Long", start: "2025-03", kind: .working)]),
        ("Le maire de Busan, Park Sung-jin, est arrivé dans la métropole du Sud pour une visite de travail.",
         [Expected(visitor: "Park Sung-jin", from: "KR", host: "VN", city: "Hô Chi Minh-Ville", start: nil, kind: nil)]),
        ("Le gouverneur de la préfecture de Kanagawa, Kuroiwa Yuji, a rappelé sa visite à Nghe An en 2022.",
         [Expected(visitor: "Kuroiwa Yuji", from: "JP", host: "VN", city: "Nghe An", start: "2022", kind: nil)]),
        // Years of other statements are not the visit's.
        ("Lors de la visite d’État du président Luong Van Tam en Indonésie en mars dernier, les deux pays ont convenu de porter leurs échanges à 20 milliards de dollars d’ici 2030.",
         [Expected(visitor: "Luong Van Tam", from: "VN", host: "ID", city: nil, start: "2025-03", kind: .state)]),
        ("Une délégation de la province de Quang Ninh conduite par Vu Van Dien a effectué du 2 au 5 mai une visite de travail dans la région de Grodno, en Biélorussie, afin de renforcer les liens établis en 2018.",
         [Expected(visitor: "Vu Van Dien", from: "VN", host: "BY", city: "Grodno", start: "2025-05-02", kind: .working)]),
        // Visits recalled inside « a rappelé que … ».
        ("Le ministre Pham Van Hung a rappelé que le président chilien Rodrigo Soto avait effectué une visite officielle au Vietnam en novembre 2023.",
         [Expected(visitor: "Rodrigo Soto", from: "CL", host: "VN", city: nil, start: "2023-11", kind: .official)]),
        ("Le Premier ministre a rappelé que le président mongol Batbayar Ganbold avait choisi le Vietnam pour sa première visite officielle en mars 2024.",
         [Expected(visitor: "Batbayar Ganbold", from: "MN", host: "VN", city: nil, start: "2024-03", kind: .official)]),
        // A day inside the stated period is the same trip.
        ("Le ministre Pham Van Hung, en visite de travail au Japon du 12 au 15 mai, s’est entretenu mercredi 14 mai avec son homologue.",
         [Expected(visitor: "Pham Van Hung", from: "VN", host: "JP", city: nil, start: "2025-05-12", kind: .working)]),
        // The delegation's leader made the trip, not the speaker.
        ("Le gouverneur Dao Van Tien a rappelé qu’une délégation de la province conduite par le directeur du Département du Commerce, Lê Minh Nam, s’était rendue à Bakou en février 2024.",
         [Expected(visitor: "Lê Minh Nam", from: "VN", host: "AZ", city: "Bakou", start: "2024-02", kind: nil)]),
        ("La ministre Vo Thi Lan a aussi évoqué la visite officielle au Vietnam du ministre tchèque de l’Industrie, Karel Novak, en mars 2024.",
         [Expected(visitor: "Karel Novak", from: "CZ", host: "VN", city: nil, start: "2024-03", kind: .official)]),
        ("Le vice-Premier ministre Dang Minh Khoi a salué le Premier ministre hongrois Gabor Kiss et a rappelé la visite de travail de ce dernier au Vietnam en mai 2023.",
         [Expected(visitor: "Gabor Kiss", from: "HU", host: "VN", city: nil, start: "2023-05", kind: .working)]),
        ("Le ministre Pham Van Hung a rencontré le vice-ministre de la Santé, Ngo Thi Mai, qui avait conduit une délégation vietnamienne à Prague en octobre 2023.",
         [Expected(visitor: "Ngo Thi Mai", from: "VN", host: "CZ", city: "Prague", start: "2023-10", kind: nil)]),
        ("Fin mars, une délégation de l’Académie des sciences conduite par le professeur Tran Duc Long s’était rendue à Oslo pour préparer le colloque.",
         [Expected(visitor: "Tran Duc Long", from: "VN", host: "NO", city: "Oslo", start: "2025-03", kind: nil)]),
        ("Le président kazakh Nourlan Abenov a effectué les 14 et 15 mai une visite d’État au Vietnam.",
         [Expected(visitor: "Nourlan Abenov", from: "KZ", host: "VN", city: nil, start: "2025-05-14", kind: .state)]),
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
        "Le président Luong Van Tam a invité le président mongol Batbayar Ganbold à effectuer une visite au Vietnam en 2026.",
        "Le ministre Pham Van Hung s’est entretenu au téléphone avec son homologue japonais Kenji Sato.",
        "Le président Luong Van Tam a renouvelé son invitation au président mongol Batbayar Ganbold à effectuer une visite d’État au Vietnam à une date appropriée.",
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

    @Test func receptionDuringAVisitIsThatVisit() {
        let v = visits("Le ministre singapourien Tan Wei Ming a effectué du 10 au 13 juin une visite officielle au Vietnam. "
                       + "Le président de l’Assemblée nationale Tran Van Duc a reçu mercredi 11 juin à Hanoi Tan Wei Ming.")
        #expect(v.count == 1, "\(v)")
        #expect(v.first?.start?.description == "2025-06-10" && v.first?.end?.description == "2025-06-13")
        #expect(v.first?.city == "Hanoi" && v.first?.kind == .official)
    }

    @Test func headlineTitleIsNotTheHeadOfState() {
        let v = visits("Le président biélorusse Ivan Petrov a salué la coopération. "
                       + "La présidente du Conseil de la République du Bélarus, Olga Sokolova, a rencontré la presse. "
                       + "La présidente du Conseil de la République du Bélarus en visite officielle en Mongolie.")
        #expect(v.count == 1 && v.first?.visitor == "Olga Sokolova", "\(v)")
    }

    @Test func foreignDelegationLeaderIsForeign() {
        let doc = document("Le ministre Pham Van Hung a reçu à Hanoi une délégation du parti Nour Otan conduite par son président, Erlan Karin, en visite de travail au Vietnam. Le Kazakhstan est un partenaire.")
        let people = PersonExtractor(reference: reference).extract(from: doc)
        #expect(people.first { $0.name == "Erlan Karin" }?.country == "KZ", "\(people)")
        let v = VisitExtractor(reference: reference).extract(from: doc, people: people)
        #expect(v.count == 1 && v.first?.visitor == "Erlan Karin" && v.first?.hostCountry == "VN", "\(v)")
    }

    @Test func relatedLinksAreNotVisits() {
        #expect(visits("La coopération progresse.\n\n>> Le président Luong Van Tam effectue une visite d’État en Russie\n\nVNA/CVN").isEmpty)
    }
}
