import FrenchText

/// Finds the people an article names, from the text rather than from a list: a title before a
/// name (« le président letton Ivars Kalnins », « l’ambassadeur Hoang Van Lai »), a title then a
/// name in apposition (« la ministre suédoise du Climat, Eva Lind, »), a name then its title
/// (« Ho Van Lai, maire de Tân Lập, »), an inverted speaker (« a précisé Ho Van Lai ») or a subject
/// doing what people do (« X a réaffirmé »). Partial mentions (« le président Kalnins ») are merged
/// with the fullest form, transliterated forms too (« Roumen Petkov », « Rumen Petkov »).
/// Every person's evidence names the rule that read it (`person.title-name`, `person.mention`, …).
package struct PersonExtractor: Sendable {
    package let reference: Reference
    /// The outlets' own country: an official with a Vietnamese-shaped name and no stated
    /// nationality (« le président Hoang Van Lai ») is taken to be from here.
    package var homeCountry: String? = Reference.homeCountry
    let countries: CountryGazetteer
    let organisations: PhraseMatcher<String>
    let titles: PhraseMatcher<Reference.Title>
    let bodies: WordSet
    /// Cities, provinces and institutions (« Nghe An », « préfecture d'Aichi », « Douma d'État »).
    let places: PhraseMatcher<PlaceHit>
    /// Known people's countries by folded name and alias.
    let knownCountries: [String: String]

    struct PlaceHit: Sendable { let place: Reference.Place; let capitalized: Bool }

    /// `countries` and `organisations` let FactExtractor share the gazetteers it builds once.
    package init(reference: Reference, countries: CountryGazetteer? = nil, organisations: PhraseMatcher<String>? = nil) {
        self.reference = reference
        self.countries = countries ?? CountryGazetteer(reference: reference)
        self.organisations = organisations ?? AnalysedDocument.organisationGazetteer(reference)
        var g = PhraseMatcher<Reference.Title>()
        var b = WordSet()
        for t in reference.titles {
            if t.category == "body" { b.insert(Folding.fold(t.title)) } else { g.add(t.title, t) }
        }
        titles = g
        bodies = b
        var pl = PhraseMatcher<PlaceHit>()
        for p in reference.places {
            for n in [p.name] + p.aliases {
                pl.add(n, PlaceHit(place: p, capitalized: n.unicodeScalars.first?.properties.isUppercase == true))
            }
        }
        places = pl
        var known: [String: String] = [:]
        for p in reference.people {
            guard let c = p.country else { continue }
            for n in [p.name] + p.aliases { known[Folding.fold(n)] = c }
        }
        knownCountries = known
    }

    /// The place named at token `i`, written as a proper noun when the reference writes it so.
    func place(_ s: AnalysedSentence, at i: Int) -> PhraseMatcher<PlaceHit>.Match? {
        guard let m = places.match(at: i, in: s.tokens), !m.payload.capitalized || s.tokens[i].isCapitalized else { return nil }
        return m
    }

    /// The title phrase starting at token `i`.
    func title(_ s: AnalysedSentence, at i: Int) -> PhraseMatcher<Reference.Title>.Match? {
        s.titleAt.isEmpty ? titles.match(at: i, in: s.tokens) : (i >= 0 && i < s.titleAt.count ? s.titleAt[i] : nil)
    }

    /// Looks every token's title phrase up once, for the sentences' many questions (titlePhrase asks
    /// it of every token anyway). Places are asked of few tokens: looking them all up costs more.
    func memoise(_ doc: inout AnalysedDocument) {
        for k in doc.sentences.indices {
            let t = doc.sentences[k].tokens
            doc.sentences[k].titleAt = MatchesByStart(count: t.count) { titles.match(at: $0, in: t) }
        }
    }

    package func extract(from document: Document) -> [PersonFact] {
        var doc = AnalysedDocument(document: document, countries: countries, organisations: organisations)
        memoise(&doc)
        return analyse(doc).people
    }

    func analyse(_ doc: AnalysedDocument) -> PersonAnalysis {
        var candidates: [Candidate] = []
        var titleOnly: [PersonMention] = []
        for s in doc.sentences { read(s, into: &candidates, titleOnly: &titleOnly) }
        return resolve(doc, candidates, titleOnly)
    }

    // MARK: - Reading one sentence

    struct Candidate {
        var sentence: Int
        var span: Range<Int>
        var name: Range<Int>
        var text: String
        var words: [String]
        /// `Transliteration.words(name:)`: « Roumen Radev » and « Rumen Radev » are one person.
        var skeleton: [String]
        var roles: [Role]
        var country: String?
        /// The rule that read the name (`person.title-name`, …), credited in the evidence.
        var rule: String
        /// Found only because it looks like a name doing something (no title): weaker.
        var weak = false
        /// Leads a delegation of no stated country that is visiting this country: not from here.
        var awayFrom: String?
    }

    struct Role {
        var title: String; var category: String; var country: String?; var organisation: String? = nil
        /// Serves an international organisation (« directeur général de l'AIEA »): no nationality follows from it.
        var international = false
    }

    struct TitlePhrase {
        var span: Range<Int>
        var roles: [Role]
        var country: String?
    }

    func read(_ s: AnalysedSentence, into out: inout [Candidate], titleOnly: inout [PersonMention]) {
        let t = s.tokens
        var i = 0
        // Flags by token index: no hashing per question.
        var taken = TokenFlags(count: t.count)
        /// Tokens of a title phrase already read with a name of two words or more after it.
        var titled = TokenFlags(count: t.count)
        while i < t.count {
            if let phrase = titlePhrase(s, at: i) {
                var j = phrase.span.upperBound
                var name: Range<Int>?
                var roles = phrase.roles
                var country = phrase.country
                var rule = !roles.isEmpty ? "person.title-name"
                    : PeopleWords.relation.contains(t[i]) ? "person.relation-name" : "person.honorific-name"
                if let r = nameRun(s, at: j) {
                    name = r
                    // « président du conseil du groupe de l'énergie PetroVina, Le Van Tam, a … »: one capitalised word
                    // closing a title with a complement, then a name in apposition: the word names the institution.
                    // « présidente du Sénat de l'Assemblée Kurultai du Kirghizistan, Anna Ivanova, »: also when
                    // the institution's country follows its name.
                    var close = r.upperBound
                    var institutionCountry: String?
                    if r.count <= 2, close + 1 < t.count, PeopleWords.of.contains(t[close]),
                       let c = s.countries(at: close + 1).first(where: { $0.form != .demonym }) {
                        close = c.tokens.upperBound
                        institutionCountry = c.iso2
                    }
                    if r.count == 1 || institutionCountry != nil, !roles.isEmpty, phrase.span.count >= 3, close < t.count, t[close].text == ",",
                       let n = nameRun(s, at: close + 1), n.count >= 2, endsApposition(s, n.upperBound) {
                        name = n
                        lengthenLastRole(&roles, by: text(s, r.lowerBound..<close))
                        country = country ?? institutionCountry
                        rule = "person.title-apposition"
                    }
                }
                else if j < t.count, t[j].text == ",", let r = nameRun(s, at: j + 1), endsApposition(s, r.upperBound) {
                    // « la ministre suédoise du Climat, Eva Lind, a … »
                    name = r
                    rule = "person.title-apposition"
                }
                // « le chef d'état-major de l'Armée de terre suédoise, le général X »: two titles, one person;
                // « son homologue laotien, le général X »: the relation gives the nationality.
                if name == nil, j < t.count, t[j].text == "," {
                    var k = j + 1
                    if k < t.count, FrenchWords.determiners.contains(t[k]) { k += 1 }
                    if let sub = titlePhrase(s, at: k), let r = nameRun(s, at: sub.span.upperBound),
                       !sub.roles.isEmpty || endsApposition(s, r.upperBound) {
                        name = r
                        roles += sub.roles
                        country = country ?? sub.country
                        rule = sub.roles.isEmpty ? "person.title-apposition" : "person.title-title-name"
                    }
                }
                // « le directeur de l'Office de contrôle des eaux usées, Paul Durand, a … »: words the title
                // phrase does not read, then the name in apposition; they belong to the title.
                if name == nil, !roles.isEmpty, let (comma, r) = longApposition(s, from: j) {
                    name = r
                    lengthenLastRole(&roles, by: Self.normalisedTitle(text(s, j..<comma)))
                    rule = "person.long-title-apposition"
                }
                // « M. Jan Kowal, ministre polonais de la Santé, »: an honorific, then the title in apposition.
                var end = name?.upperBound ?? j
                // « X, son épouse et la délégation »: a possessive opens another person, not X's second office.
                if let name, name.count >= 2 || hasInitial(s, name), end + 1 < t.count, t[end].text == ",", !PeopleWords.possessive.contains(t[end + 1]) {
                    var k = end + 1
                    if k < t.count, FrenchWords.determiners.contains(t[k]) { k += 1 }
                    if k < t.count, PeopleWords.former.contains(t[k]) { k += 1 }
                    // « son homologue Jan Kowal, le ministre letton Ivars Berzins »: a title with its own name is not an apposition.
                    // « le général Jan Kowal, vice-ministre de la Défense, a … »: a second office, closed like an apposition.
                    // « X, le président du Sénat, Y, »: a title with a name in apposition after it is Y's.
                    if let sub = titlePhrase(s, at: k), !sub.roles.isEmpty, nameRun(s, at: sub.span.upperBound) == nil,
                       !(sub.span.upperBound < t.count && t[sub.span.upperBound].text == "," && nameRun(s, at: sub.span.upperBound + 1) != nil),
                       roles.isEmpty || endsApposition(s, sub.span.upperBound) {
                        if roles.isEmpty { rule = "person.name-title" }
                        roles += sub.roles
                        country = country ?? sub.country
                        end = sub.span.upperBound
                    }
                }
                if let name {
                    if hasInitial(s, name) { rule = "person.initial-surname" }
                    // « le président kazakh X et son prédécesseur Y »: who held the office before is of its country.
                    if country == nil, PeopleWords.sameOffice.contains(t[i]), i > 0, PeopleWords.possessive.contains(t[i - 1]),
                       let holder = out.last(where: { $0.sentence == s.index }) { country = holder.country }
                    let start = i > 0 && FrenchWords.determiners.contains(t[i - 1]) ? i - 1 : i
                    var c = candidate(s, span: start..<end, name: name, roles: roles, rule: rule,
                                      country: country ?? delegationCountry(s, before: start))
                    if c.country == nil { c.awayFrom = delegationHost(s, before: start) ?? visitingCountry(s, after: name.upperBound) }
                    out.append(c)
                    for k in start..<end { taken.insert(k) }
                    if name.count >= 2 { for k in start..<name.lowerBound { titled.insert(k) } }
                    j = end
                } else if !phrase.roles.isEmpty {
                    let start = i > 0 && FrenchWords.determiners.contains(t[i - 1]) ? i - 1 : i
                    titleOnly.append(PersonMention(sentence: s.index, span: start..<phrase.span.upperBound, name: nil, person: nil,
                                                   roles: phrase.roles.map(\.title), category: phrase.roles[0].category,
                                                   country: phrase.country))
                }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        // « Hoang Van Lai, secrétaire du Comité du Parti de la province, a … »
        i = 0
        while i < t.count {
            // « a reçu à Hanoï Samdech X, présidente de … »: a place named just before does not join the name.
            // « Selon X, vice-Premier ministre, … »: a capitalised word opening the sentence is no part of the name
            // when it is a grammar word.
            guard !taken.contains(i), i == 0 || !t[i - 1].isCapitalized || t[i - 1].isPunctuation || !s.countries(at: i - 1).isEmpty
                    || (i == 1 && (FrenchWords.isFunctionWord(t[0]) || PeopleWords.accordingTo.contains(t[0]))),
                  let r = nameRun(s, at: i), !taken.contains(r.upperBound - 1) else { i += 1; continue }
            var k = r.upperBound
            if k + 1 < t.count, t[k].text == ",", !PeopleWords.possessive.contains(t[k + 1]) {
                k += 1
                if k < t.count, FrenchWords.determiners.contains(t[k]) { k += 1 }
                // « R. Kowal, ancien Premier ministre, … »: a former office is still the title in apposition.
                if k < t.count, PeopleWords.former.contains(t[k]) { k += 1 }
                // « Anna Nowak, le ministre polonais Jan Kowal et … »: a title already read with the name
                // after it is that person's, not an apposition to the name before.
                if r.count >= 2, !titled.contains(k), let phrase = titlePhrase(s, at: k) {
                    var c = candidate(s, span: r.lowerBound..<phrase.span.upperBound, name: r, roles: phrase.roles,
                                      rule: hasInitial(s, r) ? "person.initial-surname" : "person.name-title",
                                      country: phrase.country ?? delegationCountry(s, before: r.lowerBound))
                    if c.country == nil { c.awayFrom = delegationHost(s, before: r.lowerBound) ?? visitingCountry(s, after: phrase.span.upperBound) }
                    out.append(c)
                    i = phrase.span.upperBound
                    continue
                }
            }
            // « a déclaré Hoang Van Lai », « selon Hoang Van Lai »; « une délégation conduite par Vu Van Lai »
            if r.count >= 2, i >= 1, isInvertedSpeech(t, before: i) || ledBy(t, before: i) {
                var c = candidate(s, span: r, name: r, roles: [], rule: ledBy(t, before: i) ? "person.led-by" : "person.inverted-speech",
                                  country: delegationCountry(s, before: r.lowerBound))
                c.awayFrom = delegationHost(s, before: r.lowerBound)
                out.append(c)
                i = r.upperBound
                continue
            }
            // « Petrov Ivan Sergueïevitch a réaffirmé »; « le ministre a reçu Hoang Van Lai »
            if r.count >= 2, startsHumanPredicate(t, r.upperBound) || isMeetingObject(t, before: i) {
                var c = candidate(s, span: r, name: r, roles: [], rule: "person.subject", country: nil)
                c.weak = true
                out.append(c)
            }
            i = r.upperBound
        }
    }

    /// Words read after a title phrase that belong to it, and to the institution it names.
    func lengthenLastRole(_ roles: inout [Role], by words: String) {
        roles[roles.count - 1].title += " " + words
        if let o = roles[roles.count - 1].organisation { roles[roles.count - 1].organisation = o + " " + words }
    }

    /// What may follow a name in apposition: the end of the apposition, a verb (« X a signé »), or a
    /// second person (« X et le gouverneur Y », « X et son épouse »).
    func endsApposition(_ s: AnalysedSentence, _ e: Int) -> Bool {
        let t = s.tokens
        guard e < t.count else { return true }
        if [",", ".", ";", ")", ":"].contains(t[e].text) || FrenchWords.isAuxiliary(t[e]) { return true }
        return PeopleWords.and.contains(t[e]) && e + 1 < t.count && (FrenchWords.determiners.contains(t[e + 1]) || title(s, at: e + 1) != nil)
    }

    /// « le président de l'Office des marchés publics de Lodz, Anna Nowak, »: up to eight more words of
    /// the title (no verb, no other title, no punctuation), then a comma and a name of two words or more.
    func longApposition(_ s: AnalysedSentence, from j: Int) -> (Int, Range<Int>)? {
        let t = s.tokens
        var k = j
        // « membre du Bureau politique et permanent du Secrétariat du Comité central du Parti, X, »: Party
        // offices run long.
        while k < t.count, k - j <= 14 {
            let w = t[k]
            if w.text == "," {
                guard k > j, let r = nameRun(s, at: k + 1), r.count >= 2, endsApposition(s, r.upperBound) else { return nil }
                return (k, r)
            }
            if w.isPunctuation || w.isNumber || FrenchWords.isAuxiliary(w) || PeopleWords.presentVerb.contains(w)
                || FrenchWords.pronouns.contains(w) || title(s, at: k) != nil { return nil }
            // « de l'Enseignement supérieur et technique », not « et ses conseillers »
            if PeopleWords.and.contains(w), !PeopleWords.of.contains(s.word(k + 1)),
               !(k + 1 < t.count && !t[k + 1].isCapitalized && isAdjective(t[k + 1].folded)) { return nil }
            k += 1
        }
        return nil
    }

    /// « X, en visite officielle au Portugal, … »: a guest is not from the country it visits.
    func visitingCountry(_ s: AnalysedSentence, after e: Int) -> String? {
        let t = s.tokens
        guard e + 1 < t.count, t[e].text == ",", PeopleWords.on.contains(t[e + 1]), PeopleWords.visit.contains(s.word(e + 2)) else { return nil }
        for k in (e + 3)..<min(t.count, e + 8) {
            if let c = s.countries(at: k).first(where: { $0.form != .demonym }), PeopleWords.destination.contains(s.word(k - 1)) || FrenchWords.isPrepositionA(t[k - 1]) {
                return c.iso2
            }
        }
        return nil
    }

    /// « R. Kowalski »: an initial before the surname.
    func hasInitial(_ s: AnalysedSentence, _ r: Range<Int>) -> Bool { r.contains { s.tokens[$0].text == "." } }

    func text(_ s: AnalysedSentence, _ r: Range<Int>) -> String {
        let t = s.tokens
        guard !r.isEmpty else { return "" }
        let base = s.sentence.range.lowerBound
        // A slice of the sentence's own UTF-8 (no copy of the whole sentence per name).
        let u = s.sentence.text.utf8
        let lo = u.index(u.startIndex, offsetBy: t[r.lowerBound].range.lowerBound - base)
        let hi = u.index(u.startIndex, offsetBy: t[r.upperBound - 1].range.upperBound - base)
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }

    /// The name as written, with the space a page lost between two of its capitalised words put
    /// back (« Pham BinhMinh » → « Pham Binh Minh », `GluedWords`).
    func nameText(_ s: AnalysedSentence, _ r: Range<Int>) -> String {
        let t = s.tokens
        // The name as written between its glued places, joined by a space.
        var parts: [String] = []
        var start = r.lowerBound
        for k in r.dropFirst() where isGlued(t[k - 1], t[k]) {
            parts.append(text(s, start..<k))
            start = k
        }
        parts.append(text(s, start..<r.upperBound))
        return parts.joined(separator: " ")
    }

    private func isGlued(_ a: Token, _ b: Token) -> Bool {
        a.range.upperBound == b.range.lowerBound && a.isCapitalized && b.isCapitalized && !a.isPunctuation && !b.isPunctuation
    }

    /// One spelling per title: « ministre de l’Économie » and « ministre de l'Économie » are one role.
    static func normalisedTitle(_ s: String) -> String {
        // Most titles have no typographic apostrophe (E2 80 99): no Foundation search for them.
        guard s.utf8Contains(0x99) else { return s }
        // Replaced byte for byte (Foundation's search cost tens of thousands of instructions per title),
        // unless a combining mark follows one: then it is part of another character, left to Foundation.
        var b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                if i + 3 < b.count, b[i + 3] == 0xCC || b[i + 3] == 0xCD { return s.replacingOccurrences(of: "\u{2019}", with: "'") }
                out.append(UInt8(ascii: "'"))
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        b = out
        return String(decoding: b, as: UTF8.self)
    }

    /// « conduite par X », « menée par le professeur X »: a delegation's leader, titled or not.
    func ledBy(_ t: [Token], before i: Int) -> Bool {
        var k = i
        if k >= 3, PeopleWords.article.contains(t[k - 2]), !t[k - 1].isCapitalized, !t[k - 1].isPunctuation,
           !FrenchWords.isFunctionWord(t[k - 1]) { k -= 2 }
        return k >= 2 && PeopleWords.by.contains(t[k - 1]) && PeopleWords.ledBy.contains(t[k - 2])
    }

    /// « une délégation kazakhe conduite par X », « une délégation de la province du Hunan (Chine) menée
    /// par X »: the leader belongs to the delegation's country.
    func delegationCountry(_ s: AnalysedSentence, before start: Int) -> String? {
        let t = s.tokens
        guard start >= 2, PeopleWords.by.contains(t[start - 1]), PeopleWords.ledByAny.contains(t[start - 2]),
              let d = (max(0, start - 16)..<(start - 2)).last(where: { PeopleWords.delegation.contains(t[$0]) }) else { return nil }
        var found: String?
        for k in (d + 1)..<(start - 2) {
            let prev = s.folded(k - 1)
            if PeopleWords.destination.contains(prev) || FrenchWords.isPrepositionA(t[k - 1]) { continue }
            if let c = s.countries(at: k).first { found = c.iso2 }
            else if let p = place(s, at: k) { found = found ?? p.payload.place.iso2 }
        }
        return found
    }

    /// « une délégation du parti X conduite par son président, Y, en visite de travail en Pologne »: the
    /// delegation's country is not stated, but it is not the country it visits or is received in.
    func delegationHost(_ s: AnalysedSentence, before start: Int) -> String? {
        let t = s.tokens
        var k = start
        if k >= 1, FrenchWords.determiners.contains(t[k - 1]) { k -= 1 }
        guard k >= 2, PeopleWords.by.contains(t[k - 1]), PeopleWords.ledBy.contains(t[k - 2]),
              (max(0, k - 16)..<(k - 2)).contains(where: { PeopleWords.delegation.contains(t[$0]) }) else { return nil }
        return s.countries.first { c in
            guard c.form != .demonym else { return false }
            let i = c.tokens.lowerBound
            let before = s.folded(i - 1)
            return (PeopleWords.inCountry.contains(before) || PeopleWords.to.contains(before)) && (i == 0 || !FrenchWords.isVerbA(t[i - 1]))
        }?.iso2
    }

    func candidate(_ s: AnalysedSentence, span: Range<Int>, name: Range<Int>, roles: [Role], rule: String, country: String?) -> Candidate {
        let t = s.tokens
        let written = nameText(s, name)
        // « Samdech Sok Vanna »: an honorific of one country before the name.
        var k = name.lowerBound - 1
        var honoured: String?
        while k >= 0, PeopleWords.honorific.contains(t[k]) || (k > 0 && Self.isApostrophe(t[k]) && PeopleWords.honorific.contains(t[k - 1])) {
            honoured = honoured ?? PeopleWords.honorificCountry[t[k].folded]
            k -= 1
        }
        return Candidate(sentence: s.index, span: span, name: name, text: written, words: t[name].map(\.folded),
                         skeleton: Transliteration.words(name: written), roles: roles, country: country ?? honoured,
                         rule: honoured != nil && country == nil ? "person.nationality-honorific" : rule)
    }

    /// A title and what qualifies it: demonym, « des Transports maritimes », « du Parti social-démocrate
    /// de Lettonie », a coordinated second title (« vice-Premier ministre et ministre de la Santé »).
    func titlePhrase(_ s: AnalysedSentence, at i: Int) -> TitlePhrase? {
        let t = s.tokens
        guard let m = title(s, at: i) else { return nil }
        if m.payload.category == "honorific" { return TitlePhrase(span: m.tokens, roles: [], country: nil) }
        // « président » as a common noun needs a capital-free, non-verbal context; titles are lower case in French.
        if t[i].isCapitalized && i > 0 && !PeopleWords.capitalisedTitle.contains(t[i]) && !t[i - 1].isPunctuation
            && !FrenchWords.determiners.contains(t[i - 1]) && !FrenchWords.contractedArticles.contains(t[i - 1]) { return nil }
        var j = m.tokens.upperBound
        var country: String?
        var kept: [Range<Int>] = [m.tokens.lowerBound..<j]
        var extraRoles: [Role] = []
        var hadOf = false
        /// Whether the first complement of the title was one capitalised institution (« de la Commission »).
        var firstOfInstitution: Bool?
        /// Where the organisation the title belongs to starts (« président du parti Aube nouvelle »).
        var organisationStart: Int?
        var organisationEnd: Int?
        var international = false
        // « Tran Van Nam, directeur de Viettel Global, a dit »: a title in apposition after a name names no
        // one after it, so the capitalised words that follow its « de » belong to the institution.
        let appositive = m.tokens.lowerBound >= 2 && t[m.tokens.lowerBound - 1].text == "," && t[m.tokens.lowerBound - 2].isCapitalized
        /// The end of a capitalised complement (« de Viettel Global », « de Vietnam Airlines ») that stops at a
        /// comma before a name, or anywhere in an appositive title; nil when a name may be among its words.
        func wholeProperComplement(from k: Int) -> Int? {
            var e = k
            while e < t.count, t[e].isCapitalized, !t[e].isPunctuation { e += 1 }
            // « de Binh Son, et Jan Kowal »: the same when « et » follows the comma.
            if e < t.count, t[e].text == "," && (nameRun(s, at: e + 1) != nil || PeopleWords.and.contains(s.word(e + 1))) || t[e].text == "(" { return e }
            return appositive ? e : nil
        }
        loop: while j < t.count {
            let fk = t[j]
            let f = fk.folded
            if let c = s.countries(at: j).first, c.form == .demonym {
                if country == nil { country = c.iso2 }
                j = c.tokens.upperBound
                continue
            }
            if PeopleWords.and.contains(fk), let sub = titlePhrase(s, at: j + 1) {
                organisationEnd = j
                extraRoles += sub.roles
                if country == nil { country = sub.country }
                j = sub.span.upperBound
                break loop
            }
            // « de la Pêche et des Forêts », « à la Jeunesse et aux Sports »: one institution.
            if PeopleWords.and.contains(fk), j > m.tokens.upperBound, PeopleWords.of.contains(s.word(j + 1)) || PeopleWords.to.contains(s.word(j + 1)), !FrenchWords.isVerbA(t[j + 1]),
               let head = (j + 2..<min(t.count, j + 4)).first(where: { !PeopleWords.article.contains(t[$0]) }),
               t[head].isCapitalized || t[head].isAcronym {
                j += 1
                continue
            }
            // « ministre de l'Énergie, des Mines et de l'Eau, X »: the institution's domains listed with commas.
            if t[j].text == ",", hadOf, PeopleWords.of.contains(s.word(j + 1)),
               let head = (j + 2..<min(t.count, j + 4)).first(where: { !PeopleWords.article.contains(t[$0]) }),
               t[head].isCapitalized, !t[head].isPunctuation, nameRun(s, at: j + 1) == nil {
                j += 1
                continue
            }
            // « président de la Chambre basse (chambre des élus) X »: a lower-case gloss in brackets.
            if t[j].text == "(", hadOf, let close = (j + 1..<min(t.count, j + 6)).first(where: { t[$0].text == ")" }), close > j + 1,
               (j + 1..<close).allSatisfy({ !t[$0].isCapitalized && !t[$0].isPunctuation && !t[$0].isNumber }) {
                j = close + 1
                continue
            }
            // « du Conseil régional permanent de … », « secrétaire d'État adjoint à … »,
            // « le ministre fédéral allemand de … » (an adjective before the demonym)
            if !t[j].isCapitalized, isAdjective(f), s.countries(at: j).isEmpty, j + 1 < t.count,
               PeopleWords.of.contains(t[j + 1]) || t[j + 1].text == "," || FrenchWords.isPrepositionA(t[j + 1])
                || (m.payload.category == "diplomat" && PeopleWords.destination.contains(t[j + 1]))
                || s.countries(at: j + 1).contains(where: { $0.form == .demonym }) {
                j += 1
                kept.append(kept.removeLast().lowerBound..<j)
                continue
            }
            // « le président du Comité populaire provincial Vo Van Minh »: an adjective of the institution the
            // title ends with, then the name (only adjectives of territory, « provincial », « municipal »,
            // which no verb of a headline looks like).
            if !t[j].isCapitalized, (m.tokens.lowerBound..<j).contains(where: { t[$0].isCapitalized && bodies.contains(t[$0]) }),
               PeopleWords.institutionAdjectiveEnding.contains(where: { f.hasSuffix($0) }), isAdjective(f),
               j + 1 < t.count, t[j + 1].isCapitalized, nameRun(s, at: j + 1) != nil {
                j += 1
                kept.append(kept.removeLast().lowerBound..<j)
                continue
            }
            // « le président fédéral X », « le Premier ministre sortant X »: adjectives of an office, whatever follows.
            if PeopleWords.officeAdjective.contains(fk) {
                j += 1
                kept.append(kept.removeLast().lowerBound..<j)
                continue
            }
            // « ministre déléguée chargée de la Francophonie »
            if PeopleWords.charged.contains(fk), PeopleWords.of.contains(s.word(j + 1)) {
                j += 1
                continue
            }
            // « (Japon) » after the institution: its country.
            if t[j].text == "(", j + 2 < t.count, t[j + 2].text == ")", let c = s.countries(at: j + 1).first, c.form == .name {
                if country == nil { country = c.iso2 }
                j += 3
                continue
            }
            var k = j
            let j0 = j
            let isOf = PeopleWords.of.contains(fk)
            let isNear = PeopleWords.near.contains(fk) && PeopleWords.of.contains(s.word(j + 1))
            let isAt = m.payload.category == "diplomat" && (PeopleWords.inCountry.contains(fk) && !FrenchWords.isVerbA(t[j]) || isNear)
            // « secrétaire d'État aux Mines », « consul général à Lyon »: a domain or a posting, no nationality.
            let isTo = PeopleWords.to.contains(fk) && !FrenchWords.isVerbA(t[j]) && m.payload.category != "generic"
                && (j + 1 < t.count && (t[j + 1].isCapitalized || PeopleWords.article.contains(t[j + 1])))
            guard isOf || isAt || isTo else { break }
            k += isNear ? 2 : 1
            if k < t.count, PeopleWords.article.contains(t[k]) { k += 1 }
            guard k < t.count, !t[k].isPunctuation else { break }
            // « la visite du ministre vietnamien au Chili »: a country after « au » is where the official
            // goes, not a portfolio (« secrétaire d'État aux Mines »); only a diplomat is posted there.
            if isTo, !isOf, !isAt, m.payload.category != "diplomat", s.countries(at: k).contains(where: { $0.form != .demonym }) { break }
            // « directeur général de l'AIEA », not « ministre des Affaires étrangères et de l'Union européenne »:
            // the organisation is the first complement of a title that is not a national office.
            // « secrétaire général de l'ONU »: an office parties and organisations both have; « président de la
            // Commission de l'UA »: the organisation after the one institution of the title.
            if isOf, !hadOf || firstOfInstitution == true, s.organisation(at: k) != nil,
               !PeopleWords.nationalOffice.contains(m.payload.category) || PeopleWords.sharedOffice.contains(m.payload.category) { international = true }
            if isOf { firstOfInstitution = !hadOf && t[k].isCapitalized && s.countries(at: k).isEmpty && s.organisation(at: k) == nil; hadOf = true }
            if isOf, organisationStart == nil, PeopleWords.organisationHead.contains(t[k]) || s.organisation(at: k) != nil {
                organisationStart = k
            }
            if let c = s.countries(at: k).first(where: { $0.form != .demonym }) {
                if country == nil && isOf { country = c.iso2 }
                j = c.tokens.upperBound
                // « directeur de Vietnam Airlines, X »: a country named without its article starts a company's name.
                if isOf, k == j0 + 1, c.form == .name, j < t.count, t[j].isCapitalized, !t[j].isPunctuation,
                   let e = wholeProperComplement(from: j) {
                    j = e
                }
                kept.append(kept.removeLast().lowerBound..<j)
                if k < t.count, s.folded(j) == "(" , j + 2 < t.count, t[j + 1].isAcronym, t[j + 2].text == ")" { j += 3 }
                continue
            }
            if let p = place(s, at: k) {
                if country == nil && isOf { country = p.payload.place.iso2 }
                j = p.tokens.upperBound
                kept.append(kept.removeLast().lowerBound..<j)
                continue
            }
            if isTo, t[k].isCapitalized, !bodies.contains(t[k]) {
                // A posting city: « à Can Tho ».
                var e = k
                while e < t.count, t[e].isCapitalized, !t[e].isPunctuation { e += 1 }
                j = e
                kept.append(kept.removeLast().lowerBound..<j)
                continue
            }
            guard isOf || isTo else { break }
            if let o = s.organisation(at: k) {
                j = o.tokens.upperBound
                kept.append(kept.removeLast().lowerBound..<j)
                continue
            }
            if FrenchWords.isFunctionWord(t[k]) || FrenchWords.isAuxiliary(t[k]) { break }
            // The institution's head noun, then its adjectives and capitalised parts.
            let isPlace = PeopleWords.placeNoun.contains(t[k])
            var n = k + 1
            // « la corporation d'État Rosatom, X »: the head, qualified, then its name.
            var qualified = false
            // « de Tân Lập, Ho Van Lai »: a proper-noun complement ends at the comma before the name.
            if t[k].isCapitalized, !bodies.contains(t[k]), !t[k].isAcronym, let e = wholeProperComplement(from: k) { n = e }
            while n < t.count {
                let w = t[n]
                if w.isPunctuation {
                    if w.text == "(", n + 2 < t.count, t[n + 1].isAcronym, t[n + 2].text == ")" { n += 3; continue }
                    break
                }
                if n == k + 1, !t[k].isCapitalized, PeopleWords.organisationHead.contains(t[k]), PeopleWords.of.contains(w),
                   n + 1 < t.count, PeopleWords.stateQualifier.contains(t[n + 1]) {
                    n += 2; qualified = true
                    continue
                }
                if let c = s.countries(at: n).first, c.form == .demonym {
                    // « la Marine nationale chilienne », « la province chinoise du Hunan »
                    if country == nil { country = c.iso2 }
                    n = c.tokens.upperBound
                    continue
                }
                if w.isCapitalized {
                    if bodies.contains(w) || w.isAcronym || !s.countries(at: n).isEmpty || s.organisation(at: n) != nil { n += 1; continue }
                    // « du parti Aube nouvelle, Jan Kowal »: a lower-case organisation noun, then its name
                    // up to the comma before the person's.
                    // « de l'entreprise suédoise Volvo Asia, X »: lower-case qualifiers (a demonym) may sit between.
                    let bare = n == k + 1 || qualified || !(k + 1..<n).contains { t[$0].isCapitalized }
                    if bare, !t[k].isCapitalized, PeopleWords.organisationHead.contains(t[k]) {
                        var e = n
                        while e < t.count, !t[e].isPunctuation, t[e].isCapitalized || (e > n && !FrenchWords.isFunctionWord(t[e]) && !FrenchWords.isAuxiliary(t[e])) { e += 1 }
                        // In a title in apposition after a name, no name follows: the capitalised words are the organisation's.
                        if e < t.count, t[e].text == ",", nameRun(s, at: e + 1) != nil || appositive { n = e }
                        else if e == t.count || t[e].isPunctuation, appositive { n = e }
                    }
                    break
                }
                if isAdjective(w.folded) { n += 1; continue }
                break
            }
            if isPlace, n < t.count, PeopleWords.of.contains(t[n]) && !PeopleWords.ofPlural.contains(t[n]) || t[n].isCapitalized {
                // « la province de Binh Tan », « la préfecture de Gifu », « la région Grand Est »
                if !t[n].isCapitalized { n += 1 }
                if let p = place(s, at: n) {
                    if country == nil { country = p.payload.place.iso2 }
                    n = p.tokens.upperBound
                } else {
                    let first = n
                    while n < t.count {
                        if t[n].isCapitalized && !t[n].isPunctuation { n += 1; continue }
                        if n > first, PeopleWords.of.contains(t[n]), !PeopleWords.ofPlural.contains(t[n]), n + 1 < t.count, t[n + 1].isCapitalized, !t[n + 1].isPunctuation { n += 1; continue }
                        break
                    }
                }
            }
            j = n
            kept.append(kept.removeLast().lowerBound..<j)
        }
        // « président de la Diète polonaise », « de la Knesset »: an institution inside the title gives the nationality.
        if country == nil {
            for k in m.tokens.lowerBound..<j {
                guard let p = place(s, at: k), p.tokens.upperBound <= j else { continue }
                var b = k - 1
                if b >= 0, PeopleWords.article.contains(t[b]) { b -= 1 }
                if b >= 0, PeopleWords.of.contains(t[b]) { country = p.payload.place.iso2; break }
            }
        }
        let bytes = Array(s.sentence.text.utf8)
        let base = s.sentence.range.lowerBound
        // The role as written, without the demonym (« président biélorusse » → « président »).
        var words: [String] = []
        for r in kept where !r.isEmpty {
            var lo = r.lowerBound
            for k in r {
                if let c = s.countries(at: k).first, c.form == .demonym, k > r.lowerBound {
                    if k > lo { words.append(String(decoding: bytes[(t[lo].range.lowerBound - base)..<(t[k - 1].range.upperBound - base)], as: UTF8.self)) }
                    lo = c.tokens.upperBound
                }
            }
            if lo < r.upperBound {
                words.append(String(decoding: bytes[(t[lo].range.lowerBound - base)..<(t[r.upperBound - 1].range.upperBound - base)], as: UTF8.self))
            }
        }
        let title = Self.normalisedTitle(words.joined(separator: " "))
        // « son homologue polonais X »: X is Polish, but « homologue » is a relation, not X's role.
        if PeopleWords.relation.contains(t[i]) { return TitlePhrase(span: m.tokens.lowerBound..<j, roles: [], country: country) }
        let organisation = organisationStart.flatMap { o in o < (organisationEnd ?? j) ? Self.normalisedTitle(text(s, o..<(organisationEnd ?? j))) : nil }
        var roles: [Role] = []
        if m.payload.category != "generic" { roles.append(Role(title: title, category: m.payload.category, country: country, organisation: organisation, international: international)) }
        roles += extraRoles
        if roles.isEmpty { roles.append(Role(title: title, category: m.payload.category, country: country, organisation: organisation, international: international)) }
        return TitlePhrase(span: m.tokens.lowerBound..<j, roles: roles, country: country)
    }

    func isAdjective(_ f: String) -> Bool {
        guard f.utf8.count >= 3, !FrenchWords.isFunctionWord(f), !FrenchWords.auxiliaries.contains(f) else { return false }
        if f.hasSuffix("ment") || f.hasSuffix("ant") && !f.hasSuffix("permanent") { return false }
        return PeopleWords.adjectiveEnding.contains { f.hasSuffix($0) } && !PeopleWords.presentVerb.contains(f)
    }

    /// Nouns heading a territory named after them (VisitExtractor reads them too).
    static let placeNouns = PeopleWords.placeNoun

    static func isApostrophe(_ t: Token) -> Bool { t.text == "'" || t.text == "\u{2019}" }

    /// A run of 1–5 capitalised words that can be a person's name.
    /// Honorifics before it are skipped (« M. », « Mme », « Samdech Techo »: not part of the name), and an
    /// initial is part of it (« R. Kowalski », « Anna M. Nowak »).
    func nameRun(_ s: AnalysedSentence, at start: Int) -> Range<Int>? {
        let t = s.tokens
        var i = start
        while i < t.count {
            // « l'émir du Qatar, cheikh Tamim … »: an honorific may be written in lower case before the name.
            if PeopleWords.honorific.contains(t[i]), t[i].isCapitalized || (i + 1 < t.count && t[i + 1].isCapitalized && !t[i + 1].isPunctuation) {
                i += 1
                // « Dato' Seri Lim Ah Kow »: the honorific's own apostrophe, a token of its own, goes with it.
                if i + 1 < t.count, Self.isApostrophe(t[i]), t[i + 1].isCapitalized { i += 1 }
                continue
            }
            if let m = title(s, at: i), m.payload.category == "honorific", m.tokens.upperBound < t.count,
               t[m.tokens.upperBound].isCapitalized { i = m.tokens.upperBound; continue }
            break
        }
        // A name starts with a capital: every reading below stops at once on a lower-case word, number or
        // punctuation, and this is asked of nearly every token (the place look-up cost most of the time).
        guard i < t.count, t[i].isCapitalized else { return nil }
        // « Can Tho », « Grand Est »: places, not people.
        if place(s, at: i) != nil { return nil }
        if let r = vietnameseNameLed(s, at: i) { return r }
        var j = i
        while j < t.count, j - i < 5 {
            let w = t[j]
            // « R. Kowalski »: a one-letter capital and its full stop, before another name word.
            if w.text == ".", j > i, t[j - 1].isCapitalized, t[j - 1].text.count == 1, j + 1 < t.count,
               t[j + 1].isCapitalized, !t[j + 1].isPunctuation, isNameWord(s, j + 1) { j += 1; continue }
            if w.isPunctuation || w.isNumber { break }
            if !w.isCapitalized {
                // « Abdel Fattah al-Sissi », « Mohamed el-Amine »: an Arabic article joined to the name by a hyphen.
                if j > i, let h = w.text.firstIndex(of: "-"), w.text[w.text.index(after: h)...].first?.isUppercase == true,
                   PeopleWords.joinedArticle.contains(String(w.folded.prefix { $0 != "-" })) { j += 1; continue }
                // « Ursula von der Leyen »: particles may follow one another.
                if PeopleWords.particle.contains(w), j > i,
                   let next = (j + 1..<min(t.count, j + 3)).first(where: { !PeopleWords.particle.contains(t[$0]) }),
                   t[next].isCapitalized, !t[next].isPunctuation { j = next; continue }
                // « Ana Ruiz de Olano », « Luis De la Fuente »: a Spanish or Portuguese « de » (« la »)
                // between name words, not before a place (« Jan Kowal de Varsovie ») and not in a
                // Vietnamese name (« Ho Van Lai de Tân Lập »: the place is not in the reference data).
                let particleArticle = PeopleWords.article.contains(w) && PeopleWords.innerParticle.contains(t[max(i, j - 1)].folded)
                if j - i >= 2, PeopleWords.innerParticle.contains(w) || particleArticle,
                   j + 1 < t.count, t[j + 1].isCapitalized, !t[j + 1].isPunctuation,
                   particleArticle || isNameWord(s, j + 1), place(s, at: j + 1) == nil,
                   !looksVietnamese(t[i..<j].map(\.folded), "") { j += 1; continue }
                break
            }
            // A capitalised « Son » or « Le » inside a name is part of it (« Ho Thanh Son », « Le Goff »).
            if !isNameWord(s, j) && !(j > i && (FrenchWords.isFunctionWord(w) || FrenchDate.month(w.folded) != nil)
                                        && isNameWordIgnoringGrammar(s, j)) { break }
            j += 1
        }
        // « le roi Charles III »: a regnal number closes the name.
        if j > i, j < t.count, PeopleWords.regnalNumber.contains(t[j].text) { j += 1 }
        return j > i ? i..<j : nil
    }

    /// Vietnamese family names that fold to French words (« Lê », « Mai », « La »): a name when
    /// capitalised and followed by the short capitalised syllables of a Vietnamese name
    /// (« Lê Van Tam », « Mai Thi Hoa »), not by a French noun (« Le Parti », « Le Sénat »).
    func vietnameseNameLed(_ s: AnalysedSentence, at i: Int) -> Range<Int>? {
        let t = s.tokens
        let w = t[i]
        guard w.isCapitalized, !w.isAcronym, FrenchWords.isFunctionWord(w) || FrenchDate.month(w.folded) != nil,
              w.folded.utf8.count <= 3 || FrenchDate.month(w.folded) != nil else { return nil }
        let marked = w.text.unicodeScalars.contains { $0.value > 0x7F }
        var j = i + 1
        while j < t.count, j - i < 4 {
            let x = t[j]
            guard x.isCapitalized, !x.isPunctuation, !x.isAcronym, Self.isVietnameseSyllable(x.folded),
                  isNameWord(s, j) || (FrenchWords.isFunctionWord(x) && isNameWordIgnoringGrammar(s, j)) else { break }
            j += 1
        }
        let syllables = j - i - 1
        let vietnameseLetters = t[i..<j].contains { tok in tok.text.unicodeScalars.contains { Self.isVietnameseLetter($0) } }
        guard syllables >= 2 || (syllables == 1 && (marked || vietnameseLetters)) else { return nil }
        return i..<j
    }

    /// A syllable spelt as Vietnamese ones are: no f, j, w, z, at most 7 letters, ending in a vowel
    /// or one of the finals c, ch, m, n, ng, nh, p, t.
    static func isVietnameseSyllable(_ f: String) -> Bool {
        guard (1...7).contains(f.utf8.count), f.allSatisfy({ $0.isLetter && !"fjwz".contains($0) }), let last = f.last else { return false }
        if "aeiouy".contains(last) { return true }
        return PeopleWords.vietnameseFinal.contains { f.hasSuffix($0) }
    }

    /// `isVietnameseSyllableShape` of an ASCII word; nil when a byte is not ASCII.
    private static func asciiSyllableShape(_ w: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard w.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard (1...7).contains(w.count), w.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        var i = 0
        for initial in PeopleWords.vietnameseInitials where w.count > initial.utf8.count && w.starts(with: initial.utf8) {
            i = initial.utf8.count
            break
        }
        let vowelStart = i
        while i < w.count, Self.vowels.contains(w[i]) { i += 1 }
        guard (1...3).contains(i - vowelStart) else { return false }
        return i == w.count || PeopleWords.vietnameseFinal.contains(String(decoding: UnsafeBufferPointer(rebasing: w[i...]), as: UTF8.self))
    }

    private static let vowels: [UInt8] = Array("aeiouy".utf8)

    static func isVietnameseLetter(_ u: Unicode.Scalar) -> Bool {
        (0x1EA0...0x1EF9).contains(u.value) || [0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0110, 0x0111, 0x0102, 0x0103].contains(u.value)
    }

    func isNameWord(_ s: AnalysedSentence, _ j: Int) -> Bool {
        let w = s.tokens[j]
        let fk = w
        let f = fk.folded
        if FrenchWords.isFunctionWord(fk) || bodies.contains(fk) || FrenchDate.month(f) != nil || FrenchDate.weekdays.contains(f) { return false }
        if w.isAcronym && w.text.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 2 { return false }
        if s.isInCountry(j) || s.isInOrganisation(j) { return false }
        if title(s, at: j) != nil { return false }
        return true
    }

    func isNameWordIgnoringGrammar(_ s: AnalysedSentence, _ j: Int) -> Bool {
        let fk = s.tokens[j]
        return !bodies.contains(fk) && s.countries(at: j).isEmpty && title(s, at: j) == nil
    }

    /// `person.inverted-speech` ends right before token `i` (seeds/grammar/people.rules).
    func isInvertedSpeech(_ t: [Token], before i: Int) -> Bool {
        let s = PatternSubject(tokens: t)
        for start in stride(from: i - 1, through: max(0, i - 2), by: -1) {
            if let m = Self.invertedSpeech.match(s, at: start), m.tokens.upperBound == i { return true }
        }
        return false
    }

    /// `person.object` ends right before token `i` (seeds/grammar/people.rules).
    func isMeetingObject(_ t: [Token], before i: Int) -> Bool {
        let s = PatternSubject(tokens: t)
        for start in stride(from: i - 1, through: max(0, i - 3), by: -1) {
            if let m = Self.meetingObject.match(s, at: start), m.tokens.upperBound == i { return true }
        }
        return false
    }

    static let meetingObject = RuleBook.embedded.rule("person.object").pattern

    /// `person.subject` starts at token `k`, right after a name (seeds/grammar/people.rules).
    func startsHumanPredicate(_ t: [Token], _ k: Int) -> Bool {
        Self.humanPredicate.match(PatternSubject(tokens: t), at: k) != nil
    }

    static let invertedSpeech = RuleBook.embedded.rule("person.inverted-speech").pattern
    static let humanPredicate = RuleBook.embedded.rule("person.subject").pattern

    // MARK: - One person per name

    func resolve(_ doc: AnalysedDocument, _ candidates: [Candidate], _ titleOnly: [PersonMention]) -> PersonAnalysis {
        // Longest forms first, so « Kowalski » joins « Jan Kowalski ». Forms are compared by their
        // transliteration skeleton: « Roumen Radev » and « Rumen Radev », « Petrov Ivan » and « Ivan Petrov »
        // are one person.
        var groups: [(words: [String], members: [Candidate])] = []
        var byKey: [String: Int] = [:]
        for c in candidates.sorted(by: { $0.skeleton.count > $1.skeleton.count }) {
            let key = c.skeleton.sorted().joined(separator: " ")
            if let g = byKey[key] { groups[g].members.append(c); continue }
            let containing = groups.indices.filter { isSubsequence(c.skeleton, of: groups[$0].words) }
            if containing.count == 1 { groups[containing[0]].members.append(c); continue }
            if containing.count > 1 { continue }  // ambiguous partial name
            byKey[key] = groups.count
            groups.append((c.skeleton, [c]))
        }
        // A name seen only as a weak subject must be confirmed by something else about it.
        groups.removeAll { $0.members.allSatisfy(\.weak) && $0.members.count < 2 && !looksVietnamese($0.members[0].words, $0.members[0].text) }

        var people: [PersonFact] = []
        var evidenceSentences: [Set<Int>] = []
        var firstSentence: [Int] = []
        var forms: [[[String]]] = []
        var awayFrom: [String?] = []
        var international: [Bool] = []
        var categories: [Set<String>] = []
        for g in groups.sorted(by: { a, b in (a.members.map(\.sentence).min()!, a.members.map(\.span.lowerBound).min()!) < (b.members.map(\.sentence).min()!, b.members.map(\.span.lowerBound).min()!) }) {
            let full = g.members[0]
            var p = PersonFact(name: full.text)
            var seenRoles = Set<String>()
            var seenAliases: Set<String> = [full.text]
            var formSet: [[String]] = [full.words]
            var seenForms: Set<[String]> = [full.words]
            var seenSentences = Set<Int>()
            for m in g.members.sorted(by: { ($0.sentence, $0.span.lowerBound) < ($1.sentence, $1.span.lowerBound) }) {
                if seenAliases.insert(m.text).inserted { p.aliases.append(m.text) }
                if seenForms.insert(m.words).inserted { formSet.append(m.words) }
                if p.country == nil { p.country = m.country }
                for r in m.roles where !r.title.isEmpty && seenRoles.insert(Folding.fold(r.title)).inserted {
                    p.roles.append(RoleFact(title: r.title, organisation: r.organisation, country: r.country ?? m.country))
                }
                if seenSentences.insert(m.sentence).inserted { p.evidence.append(doc.sentences[m.sentence].sentence.evidence(m.rule)) }
            }
            evidenceSentences.append(seenSentences)
            people.append(p)
            awayFrom.append(g.members.lazy.compactMap(\.awayFrom).first)
            international.append(g.members.contains { $0.roles.contains(where: \.international) })
            firstSentence.append(g.members.map(\.sentence).min()!)
            forms.append(formSet)
            categories.append(Set(g.members.flatMap { $0.roles.map(\.category) }))
        }

        // Every mention of a known person, titled or not. Candidates and forms are indexed, so this is
        // linear in the article's length however often one person is named.
        var candidateAt: [Int: [Int: Int]] = [:]
        for (k, c) in candidates.enumerated() where candidateAt[c.sentence]?[c.name.lowerBound] == nil {
            candidateAt[c.sentence, default: [:]][c.name.lowerBound] = k
        }
        // Asked of every token of the article: a table that takes the token's hash.
        var formsByFirstWord = WordTable<[(person: Int, form: [String])]>()
        for (p, fs) in forms.enumerated() { for f in fs where !f.isEmpty { formsByFirstWord[f[0]] = (formsByFirstWord[f[0]] ?? []) + [(p, f)] } }
        var mentions: [[PersonMention]] = Array(repeating: [], count: doc.sentences.count)
        for s in doc.sentences {
            let t = s.tokens
            var i = 0
            while i < t.count {
                var best: (person: Int, length: Int)?
                let starting: [(person: Int, form: [String])] = t.withUnsafeBufferPointer { formsByFirstWord.value(ofTokenAt: i, in: $0) } ?? []
                for (p, f) in starting where f.count > (best?.length ?? 0) && i + f.count <= t.count {
                    if (0..<f.count).allSatisfy({ t[i + $0].folded == f[$0] }) { best = (p, f.count) }
                }
                if let b = best {
                    // Include the title phrase before the name.
                    let c = candidateAt[s.index]?[i].map { candidates[$0] }
                    let start = c?.span.lowerBound ?? i
                    mentions[s.index].append(PersonMention(sentence: s.index, span: start..<(i + b.length), name: i..<(i + b.length),
                                                           person: b.person, roles: c?.roles.map(\.title) ?? [], category: c?.roles.first?.category,
                                                           country: c?.country))
                    if evidenceSentences[b.person].insert(s.index).inserted {
                        people[b.person].evidence.append(s.sentence.evidence("person.mention"))
                    }
                    i += b.length
                } else {
                    i += 1
                }
            }
        }

        // « le chef de l'État letton »: the one head of state the article names gets Latvia.
        // Vietnamese-shaped names are settled first by the home country, so they are not candidates.
        // A person of the reference data, named in full, has its nationality whatever the sentence
        // suggests; a surname alone only fills a missing one.
        for p in people.indices {
            let names = [people[p].name] + people[p].aliases
            if let c = names.lazy.filter({ $0.contains(" ") }).compactMap({ knownCountries[Folding.fold($0)] }).first {
                people[p].country = c
            } else if people[p].country == nil, let c = names.lazy.compactMap({ knownCountries[Folding.fold($0)] }).first {
                people[p].country = c
            }
        }
        for p in people.indices where people[p].country == nil {
            if let home = homeCountry, looksVietnamese(forms[p][0], people[p].name), awayFrom[p] != home {
                people[p].country = home
            } else if let away = awayFrom[p], let c = doc.countryRank.first(where: { $0 != away }) {
                people[p].country = c
            }
        }
        let ranked = ["head_of_state", "head_of_government", "party", "government", "parliament", "minister", "diplomat", "official", "local", "military", "business", "generic"]
        for m in titleOnly.sorted(by: { (ranked.firstIndex(of: $0.category ?? "") ?? 99) < (ranked.firstIndex(of: $1.category ?? "") ?? 99) }) {
            guard let c = m.country else { continue }
            // « la vice-présidente vietnamienne » does not make « le président Ram Kumar » Vietnamese: the home
            // country's people have Vietnamese-shaped names.
            let fits = people.indices.filter { p in
                people[p].country == nil && (m.category == "generic" || categories[p].contains(m.category ?? ""))
                    && (c != homeCountry || looksVietnamese(forms[p][0], people[p].name))
            }
            if fits.count == 1 { people[fits[0]].country = c }
        }
        // A foreign official named without any nationality is most likely from the foreign country
        // the text is at when it names them: « Lors de sa visite en Norvège, X a rencontré le ministre
        // du Commerce, Per Olsen » (the sentence, else one of the two before), else from the foreign
        // country the article is most about.
        let foreign = doc.countryRank.first(where: { $0 != homeCountry })
        // An official of an international organisation is of no country the article is about.
        // « l'ambassadrice de Suède, Ann Berg » places Ann Berg's title, not the scene: a country inside
        // someone's title phrase is not where the text is.
        var titleSpans: [Int: [Range<Int>]] = [:]
        for c in candidates where c.span.lowerBound < c.name.lowerBound { titleSpans[c.sentence, default: []].append(c.span) }
        for p in people.indices where people[p].country == nil && !international[p] {
            let titled = !people[p].roles.isEmpty
            if let c = nearbyForeignCountry(doc, sentence: firstSentence[p], reach: titled ? 2 : 0, outside: titleSpans) {
                people[p].country = c
            } else if titled, let foreign {
                people[p].country = foreign
            }
        }

        // Title-only mentions point at the person they most likely mean.
        var counts = Array(repeating: 0, count: people.count)
        for ms in mentions { for m in ms { if let p = m.person { counts[p] += 1 } } }
        for m in titleOnly {
            // « X, président du comité provincial, a … »: a title read before the name behind it was known is
            // that name's apposition; it means that person, whoever else holds a like office.
            // Candidates are numbered in text order: the lowest number holding the title, whatever the dictionary order.
            if let c = candidateAt[m.sentence]?.values.filter({ candidates[$0].span.lowerBound <= m.span.lowerBound && m.span.upperBound <= candidates[$0].span.upperBound })
                .min().map({ candidates[$0] }),
               let named = mentions[m.sentence].first(where: { $0.name == c.name })?.person {
                var mention = m
                mention.person = named
                mentions[m.sentence].append(mention)
                continue
            }
            let role = Folding.fold(m.roles.first ?? "")
            var fits = people.indices.filter { p in
                (m.country == nil || people[p].country == m.country)
                    && (m.category == "generic" ? !categories[p].isDisjoint(with: ["head_of_state", "head_of_government", "party", "government", "minister"])
                        : people[p].roles.contains { r in Self.sameRole(Folding.fold(r.title), role) })
            }
            if fits.isEmpty, m.category != "generic" {
                fits = people.indices.filter { p in (m.country == nil || people[p].country == m.country) && categories[p].contains(m.category ?? "") }
            }
            var mention = m
            // The highest office first, then the most mentioned.
            func rank(_ p: Int) -> Int { categories[p].compactMap { ranked.firstIndex(of: $0) }.min() ?? ranked.count }
            // « la précédente visite d'un Premier ministre polonais »: anyone holding the office, no one named.
            let anyHolder = PeopleWords.indefinite.contains(doc.sentences[m.sentence].tokens[m.span.lowerBound])
            mention.person = anyHolder ? nil : fits.min { (rank($0), -counts[$0]) < (rank($1), -counts[$1]) }
            mentions[m.sentence].append(mention)
        }
        for k in mentions.indices { mentions[k].sort { $0.span.lowerBound < $1.span.lowerBound } }
        return PersonAnalysis(people: people, mentions: mentions, counts: counts)
    }

    /// The first foreign country named (not by its demonym, which may qualify someone else) in sentence
    /// `k` or up to `reach` sentences before it; one introduced by « en », « au », « à » (where the text
    /// is) comes first.
    func nearbyForeignCountry(_ doc: AnalysedDocument, sentence k: Int, reach: Int, outside titles: [Int: [Range<Int>]] = [:]) -> String? {
        for d in 0...reach where k - d >= 0 {
            let s = doc.sentences[k - d]
            let spans = titles[k - d] ?? []
            let named = s.countries.filter { c in
                c.form != .demonym && c.iso2 != homeCountry && !spans.contains { $0.contains(c.tokens.lowerBound) }
            }
            let at = named.first { c in
                let i = c.tokens.lowerBound
                return i > 0 && (PeopleWords.destination.contains(s.tokens[i - 1]) || PeopleWords.at.contains(s.tokens[i - 1]))
            }
            if let c = at ?? named.first { return c.iso2 }
        }
        return nil
    }

    /// « président » is « président letton » but not « présidente de la Cour … »; « présidente de la Cour
    /// des comptes de Lettonie » is « présidente de la Cour des comptes de l'État … de Lettonie ».
    static func sameRole(_ a: String, _ b: String) -> Bool {
        if a == b || a.hasPrefix(b + " ") || b.hasPrefix(a + " ") { return true }
        let x = a.split(separator: " "), y = b.split(separator: " ")
        func within(_ p: [Substring], _ q: [Substring]) -> Bool {
            guard p.count >= 3, p.count < q.count, p[0] == q[0] else { return false }
            var k = 0
            for w in q where k < p.count && w == p[k] { k += 1 }
            return k == p.count
        }
        return within(x, y) || within(y, x)
    }

    func isSubsequence(_ a: [String], of b: [String]) -> Bool {
        guard a.count < b.count else { return false }
        for start in 0...(b.count - a.count) where Array(b[start..<(start + a.count)]) == a { return true }
        return false
    }

    /// Short syllables (« Tran Van Lai »), or letters only Vietnamese uses (ơ, ư, ạ…).
    /// The Vietnamese alphabet has no f, j, w or z: « Wei Tao », « Jae-myung » are not Vietnamese.
    /// Every word must be one syllable as Vietnamese spells them (`isVietnameseSyllableShape`): « Ravi Dutt
    /// Sharma », « Ivo Petkov », « Luis Marin » are not, whatever their length.
    func looksVietnamese(_ words: [String], _ text: String) -> Bool {
        if text.unicodeScalars.contains(where: Self.isVietnameseLetter) { return true }
        guard (2...4).contains(words.count), words.allSatisfy(Self.isVietnameseSyllableShape) else { return false }
        // Two syllables of that shape are common in Khmer, Lao or Chinese names too (« Hun Sen »); a
        // Vietnamese one of two starts with one of the few family names most Vietnamese bear (« To Lam »).
        return words.count > 2 || PeopleWords.vietnameseFamilyName.contains(words[0])
    }

    /// One Vietnamese syllable: an initial consonant (b, ch, gh, ngh, qu, tr, …, or none), one to three
    /// vowels, a final among c, ch, m, n, ng, nh, p, t (« nguyen », « thanh », « hoai »; not « radev »,
    /// « nath », « kovind », « rumen »).
    static func isVietnameseSyllableShape(_ f: String) -> Bool {
        // Asked of every word of every name: an ASCII word (most folded names) is read as bytes, which
        // are then its characters, without the arrays of Characters the general reading below builds.
        if let ascii = f.utf8.withContiguousStorageIfAvailable({ asciiSyllableShape($0) }), let answer = ascii { return answer }
        let w = Array(f)
        guard (1...7).contains(w.count), w.allSatisfy({ $0.isLetter }) else { return false }
        var i = 0
        for initial in PeopleWords.vietnameseInitials where w.count > initial.count && Array(w[0..<initial.count]) == Array(initial) {
            i = initial.count
            break
        }
        let vowelStart = i
        while i < w.count, "aeiouy".contains(w[i]) { i += 1 }
        guard (1...3).contains(i - vowelStart) else { return false }
        return i == w.count || PeopleWords.vietnameseFinal.contains(String(w[i...]))
    }

}

/// A set of token indices of one sentence, as flags: `read` asks it of every token.
struct TokenFlags {
    private var flags: [Bool]
    init(count: Int) { flags = Array(repeating: false, count: count) }
    mutating func insert(_ i: Int) { if i >= 0 && i < flags.count { flags[i] = true } }
    func contains(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] }
}

/// PersonExtractor's word classes (seeds/grammar/people.lexicon).
enum PeopleWords {
    static let nationalOffice = Lexicon.embedded.words("person.national-office")
    static let sharedOffice = Lexicon.embedded.words("person.shared-office")
    static let vietnameseFamilyName = Lexicon.embedded.words("person.vietnamese-family-name")
    static let particle = Lexicon.embedded.words("person.name-particle")
    static let joinedArticle = Lexicon.embedded.words("person.joined-article")
    static let innerParticle = Lexicon.embedded.words("person.inner-name-particle")
    static let honorific = Lexicon.embedded.words("person.honorific")
    static let indefinite = Lexicon.embedded.words("person.indefinite")
    static let regnalNumber = Lexicon.embedded.words("person.regnal-number.as-written")
    /// Folded honorific → ISO code of the one country that uses it (sets `person.honorific-of.xx`).
    static let honorificCountry: [String: String] = {
        var out: [String: String] = [:]
        for id in Lexicon.embedded.ids where id.hasPrefix("person.honorific-of.") {
            let iso2 = String(id.dropFirst("person.honorific-of.".count)).uppercased()
            for w in Lexicon.embedded.words(id) { out[w] = iso2 }
        }
        return out
    }()
    static let relation = Lexicon.embedded.words("person.relation")
    static let sameOffice = Lexicon.embedded.words("person.same-office")
    static let possessive = Lexicon.embedded.words("person.possessive")
    static let ledBy = Lexicon.embedded.words("person.led-by")
    static let ledByAny = Lexicon.embedded.words("person.led-by-any")
    static let delegation = Lexicon.embedded.words("person.delegation")
    static let destination = Lexicon.embedded.words("person.destination")
    static let charged = Lexicon.embedded.words("person.charged")
    static let of = Lexicon.embedded.words("person.of")
    static let article = Lexicon.embedded.words("person.article")
    static let placeNoun = Lexicon.embedded.words("person.place-noun")
    static let organisationHead = Lexicon.embedded.words("person.organisation-head")
    static let stateQualifier = Lexicon.embedded.words("person.state-qualifier")
    static let former = Lexicon.embedded.words("person.former")
    static let accordingTo = Lexicon.embedded.words("person.according-to")
    static let officeAdjective = Lexicon.embedded.words("person.office-adjective")
    static let adjectiveEnding = Lexicon.embedded.words("person.adjective-ending")
    static let institutionAdjectiveEnding = Lexicon.embedded.words("person.institution-adjective-ending")
    static let presentVerb = Lexicon.embedded.words("person.present-verb")
    static let and = Lexicon.embedded.words("person.and")
    static let at = Lexicon.embedded.words("person.at")
    static let ofPlural = Lexicon.embedded.words("person.of-plural")
    static let by = Lexicon.embedded.words("person.by")
    static let on = Lexicon.embedded.words("person.on")
    static let visit = Lexicon.embedded.words("person.visit")
    static let inCountry = Lexicon.embedded.words("person.in-country")
    static let to = Lexicon.embedded.words("person.to")
    static let near = Lexicon.embedded.words("person.near")
    static let capitalisedTitle = Lexicon.embedded.words("person.capitalised-title")
    static let vietnameseFinal = Lexicon.embedded.words("person.vietnamese-final")
    /// Longest first, so « ngh » is tried before « ng » and « n ».
    static let vietnameseInitials = Lexicon.embedded.words("person.vietnamese-initial").sorted { ($0.count, $0) > ($1.count, $1) }
}

/// A person named (or referred to by title alone) in one sentence.
struct PersonMention: Sendable {
    let sentence: Int
    /// Tokens of the whole mention, title phrase included.
    let span: Range<Int>
    /// Tokens of the name; nil for « le président letton » alone.
    let name: Range<Int>?
    var person: Int?
    let roles: [String]
    let category: String?
    let country: String?
}

struct PersonAnalysis: Sendable {
    var people: [PersonFact]
    /// Per sentence, in text order.
    var mentions: [[PersonMention]]
    /// Mentions per person.
    var counts: [Int]
}
