import Testing
@testable import Extraction

@Suite struct AgreementExtractorTests {
    let extractor = AgreementExtractor(reference: .embedded)

    func agreements(_ body: String, date: String? = "2025-06-20") -> [AgreementFact] { extractor.extract(from: document(body, date: date)) }

    /// (text, kind, words the title must contain, parties, signed)
    static let table: [(String, AgreementKind, String, [String], String?)] = [
        ("Les deux pays ont adopté une déclaration commune sur le renforcement du partenariat global.",
         .declaration, "renforcement du partenariat global", ["VN", "LA"], "2025-06-20"),
        ("Le Vietnam et le Laos ont signé mardi 17 juin un protocole d’accord sur la coopération dans l’énergie.",
         .memorandum, "coopération dans l’énergie", ["VN", "LA"], "2025-06-17"),
        ("Les ministères ont signé une lettre d’intention sur la formation des médecins.",
         .letterOfIntent, "formation des médecins", ["VN", "LA"], "2025-06-20"),
        ("Ils mettent en œuvre le programme de coopération pour 2025-2027 entre les deux ministères.",
         .programme, "2025-2027", ["VN", "LA"], nil),
        ("L’accord de libre-échange entre le Vietnam et l’Union économique eurasiatique facilite les échanges.",
         .agreement, "libre-échange", ["VN", "EAEU"], nil),
        ("Un protocole visant à créer un comité mixte sur la sécurité alimentaire a été signé.",
         .protocol, "comité mixte sur la sécurité alimentaire", ["VN", "LA"], "2025-06-20"),
        ("Les deux parties ont signé un mémorandum d’entente sur le tourisme.",
         .memorandum, "tourisme", ["VN", "LA"], "2025-06-20"),
    ]

    @Test(arguments: table.indices) func readsAgreements(_ k: Int) {
        let (text, kind, words, parties, signed) = Self.table[k]
        // The article is about Vietnam and Laos: parties default to its two main countries.
        let got = agreements("Le Vietnam et le Laos renforcent leurs liens avec le Laos. " + text)
        #expect(got.count == 1, "\(text) → \(got.map(\.title))")
        #expect(got.first?.kind == kind)
        #expect(got.first?.title.contains(words) == true, "\(got.first?.title ?? "")")
        #expect(Set(got.first?.parties ?? []) == Set(parties))
        #expect(got.first?.signed?.description == signed)
    }

    @Test func domainsComeFromTheTitle() {
        let got = agreements("Le Vietnam et le Laos ont signé un protocole sur la coopération dans le tourisme.")
        #expect(got.first?.domains.contains("tourism") == true)
    }

    @Test func repeatedMentionIsOneAgreement() {
        let got = agreements("Le Vietnam et le Laos ont signé un protocole sur la lutte contre la criminalité. Le protocole récemment signé ouvrira de nouvelles perspectives.")
        #expect(got.count == 1)
    }

    static let negatives: [String] = [
        "Les deux parties sont convenues de plusieurs accords dans les années à venir.",
        "Les accords de haut niveau seront mis en œuvre.",
        "Les deux pays vont négocier un accord de libre-échange.",
        "Le ministre était d'accord avec cette proposition.",
        "Ces principes reposent sur la Convention des Nations unies sur le droit de la mer.",
    ]

    @Test(arguments: negatives) func notAgreements(_ text: String) {
        #expect(agreements(text).isEmpty, "\(agreements(text).map(\.title))")
    }

    @Test func voirPlusBlockIsIgnored() {
        #expect(agreements("La coopération progresse.\n\nVoir plus\n\nLe Vietnam et le Japon signent un protocole sur la santé publique").isEmpty)
    }
}
