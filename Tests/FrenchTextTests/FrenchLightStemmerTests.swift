import Testing
@testable import FrenchText

/// Lucene's own test table for FrenchLightStemmer (TestFrenchLightStemFilter), accented input as Lucene sees it.
@Suite struct FrenchLightStemmerTests {
    @Test(arguments: [
        ("chevaux", "cheval"), ("cheval", "cheval"), ("hiboux", "hibou"), ("hibou", "hibou"),
        ("chantés", "chant"), ("chanter", "chant"), ("chante", "chant"), ("chant", "chant"),
        ("baronnes", "baron"), ("barons", "baron"), ("baron", "baron"), ("peaux", "peau"), ("peau", "peau"),
        ("anneaux", "aneau"), ("anneau", "aneau"), ("neveux", "neveu"), ("neveu", "neveu"),
        ("affreux", "afreu"), ("affreuse", "afreu"), ("investissement", "investi"), ("investir", "investi"),
        ("assourdissant", "asourdi"), ("assourdir", "asourdi"), ("pratiquement", "pratiqu"), ("pratique", "pratiqu"),
        ("administrativement", "administratif"), ("administratif", "administratif"),
        ("justificatrice", "justifi"), ("justificateur", "justifi"), ("justifier", "justifi"),
        ("educatrice", "eduqu"), ("eduquer", "eduqu"), ("communicateur", "comuniqu"), ("communiquer", "comuniqu"),
        ("accompagnatrice", "acompagn"), ("accompagnateur", "acompagn"), ("administrateur", "administr"),
        ("administrer", "administr"), ("productrice", "product"), ("producteur", "product"),
        ("acheteuse", "achet"), ("acheteur", "achet"), ("planteur", "plant"), ("plante", "plant"),
        ("poreuse", "poreu"), ("poreux", "poreu"), ("plieuse", "plieu"), ("bijoutière", "bijouti"), ("bijoutier", "bijouti"),
        ("caissière", "caisi"), ("caissier", "caisi"), ("abrasive", "abrasif"), ("abrasif", "abrasif"),
        ("folle", "fou"), ("fou", "fou"), ("personnelle", "person"), ("personne", "person"),
        ("complète", "complet"), ("complet", "complet"), ("aromatique", "aromat"), ("faiblesse", "faibl"), ("faible", "faibl"),
        ("patinage", "patin"), ("patin", "patin"), ("sonorisation", "sono"), ("ritualisation", "rituel"), ("rituel", "rituel"),
        ("nomination", "nomin"), ("disposition", "dispos"), ("dispose", "dispos"),
        ("1234555", "1234555"), ("12333345", "12333345"), ("1234", "1234"), ("abcdeff", "abcdef"), ("abcccddeef", "abcdef"),
        ("créées", "cre"), ("22hh00", "22h00"),
    ])
    func luceneTable(_ word: String, _ stem: String) {
        #expect(FrenchLightStemmer.stem(word) == stem)
    }

    /// kb stems folded terms: the accented rules (-ière, -ète, -ième) give the same stems without accents.
    @Test(arguments: [("bijoutière", "bijoutiere"), ("caissière", "caissiere"), ("complète", "complete"),
                      ("chantés", "chantes"), ("créées", "creees"), ("deuxième", "deuxieme")])
    func foldedInputStemsAlike(_ accented: String, _ folded: String) {
        #expect(FrenchLightStemmer.stem(accented) == FrenchLightStemmer.stem(folded))
    }

    /// What the search relies on.
    @Test(arguments: [
        ("cooperations", "cooperation"), ("economiques", "economique"), ("bielorusses", "bielorussie"),
        ("relations", "relation"), ("partenariats", "partenariat"), ("strategiques", "strategique"),
        ("cybersecurite", "cybersecurit"), ("internationales", "international"),
    ])
    func variantsMeet(_ a: String, _ b: String) {
        #expect(FrenchLightStemmer.stem(a) == FrenchLightStemmer.stem(b))
    }

    @Test func intelligenceIsNotOverStemmed() {
        #expect(FrenchLightStemmer.stem("intelligence") == "inteligenc")
        #expect(FrenchLightStemmer.stem("intelligence") != FrenchLightStemmer.stem("intelligent"))
        #expect(FrenchLightStemmer.stem("intelligences") == "inteligenc")
    }
}
