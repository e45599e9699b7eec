import Testing
import Extraction

private func domains(_ body: String) -> [String] {
    DomainExtractor(reference: .embedded).extract(from: document(body, headline: "Dépêche du jour")).map(\.slug)
}

@Suite struct DomainExtractorTests {
    @Test(arguments: [
        // The words of an institution's name are no cooperation field.
        ("Il a rencontré le président de la Chambre d’industrie et de commerce franco-laotienne.", []),
        ("L’avion s’est posé à l’aéroport militaire de la capitale.", []),
        ("Le ministre de l’Éducation, de la Jeunesse et des Sports a parlé aux étudiants.", ["education_training"]),
        ("Les deux pays développent le tourisme avec l’Agence nationale d’information.", ["tourism"]),
        // A ministry that cooperates names its field; a minister's title does not.
        ("Les ministères de la Santé des deux pays ont signé un accord.", ["health"]),
        // Terms and their inflections.
        ("Les deux pays renforcent leurs échanges culturels et touristiques.", ["culture", "tourism"]),
        ("La coopération sécuritaire, énergétique et éducative a progressé.", ["security", "energy", "education_training"]),
        ("Les projets scientifiques et technologiques avancent.", ["science_technology"]),
        ("Les relations commerciales et l’investissement direct étranger se développent.", ["trade", "investment"]),
        ("Ils ont évoqué la médecine militaire.", ["defense", "health"]),
        ("Un programme de formation professionnelle a été lancé.", ["education_training"]),
        ("Le partage d’informations entre les agences de presse s’intensifie.", ["information_media"]),
        ("La coopération décentralisée entre les localités des deux pays est encouragée.", ["local_cooperation"]),
        ("Une nouvelle liaison aérienne relie les deux capitales.", ["transport_logistics"]),
        ("Les échanges interpersonnels et l’amitié entre les peuples sont essentiels.", ["people_exchange"]),
        ("Les deux pays coopèrent au sein des Nations unies.", ["multilateral"]),
        ("Les travailleurs migrants bénéficient d’un nouvel accord sur l’emploi.", ["labor_employment"]),
        ("Les exportations de produits agricoles et aquatiques augmentent.", ["trade", "agriculture"]),
        ("La lutte contre le terrorisme et la criminalité transnationale reste prioritaire.", ["counter_terrorism", "security"]),
        ("Ils misent sur l’intelligence artificielle et la chaîne de blocs.", ["artificial_intelligence", "blockchain"]),
        ("La protection de l’environnement et le changement climatique sont au programme.", ["environment_resources"]),
        // Longer phrases win: one domain, not two.
        ("La sécurité de l’information est une priorité.", ["cybersecurity"]),
        ("L’économie numérique croît vite.", ["digital_economy"]),
        ("La sécurité alimentaire est garantie.", ["agriculture"]),
        ("L’industrie de la défense a été évoquée.", ["defense"]),
        // Words read in their phrase.
        ("Les normes sanitaires et phytosanitaires freinent les exportations de fruits.", ["trade", "agriculture"]),
        ("Les entreprises des technologies de l’information recrutent.", ["science_technology"]),
        ("Le pays aidera à former des techniciens pour les centrales solaires.", ["education_training", "energy"]),
        ("La préfecture de Kanagawa et la province de Ba Ria ont signé un jumelage.", ["local_cooperation"]),
        ("Le secrétaire du Conseil de sécurité national a reçu son homologue.", ["security"]),
        ("Le Conseil de sécurité de l’ONU s’est réuni.", ["multilateral"]),
        // Not cooperation domains.
        ("Ils organiseront des échanges de délégations d’entreprises chaque année.", []),
        ("Le climat des affaires s’améliore et les deux pays sont à la recherche de solutions.", []),
        ("Le comité populaire de la ville a accueilli la délégation.", []),
        ("Le pays est une destination attrayante pour les familles.", []),
        ("Ils ont créé un groupe de travail conjoint lors de leur visite de travail.", []),
        ("Le Vietnam est un moteur de croissance de l’économie mondiale.", []),
        ("Il faut améliorer l’environnement des affaires dans un environnement pacifique.", []),
        ("Le ministre a déclaré à la presse que la rencontre était fructueuse.", []),
        ("Environ six cents ressortissants vivent dans la capitale.", []),
        // « élevé » (raised, high) is not « élève » (pupil); a place's name is not local cooperation.
        ("Le chiffre s’est élevé à 12 millions et le taux reste élevé.", []),
        ("Ils ont été élevés au rang de partenaires privilégiés.", []),
        ("Le dirigeant de la province de Lào Cai et le maire de la ville de Brno ont visité le port.", []),
        ("Le travail de propagande sur les relations bilatérales sera renforcé.", []),
        ("Les élèves des deux écoles se rencontrent.", ["education_training"]),
        ("Les provinces des deux pays ont signé des accords de jumelage.", ["local_cooperation"]),
        ("Ils ont perfectionné le cadre juridique de la coopération.", ["justice"]),
    ])
    func findsDomains(body: String, expected: [String]) {
        #expect(domains(body) == expected)
    }

    @Test func evidenceListsEachSentenceOnce() throws {
        let facts = DomainExtractor(reference: .embedded).extract(from: document("Le tourisme et les touristes comptent. Il fait beau. Le tourisme reprend.", headline: "Dépêche du jour"))
        let tourism = try #require(facts.first { $0.slug == "tourism" })
        #expect(tourism.evidence.map(\.sentence) == ["Le tourisme et les touristes comptent.", "Le tourisme reprend."])
    }

    @Test func noiseSectionsAreNoSource() {
        let body = """
        >> Coopération dans le sport et la santé

        La coopération culturelle s’intensifie.

        [Forum sur l’énergie]

        Photo : VNA/CVN

        Voir plus

        Le tourisme et l’agriculture progressent.
        """
        #expect(domains(body) == ["culture"])
    }

    @Test func everySlugOfTheSpecIsKnown() {
        #expect(Reference.embedded.domains.count == 29)
        #expect(Reference.embedded.domains.allSatisfy { !$0.terms.isEmpty })
    }
}
