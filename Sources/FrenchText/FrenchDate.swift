/// A date expression found in a sentence, resolved against the article date.
package struct DateMention: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A point in time: « le 1er février 2017 », « en mai dernier », « en 2014 ».
        case point
        /// A span: « du 5 au 12 mai », « 2016-2020 ».
        case period
        /// « récemment »: no date of its own.
        case recent
        /// « le même jour »: the date of the previous mention.
        case sameDay
    }

    /// Token index range of the expression.
    package let tokens: Range<Int>
    /// Nil when the expression cannot be resolved (no article date, « récemment »).
    package let start: PartialDate?
    package let end: PartialDate?
    package let kind: Kind

    package init(tokens: Range<Int>, start: PartialDate?, end: PartialDate? = nil, kind: Kind = .point) {
        self.tokens = tokens; self.start = start; self.end = end; self.kind = kind
    }
}

/// Finds French date expressions in tokens and resolves them against the article date.
///
/// News tells the past: a day or month without a year is taken in the article's year, or the
/// year before when it would fall after the article's month. Each year of a list
/// (« en 1997, 2008 et en 2015 ») is its own mention.
package enum FrenchDate {
    package static let months = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                                "septembre", "octobre", "novembre", "decembre"]
    package static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    private static let monthInitials: [Bool] = (0..<256).map { b in (months + ["mi-", "fin-", "debut-"]).contains { $0.utf8.first == UInt8(b) } }

    /// Month number (1–12) of a folded token, accepting « mi-mai », « fin-mai ».
    package static func month(_ folded: String) -> Int? {
        // Months and « mi- », « fin- », « debut- » start with one of these letters; most words don't.
        guard let c = folded.utf8.first, monthInitials[Int(c)] else { return nil }
        if let i = months.firstIndex(of: folded) { return i + 1 }
        // (No « - » byte, no « - » character: the backward Character search is skipped for most words.)
        if folded.utf8Contains(UInt8(ascii: "-")), let dash = folded.lastIndex(of: "-") {
            let head = folded[..<dash]
            if head == "mi" || head == "fin" || head == "debut" {
                if let i = months.firstIndex(of: String(folded[folded.index(after: dash)...])) { return i + 1 }
            }
        }
        return nil
    }

    /// Convenience for a whole text.
    package static func mentions(in text: String, anchor: PartialDate?, previous: PartialDate? = nil) -> [DateMention] {
        mentions(in: Tokenizer.tokens(text), anchor: anchor, previous: previous)
    }

    /// Every date expression in `tokens`, left to right. `previous` is the last date the
    /// document stated before these tokens (for « le même jour »).
    package static func mentions(in t: [Token], anchor: PartialDate?, previous: PartialDate? = nil) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < t.count {
            if let m = match(t, i, anchor: anchor, previous: previous ?? out.last(where: { $0.start != nil })?.start) {
                out.append(m)
                i = max(m.tokens.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: - Patterns

    static func match(_ t: [Token], _ i: Int, anchor: PartialDate?, previous: PartialDate?) -> DateMention? {
        let f = t[i].folded
        // Every pattern below starts at a number, a hyphenated word (« mi-mai », « 2016-2020 ») or one of
        // `starters`; trying them all on every token was a tenth of extraction.
        guard t[i].isNumber || (starterFilter.mayContain(t[i].foldedHash) && starters.contains(f)) || t[i].hasHyphen else { return nil }
        // « du 26 au 28 juin », « du 30 avril au 2 mai 2025 »
        if f == "du", let first = dayMonth(t, i + 1, anchor: anchor, allowMissingMonth: true),
           first.next < t.count, t[first.next].folded == "au",
           let second = dayMonth(t, first.next + 1, anchor: anchor, allowMissingMonth: false) {
            let m2 = second.month!, y2 = second.year ?? inferYear(month: m2, anchor: anchor)
            let m1 = first.month ?? m2
            var y1 = first.year ?? y2
            if let y = y1, m1 > m2, first.year == nil { y1 = y - 1 }
            let s = y1.flatMap { PartialDate(year: $0, month: m1, day: first.day) }
            let e = y2.flatMap { PartialDate(year: $0, month: m2, day: second.day) }
            return DateMention(tokens: i..<second.next, start: s, end: e, kind: .period)
        }
        // « les 14 et 15 avril », « les 30 et 31 mai 2025 »: two consecutive days, one span.
        if day(t[i]) != nil, i + 1 < t.count, t[i + 1].folded == "et",
           let first = dayMonth(t, i, anchor: anchor, allowMissingMonth: true), first.month == nil,
           let second = dayMonth(t, i + 2, anchor: anchor, allowMissingMonth: false), second.day > first.day {
            let m = second.month!
            let y = second.year ?? inferYear(month: m, anchor: anchor)
            return DateMention(tokens: i..<second.next, start: y.flatMap { PartialDate(year: $0, month: m, day: first.day) },
                               end: y.flatMap { PartialDate(year: $0, month: m, day: second.day) }, kind: .period)
        }
        // « les 30 juin et 1er juillet »: two days in a row across the end of a month, one span.
        if i > 0, t[i - 1].folded == "les", day(t[i]) != nil, let first = dayMonth(t, i, anchor: anchor, allowMissingMonth: false),
           first.next < t.count, t[first.next].folded == "et",
           let second = dayMonth(t, first.next + 1, anchor: anchor, allowMissingMonth: false) {
            let y2 = second.year ?? inferYear(month: second.month!, anchor: anchor)
            var y1 = first.year ?? y2
            if let y = y1, first.month! > second.month!, first.year == nil { y1 = y - 1 }
            if let s = y1.flatMap({ PartialDate(year: $0, month: first.month, day: first.day) }),
               let e = y2.flatMap({ PartialDate(year: $0, month: second.month, day: second.day) }),
               s < e, let limit = s.adding(days: 3), e <= limit {
                return DateMention(tokens: i..<second.next, start: s, end: e, kind: .period)
            }
        }
        // « mercredi 3 décembre », « le 1er février 2017 »
        let weekday = weekdayFilter.mayContain(t[i].foldedHash) && weekdays.contains(f)
        let dayStart = weekday ? i + 1 : i
        if let d = dayMonth(t, dayStart, anchor: anchor, allowMissingMonth: false) {
            let y = d.year ?? inferYear(month: d.month!, anchor: anchor)
            return DateMention(tokens: i..<d.next, start: y.flatMap { PartialDate(year: $0, month: d.month, day: d.day) })
        }
        // « mercredi » alone: the nearest such day up to the article date.
        if weekday, let wd = weekdays.firstIndex(of: f), let a = anchor, a.day != nil {
            return DateMention(tokens: i..<(i + 1), start: lastWeekday(wd, onOrBefore: a))
        }
        // « en mai dernier », « mai 2025 », « en octobre », « fin mai »
        if !t[i].isCapitalized || i == 0, let m = month(f), i == 0 || !t[i - 1].isNumber {
            let prev = i > 0 ? t[i - 1].folded : ""
            if i + 1 < t.count, let y = year(t[i + 1]) {
                return DateMention(tokens: i..<(i + 2), start: PartialDate(year: y, month: m))
            }
            if i + 1 < t.count, t[i + 1].folded == "dernier" {
                let y = anchor.map { a in a.month.map { m >= $0 ? a.year - 1 : a.year } ?? a.year }
                return DateMention(tokens: i..<(i + 2), start: y.flatMap { PartialDate(year: $0, month: m) })
            }
            if i + 1 < t.count, t[i + 1].folded == "prochain" {
                let y = anchor.map { a in a.month.map { m <= $0 ? a.year + 1 : a.year } ?? a.year }
                return DateMention(tokens: i..<(i + 2), start: y.flatMap { PartialDate(year: $0, month: m) })
            }
            if ["en", "fin", "debut", "mi", "depuis", "courant", "d'ici", "jusqu'en", "dès"].contains(prev) || f.contains("-") {
                return DateMention(tokens: i..<(i + 1), start: inferYear(month: m, anchor: anchor).flatMap { PartialDate(year: $0, month: m) })
            }
        }
        // « 2016-2020 »
        if let (a, b) = yearSpan(t[i]) {
            return DateMention(tokens: i..<(i + 1), start: PartialDate(year: a), end: PartialDate(year: b), kind: .period)
        }
        // « en 2014 », « 1997, 2008 et en 2015 »: one mention per year.
        if let y = year(t[i]) {
            return DateMention(tokens: i..<(i + 1), start: PartialDate(year: y))
        }
        if f == "recemment" || f == "dernierement" {
            return DateMention(tokens: i..<(i + 1), start: nil, kind: .recent)
        }
        // « le même jour »
        if f == "meme", i + 1 < t.count, t[i + 1].folded == "jour" {
            return DateMention(tokens: i..<(i + 2), start: previous, kind: .sameDay)
        }
        if f == "hier", let a = anchor, a.day != nil { return DateMention(tokens: i..<(i + 1), start: a.adding(days: -1)) }
        if f == "aujourd'hui", let a = anchor { return DateMention(tokens: i..<(i + 1), start: a) }
        // « l'an dernier », « l'année dernière », « cette année »
        if (f == "an" || f == "annee"), i + 1 < t.count, let a = anchor {
            let n = t[i + 1].folded
            if n == "dernier" || n == "derniere" { return DateMention(tokens: i..<(i + 2), start: PartialDate(year: a.year - 1)) }
            if n == "prochain" || n == "prochaine" { return DateMention(tokens: i..<(i + 2), start: PartialDate(year: a.year + 1)) }
            if i > 0, t[i - 1].folded == "cette" { return DateMention(tokens: (i - 1)..<(i + 1), start: PartialDate(year: a.year)) }
        }
        if f == "mois", i + 1 < t.count, t[i + 1].folded == "dernier", let a = anchor, let m = a.month {
            return DateMention(tokens: i..<(i + 2), start: m == 1 ? PartialDate(year: a.year - 1, month: 12) : PartialDate(year: a.year, month: m - 1))
        }
        return nil
    }

    /// Words a pattern of `match` can start at (keep in step with it).
    /// Most tokens are no starter: the filter answers for them without hashing the string again.
    static let starterFilter = WordHashFilter(starters)
    static let weekdayFilter = WordHashFilter(weekdays)
    static let starters = Set(months + weekdays + ["du", "1er", "premier", "recemment", "dernierement", "meme", "hier",
                                                   "aujourd'hui", "an", "annee", "mois"])

    struct DayMonth { var day: Int; var month: Int?; var year: Int?; var next: Int }

    /// `D [mois [année]]` starting at token `i`.
    static func dayMonth(_ t: [Token], _ i: Int, anchor: PartialDate?, allowMissingMonth: Bool) -> DayMonth? {
        guard i < t.count, let d = day(t[i]) else { return nil }
        if i + 1 < t.count, let m = month(t[i + 1].folded) {
            if i + 2 < t.count, let y = year(t[i + 2]) { return DayMonth(day: d, month: m, year: y, next: i + 3) }
            return DayMonth(day: d, month: m, year: nil, next: i + 2)
        }
        return allowMissingMonth ? DayMonth(day: d, month: nil, year: nil, next: i + 1) : nil
    }

    @inline(__always)
    static func day(_ t: Token) -> Int? {
        if t.folded == "1er" || t.folded == "premier" { return 1 }
        guard t.isNumber, t.text.utf8.count <= 2, let n = Int(t.text), (1...31).contains(n) else { return nil }
        return n
    }

    @inline(__always)
    static func year(_ t: Token) -> Int? {
        guard t.isNumber, t.text.utf8.count == 4, let n = Int(t.text), (1900...2100).contains(n) else { return nil }
        return n
    }

    @inline(__always)
    static func yearSpan(_ t: Token) -> (Int, Int)? {
        // Two four-digit parts and a hyphen between them are nine bytes at least: most words are asked,
        // and splitting each by Character was a twentieth of date reading.
        // The first year's digits start the text (only the empty parts `split` drops, hyphens, may come
        // before them): « Vietnam-Biélorussie » is turned away on its first byte.
        guard t.firstByte == UInt8(ascii: "-") || (t.firstByte >= 0x30 && t.firstByte <= 0x39),
              t.text.utf8.count >= 9, t.text.utf8Contains(UInt8(ascii: "-")) else { return nil }
        let parts = t.text.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.utf8.count == 4 }),
              let a = Int(parts[0]), let b = Int(parts[1]), (1900...2100).contains(a), a < b, b <= 2100 else { return nil }
        return (a, b)
    }

    /// The article's year, or the year before when the month is after the article's month — except the
    /// month right after it: news announces what starts in the coming weeks (« du 30 novembre au 2
    /// décembre » in a story of 29 November is this December; « en janvier » in a December story, next January).
    static func inferYear(month m: Int, anchor: PartialDate?) -> Int? {
        guard let a = anchor else { return nil }
        guard let am = a.month else { return a.year }
        if m == am % 12 + 1 { return am == 12 ? a.year + 1 : a.year }
        return m > am ? a.year - 1 : a.year
    }

    /// The latest date with weekday `wd` (0 = Monday) on or before `a`.
    static func lastWeekday(_ wd: Int, onOrBefore a: PartialDate) -> PartialDate? {
        guard let today = a.weekday else { return nil }
        return a.adding(days: -((today - wd + 7) % 7))
    }
}

extension PartialDate {
    /// Day of the week, 0 = Monday; nil unless the date is precise to the day.
    package var weekday: Int? {
        guard let m = month, let d = day else { return nil }
        // Sakamoto's method (0 = Sunday), shifted so Monday is 0.
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = m < 3 ? year - 1 : year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + offsets[m - 1] + d) % 7
        return (sunday0 + 6) % 7
    }

    /// The date `n` days later (or earlier); nil unless precise to the day.
    package func adding(days n: Int) -> PartialDate? {
        guard var m = month, var d = day else { return nil }
        var y = year
        d += n
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += PartialDate.daysIn(month: m, year: y)
        }
        while d > PartialDate.daysIn(month: m, year: y) {
            d -= PartialDate.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return PartialDate(year: y, month: m, day: d)
    }
}
