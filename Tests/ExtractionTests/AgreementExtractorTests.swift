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
        // Named documents that do not start with « accord ».
        ("Le forum s’est achevé par l’adoption de la déclaration de Vientiane sur la connectivité régionale.",
         .declaration, "déclaration de Vientiane", ["VN", "LA"], "2025-06-20"),
        ("Les ministres ont rappelé la Vision commune pour la coopération énergétique à l’horizon 2035, signée en mars 2021.",
         .other, "Vision commune pour la coopération énergétique", ["VN", "LA"], "2021-03"),
        ("Les deux gouvernements ont signé en 2022 le Partenariat pour la croissance verte et l’énergie propre.",
         .other, "Partenariat pour la croissance verte", ["VN", "LA"], "2022"),
        ("Les ministres ont signé un accord intergouvernemental sur l’exemption de visa pour les passeports ordinaires.",
         .agreement, "intergouvernemental sur l’exemption de visa", ["VN", "LA"], "2025-06-20"),
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

    @Test func reMentionBeforeAnInfinitiveIsTheSameDocument() {
        let a = agreements("Les deux provinces ont signé un mémorandum d’accord sur le tourisme. "
                           + "Elles ont convenu de suivre l’application du mémorandum et de développer chaque année des circuits communs.")
        #expect(a.count == 1 && !(a.first?.title.contains("développer") ?? true), "\(a.map(\.title))")
    }

    @Test func headlineAndBodyNameOneDocument() {
        let got = extractor.extract(from: document(
            "Le Vietnam et l’Union européenne ont célébré jeudi les cinq ans de l’accord de libre-échange entre le Vietnam et l’Union européenne (EVFTA). Les exportations ont progressé.",
            headline: "Cinq ans de l’accord de libre-échange Vietnam - UE"))
        #expect(got.count == 1, "\(got.map(\.title))")
        #expect(Set(got.first?.parties ?? []) == ["VN", "EU"])
    }

    @Test func rewordedRepeatIsOneDocument() {
        let got = agreements("La ville de Da Nang et la province de Gyeonggi ont signé un mémorandum d’accord de coopération pour 2025-2028. Le mémorandum d’accord sur la coopération pour 2025-2028 couvre l’éducation.")
        #expect(got.count == 1, "\(got.map(\.title))")
    }

    @Test func differentPeriodsAreDifferentDocuments() {
        let got = agreements("Le Vietnam et le Laos ont signé l’accord de coopération pour 2025. Ils ont fait le bilan de l’accord de coopération pour 2024.")
        #expect(got.count == 2, "\(got.map(\.title))")
    }

    @Test func tourStopGivesTheParties() {
        let got = agreements("Le ministre vietnamien a effectué une tournée en Italie, en Espagne et au Portugal.\n\nÀ Madrid, il a rencontré son homologue espagnol. Les deux parties ont signé une lettre d’intention sur les énergies marines.")
        #expect(Set(got.first?.parties ?? []) == ["VN", "ES"], "\(got.map(\.parties))")
    }

    @Test func ownPhraseGivesTheParties() {
        let got = agreements("Le Vietnam intensifie sa diplomatie économique en Europe. Au cours de sa tournée en Italie et en Espagne, le vice-Premier ministre vietnamien a signé un protocole sur la pêche avec l’Espagne.")
        #expect(Set(got.first?.parties ?? []) == ["VN", "ES"], "\(got.map(\.parties))")
    }

    @Test func anAimIsNoSigningDate() {
        let got = agreements("Les deux pays ont paraphé le 3 juin un plan d’action visant la neutralité carbone à l’horizon 2050.")
        #expect(got.first?.signed?.description == "2025-06-03", "\(got.map(\.signed))")
    }

    @Test func signingOnTheStoryDay() {
        let got = agreements("Le vice-ministre laotien a été reçu lundi 16 juin à Hanoi par son homologue vietnamien. À cette occasion, les deux parties ont signé un protocole sur la formation des douaniers.")
        #expect(got.first?.signed?.description == "2025-06-16", "\(got.map(\.signed))")
    }

    static let negatives: [String] = [
        "Dans une déclaration du ministère des Affaires étrangères, le porte-parole a salué le résultat.",
        "Les deux dirigeants partagent une vision commune sur les questions régionales.",
        "Après avoir signé trois accords, ils ont affirmé partager une vision commune sur la sécurité régionale.",
        "Le porte-parole a fait une déclaration sur la situation en mer Orientale.",
        "Le Vietnam et le Laos ont élevé leurs relations au Partenariat stratégique global, signé il y a un an.",
        "Les deux parties sont parvenues à un accord sur l’essentiel des questions.",
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
