import Testing
import FrenchText
@testable import Extraction

@Suite struct VisitExtractorTests {
    let reference = Reference.embedded

    /// Built once: the gazetteers are the costly part, and the extractors keep no state.
    static let persons = PersonExtractor(reference: .embedded)
    static let extractor = VisitExtractor(reference: .embedded, persons: persons)

    func visits(_ body: String, date: String? = "2025-06-20") -> [VisitFact] {
        let doc = document(body, date: date)
        return Self.extractor.extract(from: doc)
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
         [Expected(visitor: "Dang Minh Khoi", from: "VN", host: "RU", city: "Moscou", start: "2025-06", kind: nil)]),
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
         [Expected(visitor: "Somchai Wongsa", from: "TH", host: "VN", city: "Hanoi", start: "2025-06", kind: .official)]),
        ("Une délégation de la province de Gyeonggi, en visite de travail à Da Nang, a rencontré les autorités locales.",
         [Expected(visitor: nil, from: "KR", host: "VN", city: "Da Nang", start: "2025-06", kind: .working)]),
        // Hosts implied by a city or a province.
        ("Le gouverneur de la préfecture de Kanagawa, Kuroiwa Yuji, a effectué une visite de travail à Ha Long en mars.",
         [Expected(visitor: "Kuroiwa Yuji", from: "JP", host: "VN", city: "Ha Long", start: "2025-03", kind: .working)]),
        ("Le maire de Busan, Park Sung-jin, est arrivé dans la métropole du Sud pour une visite de travail.",
         [Expected(visitor: "Park Sung-jin", from: "KR", host: "VN", city: "Hô Chi Minh-Ville", start: "2025-06", kind: .working)]),
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
        // A guest in apposition after the circumstances of the reception.
        ("Le président Tran Minh Duc a reçu, le 20 mai à Hanoi, Diego Salas, ministre péruvien de l’Économie, en visite officielle au Vietnam.",
         [Expected(visitor: "Diego Salas", from: "PE", host: "VN", city: "Hanoi", start: "2025-05-20", kind: .official)]),
        // Leaving the host ends the visit: the place left is where it was.
        // The day of leaving ends the trip: its start is only known to the month.
        ("Le Premier ministre Vo Thanh Nam a quitté Lima le 14 mai, concluant sa visite officielle au Pérou.",
         [Expected(visitor: "Vo Thanh Nam", from: "VN", host: "PE", city: "Lima", start: "2025-05", kind: .official)]),
        // The verb before the trip noun names the visitor; a participle clause after it is another statement.
        ("À l’invitation de son homologue Tran Minh Duc, le Premier ministre mongol Batbold Erdene a entamé lundi une visite officielle au Vietnam du 2 au 4 juin, devenant le premier dirigeant à s’y rendre cette année.",
         [Expected(visitor: "Batbold Erdene", from: "MN", host: "VN", city: nil, start: "2025-06-02", kind: .official)]),
        // Recalled visits, one per year of the list.
        ("Il a rappelé les visites au Vietnam du président péruvien Diego Salas en 1994, 2009 et 2015.",
         [Expected(visitor: "Diego Salas", from: "PE", host: "VN", city: nil, start: "1994", kind: nil),
          Expected(visitor: "Diego Salas", from: "PE", host: "VN", city: nil, start: "2009", kind: nil),
          Expected(visitor: "Diego Salas", from: "PE", host: "VN", city: nil, start: "2015", kind: nil)]),
        // Several visitors after one trip noun, each with their own date.
        ("Il a cité les visites au Vietnam du président chilien Carlos Medina en mai 2016, du ministre péruvien Diego Salas en juin 2018 et de la ministre mongole Oyun Bat en avril 2019.",
         [Expected(visitor: "Carlos Medina", from: "CL", host: "VN", city: nil, start: "2016-05", kind: nil),
          Expected(visitor: "Diego Salas", from: "PE", host: "VN", city: nil, start: "2018-06", kind: nil),
          Expected(visitor: "Oyun Bat", from: "MN", host: "VN", city: nil, start: "2019-04", kind: nil)]),
        // Destinations listed before the visitor: one visit per country.
        ("Les visites officielles au Chili et au Pérou du Premier ministre Vo Thanh Nam ont été fructueuses.",
         [Expected(visitor: "Vo Thanh Nam", from: "VN", host: "CL", city: nil, start: "2025-06", kind: .official),
          Expected(visitor: "Vo Thanh Nam", from: "VN", host: "PE", city: nil, start: "2025-06", kind: .official)]),
        // A welcome ceremony of a state visit, the city named before it.
        ("Le président Tran Minh Duc a présidé le 5 mars à Hanoi la cérémonie d’accueil officielle du président chilien Carlos Medina, en visite d’État au Vietnam.",
         [Expected(visitor: "Carlos Medina", from: "CL", host: "VN", city: "Hanoi", start: "2025-03-05", kind: .state)]),
        // A reception named by a noun, the guest after its place and date.
        ("Lors d’une réception à Da Nang le 9 avril du ministre mongol des Mines, Batbold Erdene, la vice-ministre Ho Thi Binh a parlé de charbon.",
         [Expected(visitor: "Batbold Erdene", from: "MN", host: "VN", city: "Da Nang", start: "2025-04-09", kind: nil)]),
        // A meeting held in the host's city with one foreign party.
        ("Le ministre Pham Quoc Viet a rencontré le 12 mai à Hanoi le ministre péruvien du Commerce, Diego Salas.",
         [Expected(visitor: "Diego Salas", from: "PE", host: "VN", city: "Hanoi", start: "2025-05-12", kind: nil)]),
        // The visit verb: the delegation visited a place of the host country; the place is a fallback city.
        ("Durant son séjour du 3 au 5 mai, la délégation vietnamienne a aussi visité l’université de Lima.",
         [Expected(visitor: nil, from: "VN", host: "PE", city: "Lima", start: "2025-05-03", kind: nil)]),
        // The simple past of « venir », one visit per date.
        ("Le président cubain Raul Ortega vint au Vietnam à deux reprises, en mars 1995 et en octobre 2004.",
         [Expected(visitor: "Raul Ortega", from: "CU", host: "VN", city: nil, start: "1995-03", kind: nil),
          Expected(visitor: "Raul Ortega", from: "CU", host: "VN", city: nil, start: "2004-10", kind: nil)]),
        // The speaker recalls someone else's visit: the visitor is the one named after the trip noun.
        ("Le ministre Pham Quoc Viet a rappelé la visite du président chilien Carlos Medina au Vietnam en 2019.",
         [Expected(visitor: "Carlos Medina", from: "CL", host: "VN", city: nil, start: "2019", kind: nil)]),
        // A tour: the country « après » is an earlier leg, without this leg's date.
        ("Après le Pérou, le Premier ministre Vo Thanh Nam est arrivé le 8 mai en Bolivie.",
         [Expected(visitor: "Vo Thanh Nam", from: "VN", host: "PE", city: nil, start: "2025-06", kind: nil),
          Expected(visitor: "Vo Thanh Nam", from: "VN", host: "BO", city: nil, start: "2025-05-08", kind: nil)]),
        // « le pays » stands for the other country named before it.
        ("Invitée par la présidente bolivienne Rosa Quispe, la vice-présidente Dang Thu Ha effectue du 5 au 7 mars une visite officielle dans le pays.",
         [Expected(visitor: "Dang Thu Ha", from: "VN", host: "BO", city: nil, start: "2025-03-05", kind: .official)]),
        // A span of days gives the start; a city-state named is the city.
        ("Le ministre Pham Quoc Viet, en visite de travail à Singapour du 16 au 18 mars, a rencontré des investisseurs.",
         [Expected(visitor: "Pham Quoc Viet", from: "VN", host: "SG", city: "Singapour", start: "2025-03-16", kind: .working)]),
        // A trip noun naming no place of its own gives the move before it its kind and dates.
        ("Le président Tran Minh Duc s’est rendu au Chili pour une visite d’État du 4 au 6 mars.",
         [Expected(visitor: "Tran Minh Duc", from: "VN", host: "CL", city: nil, start: "2025-03-04", kind: .state)]),
        // Two earlier legs of a tour, coordinated after « après ».
        ("Après l’Équateur et le Pérou, la ministre Dang Thu Ha est arrivée le 9 mai en Bolivie.",
         [Expected(visitor: "Dang Thu Ha", from: "VN", host: "EC", city: nil, start: "2025-06", kind: nil),
          Expected(visitor: "Dang Thu Ha", from: "VN", host: "PE", city: nil, start: "2025-06", kind: nil),
          Expected(visitor: "Dang Thu Ha", from: "VN", host: "BO", city: nil, start: "2025-05-09", kind: nil)]),
        // The members of a group after « dont », each with their own date.
        ("De nombreux dirigeants chiliens se sont rendus au Vietnam, dont la présidente Rosa Medina en mai 2005 et le ministre Jose Ortega en 2011.",
         [Expected(visitor: "Rosa Medina", from: "CL", host: "VN", city: nil, start: "2005-05", kind: nil),
          Expected(visitor: "Jose Ortega", from: "CL", host: "VN", city: nil, start: "2011", kind: nil)]),
        // Coordinated subjects both travel; « respectivement » gives them the dates in order.
        ("Le président Tran Minh Duc et le Premier ministre Vo Thanh Nam ont effectué une visite au Chili respectivement en 2009 et 2014.",
         [Expected(visitor: "Tran Minh Duc", from: "VN", host: "CL", city: nil, start: "2009", kind: nil),
          Expected(visitor: "Vo Thanh Nam", from: "VN", host: "CL", city: nil, start: "2014", kind: nil)]),
        ("La ministre Dang Thu Ha et le vice-ministre Ho Van Binh se sont rendus au Pérou en 2019.",
         [Expected(visitor: "Dang Thu Ha", from: "VN", host: "PE", city: nil, start: "2019", kind: nil),
          Expected(visitor: "Ho Van Binh", from: "VN", host: "PE", city: nil, start: "2019", kind: nil)]),
        // Received, no place named: in the country of whoever receives.
        ("Le ministre chilien de l’Économie, Pablo Rojas, a été reçu le 11 juin par le Premier ministre Vo Thanh Nam.",
         [Expected(visitor: "Pablo Rojas", from: "CL", host: "VN", city: nil, start: "2025-06-11", kind: nil)]),
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
        "Le président Tran Minh Duc a reçu un appel téléphonique du président chilien Carlos Medina.",
        "Le ministre Pham Quoc Viet a rencontré par visioconférence le ministre péruvien Diego Salas.",
        "Le président chilien Carlos Medina effectuera bientôt une visite au Vietnam.",
        "La prochaine visite du ministre péruvien Diego Salas au Vietnam devrait avoir lieu en mai.",
        "En marge du sommet à Jakarta, le Premier ministre Vo Thanh Nam a rencontré le président chilien Carlos Medina.",
        "Une délégation de Lima a signé un accord avec la province de Quang Ninh.",
        // The agent of a passive is the host of a welcome, not its guest.
        "La cérémonie d’accueil officielle a été présidée jeudi matin par le président Luong Van Tam au palais présidentiel.",
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
                       + "La présidente du Conseil de la République du Bélarus, en visite officielle en Mongolie, a visité une école.")
        #expect(v.count == 1 && v.first?.visitor == "Olga Sokolova", "\(v)")
    }

    @Test func foreignDelegationLeaderIsForeign() {
        let doc = document("Le ministre Pham Van Hung a reçu à Hanoi une délégation du parti Nour Otan conduite par son président, Erlan Karin, en visite de travail au Vietnam. Le Kazakhstan est un partenaire.")
        let people = PersonExtractor(reference: reference).extract(from: doc)
        #expect(people.first { $0.name == "Erlan Karin" }?.country == "KZ", "\(people)")
        let v = VisitExtractor(reference: reference).extract(from: doc)
        #expect(v.count == 1 && v.first?.visitor == "Erlan Karin" && v.first?.hostCountry == "VN", "\(v)")
    }

    @Test func relatedLinksAreNotVisits() {
        #expect(visits("La coopération progresse.\n\n>> Le président Luong Van Tam effectue une visite d’État en Russie\n\nVNA/CVN").isEmpty)
    }

    @Test func aSpanGivesItsEnd() {
        let v = visits("Le ministre mongol Batbold Erdene a effectué du 16 au 18 mars une visite de travail au Vietnam.")
        #expect(v.count == 1 && v.first?.start?.description == "2025-03-16" && v.first?.end?.description == "2025-03-18", "\(v)")
    }

    /// « entamant une visite … du 14 au 17 » gives the arrival the trip's end, whatever place the trip names.
    @Test func anArrivalTakesTheEndOfTheTripItBegins() {
        let v = visits("La présidente chilienne Ana Morales est arrivée le 14 juin à Hanoi, entamant une visite d’État au Vietnam du 14 au 17 juin.")
        #expect(v.count == 1 && v.first?.start?.description == "2025-06-14" && v.first?.end?.description == "2025-06-17" && v.first?.kind == .state, "\(v)")
    }

    /// « est parti de Hanoi pour … à Lima »: a trip to where it goes; the eve of the stated period is that trip.
    @Test func aDepartureForAPlaceIsATrip() {
        let v = visits("À la tête d’une délégation, le Premier ministre Vo Thanh Nam est parti le 9 juin de Hanoi pour participer au forum de Lima, au Pérou, du 10 au 12 juin.")
        #expect(v.count == 1 && v.first?.visitor == "Vo Thanh Nam" && v.first?.hostCountry == "PE" && v.first?.city == "Lima"
                && v.first?.start?.description == "2025-06-10" && v.first?.end?.description == "2025-06-12", "\(v)")
    }

    /// A date between the trip verb and its noun, then another leg with its own dates: each country its dates.
    @Test func eachLegOfATourHasItsDates() {
        let v = visits("Le vice-ministre Tran Van Loc a effectué du 2 au 4 juin une visite de travail au Chili, avant de se rendre au Pérou du 5 au 7 juin.")
        #expect(v.map(\.hostCountry) == ["CL", "PE"] && v.map { $0.start?.description } == ["2025-06-02", "2025-06-05"]
                && v.map { $0.end?.description } == ["2025-06-04", "2025-06-07"], "\(v)")
    }

    /// « X, président du Sénat, qui effectue une visite de travail »: a title in apposition between the
    /// visitor and the trip; « à Hanoï Samdech X, présidente de … »: a capital just before the name.
    @Test func aTitleInAppositionBeforeTheRelativeTrip() {
        let v = visits("Le Premier ministre Vo Thanh Nam a reçu le Premier ministre chilien Carlos Medina, président du Sénat, qui effectue une visite de travail au Vietnam.")
        #expect(v.map(\.visitor) == ["Carlos Medina"] && v.first?.kind == .working, "\(v)")
        let w = visits("Le président a reçu le 13 juin à Hanoï Samdech Sok Chenda, présidente de l’Assemblée nationale du Cambodge, en visite officielle au Vietnam.")
        #expect(w.map(\.visitor) == ["Sok Chenda"] && w.first?.visitorCountry == "KH" && w.first?.kind == .official, "\(w)")
    }

    /// « Arrivé à Lima le 12 juin, le ministre X … »: the participle opening the sentence (« Arrivé » folds
    /// like the present « arrive »).
    @Test func anOpeningParticipleIsAnArrival() {
        let v = visits("Arrivé à Lima le 12 juin, le ministre Vo Van Lan a été accueilli par le vice-ministre péruvien Diego Salas.")
        #expect(v.map(\.visitor) == ["Vo Van Lan"] && v.first?.hostCountry == "PE" && v.first?.city == "Lima", "\(v)")
    }

    /// A foreign visitor's trip of these days naming no place is to the dateline's country; a trip of
    /// another year is not placed.
    @Test func aTripNamingNoPlaceIsToTheDatelinesCountry() {
        let v = visits("Hanoï (VNA) – À l’occasion de la visite de travail du vice-président chilien Carlos Medina, les deux parties ont signé trois accords.")
        #expect(v.map(\.hostCountry) == ["VN"] && v.first?.visitor == "Carlos Medina", "\(v)")
        let w = visits("Hanoï (VNA) – Il a rappelé la visite du vice-président chilien Carlos Medina en 2017.")
        #expect(w.isEmpty, "\(w)")
    }

    /// « la visite au Chili de S.E. M. X »: dotted honorifics before the visitor.
    @Test func abbreviatedHonorificsBeforeTheVisitor() {
        let v = visits("La ministre chilienne a rappelé la visite au Chili de S.E. M. Vo Thanh Nam en mars 2024.")
        #expect(v.map(\.visitor) == ["Vo Thanh Nam"] && v.first?.start?.description == "2024-03", "\(v)")
    }

    /// « Le président du Chili est arrivé lundi à Hanoi pour une visite d'État … »: a title naming its country
    /// travels, and the trip the arrival is for gives its kind and end.
    @Test func aTitledCountryArrivesForATrip() {
        let v = visits("Le président du Chili est arrivé le 2 juin à Hanoi pour une visite d’État au Vietnam du 2 au 4 juin.")
        #expect(v.count == 1 && v.first?.visitorCountry == "CL" && v.first?.kind == .state && v.first?.end?.description == "2025-06-04", "\(v)")
    }

    /// « Celui-ci », « Ce dernier » opening a sentence are the last person named.
    @Test func anAnaphorOpeningTheSentenceTravels() {
        let v = visits("La ministre chilienne Ana Morales a rencontré le Premier ministre Vo Thanh Nam. Ce dernier avait effectué une visite officielle au Chili en mars 2024.")
        #expect(v.map(\.visitor) == ["Vo Thanh Nam"] && v.first?.hostCountry == "CL" && v.first?.start?.description == "2024-03", "\(v)")
    }

    /// « X, qui a rappelé ses visites … », « X, qui avait effectué une visite … »: the antecedent travels;
    /// a relative clause that only speaks of a visit says nothing of who made it.
    @Test func theAntecedentOfARelativeTripTravels() {
        let v = visits("Le ministre a été reçu par le président chilien Carlos Medina, qui a rappelé ses visites au Vietnam en 2009 et 2016.")
        #expect(v.map(\.visitor) == ["Carlos Medina", "Carlos Medina"] && v.map { $0.start?.description } == ["2009", "2016"], "\(v)")
        let w = visits("Le ministre a été reçu par le président chilien Carlos Medina, qui avait effectué une visite au Vietnam en 2012.")
        #expect(w.map(\.visitor) == ["Carlos Medina"], "\(w)")
    }

    @Test func spousesInAnAppositionBothTravel() {
        let v = visits("Le président Tran Minh Duc a accueilli le président chilien Carlos Medina et son épouse Maria Lopez, en visite d’État au Vietnam les 3 et 4 mars.")
        #expect(v.contains { $0.visitor == "Carlos Medina" && $0.hostCountry == "VN" && $0.start?.description == "2025-03-03" && $0.kind == .state }, "\(v)")
    }

    @Test func aDelegationTripTakesTheNameOfItsReceivedLeader() {
        let v = visits("Le général Tran Van Long a été reçu le 14 mai à Lima par le président péruvien Diego Salas. "
                       + "La rencontre clôt une visite au Pérou, du 12 au 14 mai, d’une délégation du ministère vietnamien de la Défense.")
        #expect(v.count == 1 && v.first?.visitor == "Tran Van Long" && v.first?.start?.description == "2025-05-12" && v.first?.city == "Lima", "\(v)")
    }

    @Test func theDatelineIsTheCityWhenNoneIsStated() {
        let v = visits("Lima (VNA) – Le Premier ministre Vo Thanh Nam effectue une visite officielle au Pérou.")
        #expect(v.count == 1 && v.first?.city == "Lima", "\(v)")
    }

    /// A trip recalled from another year was not in the city the story is filed from.
    @Test func aRecalledTripTakesNoDatelineCity() {
        let v = visits("Lima (VNA) – Le Premier ministre Vo Thanh Nam effectue une visite officielle au Pérou. "
                       + "Le président Tran Minh Duc s’était rendu au Pérou en 2016.")
        #expect(v.map(\.city) == ["Lima", nil], "\(v)")
    }

    /// Leaving a city for another one of the same country ends a leg of the trip told before, not a new trip.
    @Test func aDepartureDuringATripIsThatTrip() {
        let v = visits("Le Premier ministre Vo Thanh Nam est arrivé le 16 juin à Lima, entamant une visite officielle au Pérou. "
                       + "Le 18 juin, il a quitté Lima pour Cuzco.")
        #expect(v.count == 1 && v.first?.start?.description == "2025-06-16" && v.first?.city == "Lima", "\(v)")
    }

    /// « la visite du ministre vietnamien au Chili »: the country after the title-only mention is the
    /// destination (not part of the title), and the mention stands for the minister named before.
    @Test func aTitleOnlyGenitiveTravelsToTheCountryAfterIt() {
        let v = visits("Le ministre de l’Énergie Tran Van Loc a signé un accord avec son homologue chilien. "
                       + "Le texte a été paraphé pendant la visite de travail du ministre vietnamien au Chili, les 7 et 8 mai.")
        #expect(v.count == 1 && v.first?.visitor == "Tran Van Loc" && v.first?.hostCountry == "CL"
                && v.first?.start?.description == "2025-05-07" && v.first?.kind == .working, "\(v)")
    }

    /// A visitor from elsewhere who « a visité » an unnamed-country place is in the dateline's country.
    @Test func aVisitedPlaceWithoutCountryIsInTheDatelinesCountry() {
        let v = visits("Lima (VNA) – Le ministre vietnamien de la Santé, Tran Van Loc, a visité l’hôpital Santa Rosa.")
        #expect(v.count == 1 && v.first?.hostCountry == "PE" && v.first?.city == "Lima" && v.first?.visitorCountry == "VN", "\(v)")
    }

    /// Every visit names the construction that read it.
    @Test func evidenceCarriesTheRule() {
        let cases: [(String, String)] = [
            ("Le président Tran Minh Duc a reçu, le 20 mai à Hanoi, Diego Salas, ministre péruvien de l’Économie.", "visit.reception-apposition"),
            ("Le Premier ministre Vo Thanh Nam est arrivé le 3 mai à Lima.", "visit.arrival"),
            ("Le Premier ministre Vo Thanh Nam a quitté Lima le 14 mai.", "visit.departure"),
            ("Il a rappelé les visites au Vietnam du président péruvien Diego Salas en 1994, 2009 et 2015.", "visit.recalled-list"),
            ("Il a cité les visites au Vietnam du président chilien Carlos Medina en mai 2016 et du ministre péruvien Diego Salas en juin 2018.", "visit.genitive-list"),
            ("Le ministre Pham Quoc Viet a rencontré le 12 mai à Hanoi le ministre péruvien du Commerce, Diego Salas.", "visit.meeting"),
        ]
        for (text, rule) in cases {
            let v = visits(text)
            #expect(!v.isEmpty && v.allSatisfy { $0.evidence.rule == rule }, "\(text) → \(v.map(\.evidence.rule))")
        }
        let all = Self.table.flatMap { visits($0.0) }
        #expect(all.allSatisfy { $0.evidence.rule.hasPrefix("visit.") }, "\(all.filter { !$0.evidence.rule.hasPrefix("visit.") })")
    }

    /// A sentence or headline ending with a trigger word, or triggers in a row, never traps.
    @Test func triggerWordsAtTheEdgesNeverTrap() {
        let words = ["visite", "visites", "tournée", "voyage", "séjour", "celle", "celles", "arrivé", "arrivée", "rendu", "rendue",
                     "vint", "venu", "quitté", "quittant", "reçu", "reçue", "accueilli", "reçoit", "accueille", "réception", "accueil",
                     "rencontré", "entretenu", "entretient", "déclaré", "conduit", "dirigé", "mené", "délégation", "par", "de", "à", "en"]
        for w in words {
            for body in ["Le ministre Pham Quoc Viet a \(w).", "\(w).", "\(w) \(w).", "Le ministre \(w) \(w) \(w)", "Le président a reçu, \(w)",
                         "Une délégation de Lima conduite par \(w)", "La visite de \(w)", "Il s’est \(w)", "cérémonie d’\(w)"] {
                _ = visits(body)
                _ = Self.extractor.extract(from: document("Il fait beau.", headline: body))
            }
        }
    }

    /// Merging is indexed by host and visitor: a thousand repeated clauses are one visit.
    @Test func repeatedClausesMergeIntoOneVisit() {
        let clause = "Le président Tran Minh Duc a reçu le 3 mai à Hanoi le ministre chilien Carlos Medina, en visite au Vietnam. "
        let extractor = Self.extractor
        let analysed = AnalysedDocument(document: document(String(repeating: clause, count: 1000)),
                                        countries: extractor.persons.countries, organisations: extractor.persons.organisations)
        let analysis = extractor.persons.analyse(analysed)
        let v = extractor.extract(analysed, analysis)
        #expect(v.count == 1)
    }

    /// A run-on sentence of repeated clauses is read by windows: one visit however long it runs
    /// (its cost staying linear is a benchmark row, `make bench`'s long-article lines, not a timed test).
    @Test func runOnSentenceGivesOneVisit() {
        let clause = "le ministre chilien Carlos Medina a effectué le 3 mai une visite officielle au Pérou, "
        let extractor = Self.extractor
        for n in [200, 800] {
            let analysed = AnalysedDocument(document: document(String(repeating: clause, count: n) + "fin."),
                                            countries: extractor.persons.countries, organisations: extractor.persons.organisations)
            let analysis = extractor.persons.analyse(analysed)
            #expect(extractor.extract(analysed, analysis).count == 1, "\(n) clauses")
        }
    }
}

/// A trip the article tells as its news, with no date of its own, took place in the article's month.
@Suite struct VisitArticleDateTests {
    func visits(_ body: String) -> [VisitFact] { FactExtractor().extract(from: document(body, date: "2025-06-20")).visits }

    @Test func newsWithoutADateTakesTheArticlesMonth() {
        let v = visits("Le président chilien Carlos Medina a entamé une visite officielle au Vietnam.")
        #expect(v.count == 1 && v.first?.start?.description == "2025-06", "\(v)")
    }

    @Test func aRecalledTripKeepsNoDate() {
        let v = visits("Le président chilien Carlos Medina avait effectué une visite officielle au Vietnam.")
        #expect(v.allSatisfy { $0.start == nil }, "\(v)")
    }

    @Test func anUndatedMentionOfADatedTripTakesItsDates() {
        let v = visits("La délégation chilienne effectue une tournée au Vietnam du 16 au 19 juin. "
                       + "Lors de son séjour, la délégation chilienne a rencontré des étudiants au Vietnam.")
        #expect(v.allSatisfy { $0.start?.description == "2025-06-16" }, "\(v)")
    }
}
