import Testing
@testable import FrenchText

@Suite struct FrenchDateTests {
    func d(_ s: String) -> PartialDate { PartialDate(iso: s)! }

    /// (text, article date, expected start, expected end)
    static let table: [(String, String?, String?, String?)] = [
        ("Il a été reçu mercredi 3 décembre au palais.", "2025-12-05", "2025-12-03", nil),
        ("depuis le 1er février 2017", nil, "2017-02-01", nil),
        ("En mai dernier, les deux pays ont signé", "2025-09-13", "2025-05", nil),
        ("En septembre dernier, il s'est rendu à Paris", "2025-09-13", "2024-09", nil),
        ("lors de sa visite au Laos en mai", "2025-12-03", "2025-05", nil),
        ("une liaison lancée en octobre", "2025-03-01", "2024-10", nil),
        ("du 26 au 28 juin", "2025-07-02", "2025-06-26", "2025-06-28"),
        ("sa tournée du 5 au 12 mai", "2025-05", "2025-05-05", "2025-05-12"),
        ("du 30 avril au 2 mai 2024", nil, "2024-04-30", "2024-05-02"),
        ("le plan pour la période 2016-2018", nil, "2016", "2018"),
        ("le 12 mars 2019 à Hanoï", "2025-01-01", "2019-03-12", nil),
        ("en mars 2023", nil, "2023-03", nil),
        ("un accord conclu l'an dernier", "2025-06-01", "2024", nil),
        ("Mercredi, le ministre a reçu", "2025-12-05", "2025-12-03", nil),
        ("Il était présent hier", "2025-03-01", "2025-02-28", nil),
        ("arrivé le 31 décembre", "2026-01-02", "2025-12-31", nil),
        // The month right after the article's is the coming one: news announces what starts soon.
        ("une visite du 30 novembre au 2 décembre", "2025-11-29", "2025-11-30", "2025-12-02"),
        ("la foire ouvrira le 8 janvier", "2025-12-20", "2026-01-08", nil),
        ("un salon tenu en août", "2025-06-10", "2024-08", nil),
        ("un forum organisé les 21 et 22 octobre à Da Nang", "2025-10-25", "2025-10-21", "2025-10-22"),
        ("les 3 et 4 février 2024, la délégation", nil, "2024-02-03", "2024-02-04"),
        // Two days in a row across the end of a month; days far apart are two dates.
        ("une visite les 30 juin et 1er juillet", "2025-07-02", "2025-06-30", "2025-07-01"),
        ("les 31 décembre et 1er janvier", "2026-01-05", "2025-12-31", "2026-01-01"),
        ("les 3 mai et 20 juin", "2025-07-02", "2025-05-03", nil),
    ]

    @Test(arguments: table.indices) func resolves(_ k: Int) {
        let (text, anchor, start, end) = Self.table[k]
        let m = FrenchDate.mentions(in: text, anchor: anchor.map(d)).first
        #expect(m?.start?.description == start, "\(text)")
        #expect(m?.end?.description == end, "\(text)")
    }

    @Test func yearListGivesOneMentionPerYear() {
        let ms = FrenchDate.mentions(in: "ses séjours au Laos en 1996, 2004 et en 2019 ont compté", anchor: nil)
        #expect(ms.map { $0.start?.description } == ["1996", "2004", "2019"])
    }

    @Test func sameDayTakesThePreviousDate() {
        let ms = FrenchDate.mentions(in: "Le même jour, il a signé.", anchor: d("2025-12-03"), previous: d("2025-12-01"))
        #expect(ms.first?.kind == .sameDay && ms.first?.start == d("2025-12-01"))
    }

    @Test func recentlyHasNoDate() {
        let ms = FrenchDate.mentions(in: "le protocole récemment signé", anchor: d("2025-12-03"))
        #expect(ms.count == 1 && ms[0].kind == .recent && ms[0].start == nil)
    }

    @Test func capitalisedMonthNameIsAName() {
        #expect(FrenchDate.mentions(in: "l'ambassadeur Mai Phan Dung", anchor: d("2025-12-03")).isEmpty)
    }

    @Test func noAnchorLeavesYearlessDatesUnresolved() {
        let m = FrenchDate.mentions(in: "le 3 décembre", anchor: nil).first
        #expect(m != nil && m?.start == nil)
    }

    @Test func weekdays() {
        #expect(d("2025-12-03").weekday == 2)  // a Wednesday
        #expect(d("2024-02-28").adding(days: 2) == d("2024-03-01"))
    }
}
