import Testing
import Extraction
import FrenchText

private func countries(_ body: String) -> [String] {
    CountryExtractor(reference: .embedded).extract(from: document(body, headline: "Dépêche du jour")).map(\.iso2)
}

@Suite struct CountryExtractorTests {
    @Test(arguments: [
        // Names, aliases, demonyms, capitals.
        ("La délégation a quitté le Bélarus pour rejoindre la Fédération de Russie.", ["BY", "RU"]),
        ("Le président biélorusse a salué son homologue kazakh.", ["BY", "KZ"]),
        ("Les Azerbaïdjanaises présentes ont chanté.", ["AZ"]),
        ("Le ministre est arrivé à Minsk puis à Bakou.", ["BY", "AZ"]),
        // Languages are not countries.
        ("Les cours sont donnés en chinois et en anglais, et les étudiants parlent français.", []),
        ("Trois centres de langue japonaise ont ouvert ; le ministre japonais était présent.", ["JP"]),
        ("Hanoï et Astana ont signé un mémorandum.", ["VN", "KZ"]),
        ("Washington et Pékin poursuivent leurs négociations.", ["US", "CN"]),
        ("Le Viêt Nam et les États-Unis d’Amérique ont renforcé leurs liens.", ["VN", "US"]),
        ("Les USA et les Émirats arabes unis (EAU) ont conclu un accord.", ["US", "AE"]),
        ("La Côte d’Ivoire et la République démocratique du Congo participent, ainsi que le Congo.", ["CI", "CD", "CG"]),
        ("Le dirigeant nord-coréen a rencontré le ministre sud-coréen.", ["KP", "KR"]),
        ("La Papouasie-Nouvelle-Guinée accueille le sommet.", ["PG"]),
        ("Les touristes de l’île Maurice sont nombreux.", ["MU"]),
        // Compounds.
        ("Les relations Vietnam-Biélorussie sont au beau fixe.", ["VN", "BY"]),
        ("Une liaison aérienne directe Minsk-Phu Quôc a été lancée.", ["BY"]),
        ("La coopération vietnamo-russe et sino-japonaise progresse.", ["VN", "RU", "CN", "JP"]),
        ("L’accord de libre-échange Vietnam-Union économique eurasiatique est en vigueur.", ["VN"]),
        // Not countries.
        ("Le marché latino-américain et la communauté afro-américaine sont visés.", []),
        ("L’Union économique eurasiatique et l’ASEAN renforcent leurs liens.", []),
        ("La paix dans la région Asie-Pacifique et dans l’océan Indien est essentielle.", []),
        ("Il faut qu’il vienne avec de l’eau potable.", []),
        ("Maurice Dupont a présidé la séance.", []),
        ("La province de Lào Cai jouxte celle de Thái Nguyên.", []),
        ("Le Premier ministre lao et son homologue thaï se sont entretenus.", ["LA", "TH"]),
        ("La stratégie Indo-Pacifique a été évoquée.", []),
        ("Sino-japonais, le projet avance.", ["CN", "JP"]),
        ("Ils ont évoqué les amis traditionnels de l’ex-Union soviétique.", []),
        ("Environ six cents personnes vivent dans la ville.", []),
    ])
    func findsCountries(body: String, expected: [String]) {
        #expect(countries(body) == expected)
    }

    @Test func evidenceIsTheSentence() throws {
        let facts = CountryExtractor(reference: .embedded).extract(from: document("Le temps est beau. Le Laos a répondu présent.", headline: "Dépêche du jour"))
        let laos = try #require(facts.first { $0.iso2 == "LA" })
        #expect(laos.evidence.map(\.sentence) == ["Le Laos a répondu présent."])
    }

    @Test func noiseSectionsAreNoSource() {
        let body = """
        >> Le président russe reçoit le Premier ministre japonais

        Le Vietnam salue la visite.

        Photo : VNA/CVN

        [La Chine et l’Inde renforcent leur coopération]

        Voir plus

        La France et l’Allemagne signent un accord.
        """
        #expect(countries(body) == ["VN"])
    }

    @Test func historicalStatesAreRecognisedNotReturned() {
        let mentions = CountryGazetteer(reference: .embedded).mentions(in: Tokenizer.tokens("l’URSS et la Russie"))
        #expect(mentions.map(\.iso2) == ["SU", "RU"])
        #expect(mentions.map(\.historical) == [true, false])
    }

    /// The capital of the dateline names its country, though the parser sets the dateline apart.
    @Test func theDatelinesCapitalNamesItsCountry() {
        let facts = FactExtractor(reference: .embedded).extract(from: document("Quito, 3 mai (VNA) – Le ministre Tran Van Loc a inauguré le salon."))
        #expect(facts.countries.map(\.iso2) == ["EC"], "\(facts.countries)")
        #expect(facts.countries.first?.evidence.first?.rule == "country.dateline")
    }
}
