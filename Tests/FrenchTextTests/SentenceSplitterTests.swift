import Testing
@testable import FrenchText

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let b = Array(text.utf8)
        return SentenceSplitter.split(text).map { String(decoding: b[$0], as: UTF8.self) }
    }

    @Test func splitsOnTerminalPunctuation() {
        #expect(sentences("Le président est arrivé. Il a été reçu à Minsk! Quoi ? Oui.")
                == ["Le président est arrivé.", "Il a été reçu à Minsk!", "Quoi ?", "Oui."])
    }

    @Test func keepsAbbreviationsAndInitials() {
        #expect(sentences("M. Nguyen a rencontré A. Loukachenko hier. Puis il est parti.")
                == ["M. Nguyen a rencontré A. Loukachenko hier.", "Puis il est parti."])
        #expect(sentences("Il a reçu S.E. M. Tran Van Loc hier. Puis il est parti.")
                == ["Il a reçu S.E. M. Tran Van Loc hier.", "Puis il est parti."])
    }

    /// ASCII words are read as bytes, others by Character: both give the same answers.
    @Test func abbreviationsWithAndWithoutAccents() {
        #expect(sentences("Il a vu Mme Lan et le Dr. Minh. Puis il est parti.") == ["Il a vu Mme Lan et le Dr. Minh.", "Puis il est parti."])
        #expect(sentences("Voir le tél. Puis il est parti.") == ["Voir le tél. Puis il est parti."])
        #expect(sentences("Voir le TÉL. Puis il est parti.") == ["Voir le TÉL. Puis il est parti."])
        #expect(sentences("Né en 63 av. J.-C. Puis il est parti.") == ["Né en 63 av. J.-C. Puis il est parti."])
        #expect(sentences("Il a lu J.F. Kennedy. Puis il est parti.") == ["Il a lu J.F. Kennedy.", "Puis il est parti."])
        #expect(sentences("Il a signé. Puis il est parti.") == ["Il a signé.", "Puis il est parti."])
        #expect(sentences("Il est venu avec É. Dupont hier.") == ["Il est venu avec É. Dupont hier."])
        #expect(sentences("Il a dit AB.CD. Puis il est parti.") == ["Il a dit AB.CD.", "Puis il est parti."])
    }

    @Test func keepsNumbersAndLowercaseContinuations() {
        #expect(sentences("Le commerce a atteint 3.321 points, etc. et plus.") == ["Le commerce a atteint 3.321 points, etc. et plus."])
    }

    @Test func closingQuotes() {
        #expect(sentences("« Nous sommes fiers. » Le ministre a conclu.") == ["« Nous sommes fiers. »", "Le ministre a conclu."])
        #expect(sentences("Il a dit \"merci.\" Ensuite il est parti.") == ["Il a dit \"merci.\"", "Ensuite il est parti."])
    }

    @Test func accentedCapitalStartsSentence() {
        #expect(sentences("Il est venu. À Minsk, il a signé.") == ["Il est venu.", "À Minsk, il a signé."])
    }
}
