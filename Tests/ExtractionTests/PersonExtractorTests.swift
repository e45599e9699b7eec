import Testing
@testable import Extraction

@Suite struct PersonExtractorTests {
    let extractor = PersonExtractor(reference: .embedded)

    func people(_ body: String) -> [PersonFact] { extractor.extract(from: document(body)) }

    /// (text, expected name, nationality, a role)
    static let found: [(String, String, String?, String?)] = [
        ("Le président kazakh Nourlan Abenov a inauguré le salon.", "Nourlan Abenov", "KZ", "président"),
        ("Pham Van Hung, secrétaire général du Comité populaire de Hanoi, a salué les résultats.", "Pham Van Hung", "VN", "secrétaire général du Comité populaire de Hanoi"),
        ("Le ministre russe de l’Énergie, Igor Sechkine, a signé le texte.", "Igor Sechkine", "RU", "ministre de l’Énergie"),
        ("Hier, l’ambassadeur Dang Minh Khoi a remis ses lettres de créance.", "Dang Minh Khoi", "VN", "ambassadeur"),
        ("Le vice-Premier ministre et ministre de l'Industrie Tran Quoc Huy a présidé la séance.", "Tran Quoc Huy", "VN", "ministre de l'Industrie"),
        ("La coopération progresse, a déclaré Vo Thi Lan aux journalistes.", "Vo Thi Lan", "VN", nil),
        ("La présidente slovaque Zuzana Kovacova a accueilli la délégation.", "Zuzana Kovacova", "SK", "présidente"),
        ("Le secrétaire d’État du Conseil de sécurité de Russie, Sergueï Chanov, est arrivé.", "Sergueï Chanov", "RU", "secrétaire d’État du Conseil de sécurité de Russie"),
        ("Le président ouzbek Chavkat Mirzoïev-Karimov a reçu son invité.", "Chavkat Mirzoïev-Karimov", "UZ", "président"),
    ]

    @Test(arguments: found.indices) func findsPeople(_ k: Int) {
        let (text, name, country, role) = Self.found[k]
        let ps = people(text)
        #expect(ps.count == 1, "\(text) → \(ps.map(\.name))")
        let p = ps.first
        #expect(p?.name == name)
        #expect(p?.country == country)
        if let role { #expect(p?.roles.contains { $0.title == role } == true, "\(p?.roles.map(\.title) ?? [])") }
    }

    @Test func partialMentionsJoinTheFullName() {
        let ps = people("Le président biélorusse Viktor Karankevitch est arrivé à Hanoi. Le président Karankevitch a ensuite rencontré la presse.")
        #expect(ps.count == 1)
        #expect(ps.first?.name == "Viktor Karankevitch")
        #expect(ps.first?.aliases.contains("Karankevitch") == true)
    }

    @Test func titleOnlyMentionGivesNationality() {
        let ps = people("Le président Karankevitch a salué les progrès. Le chef de l’État biélorusse a ensuite visité une usine.")
        #expect(ps.first?.country == "BY")
    }

    /// Capitalised words that are not people.
    static let notPeople: [String] = [
        "La Grande Guerre patriotique reste une référence pour les deux pays.",
        "L’Assemblée nationale a adopté la loi en mai.",
        "Le Parti communiste du Vietnam a tenu son congrès à Hanoi.",
        "Les produits de Phu Quôc et de Hai Phong sont exportés vers la Biélorussie.",
        "Le président a salué la coopération avec la Biélorussie.",
        "En Juillet, la Banque mondiale a publié son rapport.",
    ]

    @Test(arguments: notPeople) func noFalsePeople(_ text: String) {
        #expect(people(text).isEmpty, "\(people(text).map(\.name))")
    }

    @Test func noiseSectionsAreIgnored() {
        let body = """
        La coopération progresse.

        >> Le président Nguyen Van Binh reçoit l’ambassadeur Ivan Petrov

        Photo : VNA/CVN

        Voir plus

        Le Premier ministre Le Thanh Hai s'exprime. Photo: VNA
        """
        #expect(people(body).isEmpty)
    }
}
