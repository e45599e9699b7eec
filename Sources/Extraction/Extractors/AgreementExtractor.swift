import FrenchText

/// Finds named documents signed, adopted or in force: « déclaration commune sur … », « protocole
/// visant à … », « protocole d’accord » (memorandum), « lettre d’intention », « programme de
/// coopération pour 2026-2029 », « Accord de libre-échange Vietnam - Chili », « traité ».
/// Each document of an enumeration is its own row (« des accords entre A et B, entre C et D »).
/// Vague plurals (« plusieurs accords ») and bare repeats (« le mémorandum tout juste signé ») are
/// not new agreements; documents still to be negotiated or signed are not agreements yet.
package struct AgreementExtractor: Sendable {
    package let reference: Reference
    let countries: CountryGazetteer
    let organisations: PhraseMatcher<String>
    let heads: PhraseMatcher<Head>
    let domainTerms: PhraseMatcher<String>
    /// Cities and provinces (seeds/reference/places.tsv), for the parties of local documents.
    let places: PhraseMatcher<String>
    /// The stemmed words of each organisation's names and aliases, by code (a name inside a hyphenated
    /// compound escapes the gazetteer, so the key drops its words by party).
    let partyNameWords: [String: Set<String>]

    struct Head: Sendable {
        let kind: AgreementKind
        /// « déclaration commune », « accord de libre-échange » name a document by themselves;
        /// « protocole », « accord » need a complement to be told apart from a mere mention.
        let specific: Bool
        /// « accords de coopération », « protocoles d'accord »: several documents, each its own row only
        /// when the phrase names its parties (« des accords entre A et B, entre C et D »).
        var plural = false
    }

    /// The French names of agreement kinds (seeds/grammar/agreements.lexicon, `agreement.head.<kind>`):
    /// each phrase with its kind and whether it names a document with no complement. Longest match wins.
    static let headPhrases: [(String, AgreementKind, Bool)] = {
        let lexicon = Lexicon.embedded
        var out: [(String, AgreementKind, Bool)] = []
        for kind in AgreementKind.allCases {
            for (prefix, alone) in [("agreement.head-alone.", true), ("agreement.head.", false)] {
                let id = prefix + kind.rawValue
                guard lexicon.has(id) else { continue }
                for w in lexicon.words(id).sorted() { out.append((w.replacingOccurrences(of: "_", with: " "), kind, alone)) }
            }
        }
        return out
    }()

    /// « déclaration » alone is also a statement (« dans une déclaration, le porte-parole… »): a document
    /// only when named after a place (« déclaration de Hanoi ») or adopted on a subject (« déclaration sur… »).
    /// « vision commune » is also shared views (« partagent une vision commune »): a document when written
    /// as a title. « Partenariat » names a document only as a signed title, never a relationship
    /// level (« Partenariat stratégique global »).
    func isNamedDocument(_ s: AnalysedSentence, head: Range<Int>, signed: Bool) -> Bool {
        let t = s.tokens
        let first = t[head.lowerBound]
        let capitalised = first.isCapitalized && head.lowerBound > 0
        if Self.declarationHead.contains(first) {
            guard head.count == 1 else { return true }
            var k = head.upperBound
            // « une déclaration finale sur … », « la déclaration finale de … »: an adjective between.
            if k < t.count, !t[k].isCapitalized, !t[k].isPunctuation, !FrenchWords.isFunctionWord(t[k]),
               !isFiniteVerb(t[k].folded), !Self.titleVerbs.contains(t[k]), !Self.signingWords.contains(t[k]) { k += 1 }
            let next = s.folded(k)
            if Self.declarationSubject.contains(next) || Self.ofWords.contains(next), k > head.upperBound { return signed }
            // « a fait une déclaration sur la situation »: a statement unless adopted or signed.
            if Self.declarationSubject.contains(next) { return signed }
            // « la déclaration de Hanoï »; signed, « une déclaration de vision commune », « de principes ».
            return Self.ofWords.contains(next) && (signed || k + 1 < t.count && t[k + 1].isCapitalized)
        }
        if Self.visionHead.contains(first) { return capitalised }
        if Self.partnershipHead.contains(first) {
            return capitalised && signed && !Self.relationLevels.contains(s.word(head.upperBound))
        }
        return true
    }

    static let relationLevels = Lexicon.embedded.words("agreement.relation-level")
    /// Heads whose first word needs a check of its own (folded, as in `agreement.head.*`).
    static let declarationHead = Lexicon.embedded.words("agreement.declaration-head")
    static let visionHead = Lexicon.embedded.words("agreement.vision-head")
    static let partnershipHead = Lexicon.embedded.words("agreement.partnership-head")
    static let conventionHead = Lexicon.embedded.words("agreement.convention-head")
    static let protocolHead = Lexicon.embedded.words("agreement.protocol-head")
    /// « une déclaration sur … »: adopted on a subject.
    static let declarationSubject: WordSet = Lexicon.embedded.words("agreement.declaration-subject")
    /// « de », « d' », « du »: the genitive after a noun.
    static let ofWords = Lexicon.embedded.words("agreement.of")

    package init(reference: Reference, countries: CountryGazetteer? = nil, organisations: PhraseMatcher<String>? = nil) {
        self.reference = reference
        self.countries = countries ?? CountryGazetteer(reference: reference)
        self.organisations = organisations ?? AnalysedDocument.organisationGazetteer(reference)
        var h = PhraseMatcher<Head>()
        for (phrase, kind, specific) in Self.headPhrases {
            h.add(phrase, Head(kind: kind, specific: specific))
            // The plural takes -s on its first word (« protocoles d'accord », « accords-cadres » aside).
            var words = phrase.split(separator: " ", maxSplits: 1).map(String.init)
            if !words[0].hasSuffix("s"), !words[0].contains("-") {
                words[0] += "s"
                h.add(words.joined(separator: " "), Head(kind: kind, specific: false, plural: true))
            }
        }
        heads = h
        var d = PhraseMatcher<String>()
        for domain in reference.domains { for term in domain.terms { d.add(term, domain.slug) } }
        domainTerms = d
        var p = PhraseMatcher<String>()
        for place in reference.places where place.kind != "institution" {
            for n in [place.name] + place.aliases { p.add(n, place.iso2) }
        }
        places = p
        var names: [String: Set<String>] = [:]
        for o in reference.organisations {
            for n in [o.name, o.code] + o.aliases {
                for t in Tokenizer.tokens(n) where !t.isPunctuation && !FrenchWords.isFunctionWord(t) {
                    names[o.code, default: []].insert(DomainExtractor.stem(t.folded))
                }
            }
        }
        partyNameWords = names
    }

    package func extract(from document: Document) -> [AgreementFact] {
        extract(AnalysedDocument(document: document, countries: countries, organisations: organisations))
    }

    /// A document found in a sentence, before its parties and date are settled.
    struct Candidate {
        let head: Range<Int>
        let span: Range<Int>
        let kind: AgreementKind
        /// The rule that read it (evidence provenance).
        let rule: String
        /// For a document of an enumeration whose head is shared (« des accords de coopération entre A et B,
        /// entre C et D »): the shared head phrase, written before `span` in the title.
        var prefix: Range<Int>? = nil
    }

    func extract(_ doc: AnalysedDocument) -> [AgreementFact] {
        var out: [AgreementFact] = []
        var keys: [Set<String>] = []
        // Whether each fact's date was written after a signing word (« signé le … ») rather than inferred.
        var statedDates: [Bool] = []
        var headline: [Bool] = []
        // The latest day the story has reached (« lundi 21 juillet »): what « à cette occasion, … ont signé » refers to.
        var storyDay: PartialDate?
        var homePlace: Bool?
        for s in doc.sentences {
            let t = s.tokens
            let signed = Self.signingWords.containsAny(of: t)
            let candidates = self.candidates(s, signed: signed)
            if let day = s.dates.last(where: { $0.kind != .period && $0.start?.precision == .day })?.start,
               doc.document.date.map({ day <= $0 }) ?? true {
                storyDay = day
            }
            // « l'accord, signé le 14 mars 2016, … »: a bare re-mention with its signing date dates the document told before.
            if candidates.isEmpty, let (kind, day) = restatedSigning(s), let k = out.lastIndex(where: { $0.kind == kind }), !statedDates[k] {
                out[k].signed = day
                statedDates[k] = true
            }
            // « les vingt ans de la signature du traité », « l'anniversaire de la signature »: the day told is the
            // celebration's, not the signing's.
            let anniversary = t.indices.contains { i in
                Self.anniversaryWords.contains(t[i]) && (i + 1..<min(t.count, i + 5)).contains { Self.signingWords.contains(t[$0]) }
            }
            for c in candidates {
                let title = c.prefix.map { text(s, $0) + " " + text(s, c.span) } ?? text(s, c.span)
                let parties = self.parties(of: c, in: s, doc, homePlaceNamed: {
                    if let known = homePlace { return known }
                    let named = namesHomePlace(doc)
                    homePlace = named
                    return named
                })
                // « signé le 12 mars 2014 », « adopté en 2009 »: a date right after a signing word is the signing date.
                let stated = s.dates.first { d in
                    d.start != nil && d.kind != .period && (1...3).contains { k in
                        d.tokens.lowerBound - k >= c.span.lowerBound && Self.signingWords.contains(s.word(d.tokens.lowerBound - k))
                    }
                }?.start
                // A date inside a title (« pour 2025-2027 », « à l'horizon 2030 ») or naming an aim is no signing date.
                var date = stated ?? s.dates.first { d in
                    d.start != nil && d.kind != .period && !candidates.contains { $0.span.contains(d.tokens.lowerBound) }
                        && !Self.aimWords.contains(s.word(d.tokens.lowerBound - 1)) && !Self.aimWords.contains(s.word(d.tokens.lowerBound - 2))
                }?.start
                // « ont examiné l'accord X, …, et assisté à la signature de douze accords »: a signing told after the
                // title, beyond the words right after it, is another document's.
                let signsThis = signed && t.indices.contains { k in
                    Self.signingWords.contains(t[k]) && (k < c.span.lowerBound || k <= c.span.upperBound + 3)
                }
                if date == nil && signsThis { date = Self.recent(storyDay, before: doc.document.date) ?? doc.document.date }
                if !signed && !s.dates.contains(where: { $0.kind == .sameDay }) { date = nil }
                if anniversary { date = nil }
                if stated != nil { date = stated }
                var domains: [String] = []
                for d in domainTerms.matches(in: Array(t[c.span])) where !domains.contains(d.payload) { domains.append(d.payload) }
                var key = contentWords(s, c.span)
                if let p = c.prefix { key.formUnion(contentWords(s, p)) }
                let fact = AgreementFact(kind: c.kind, title: title, parties: parties, signed: date, domains: domains,
                                         key: matchKey(key, parties: parties),
                                         evidence: s.sentence.evidence(c.rule))
                // « Hanoï et Tokyo signent un accord de défense » over « ont signé un protocole d'accord sur la défense »: a
                // headline's « accord » is the common word for the body's document.
                let inHeadline = s.sentence.paragraph < 0
                if let k = out.indices.first(where: { Self.same(out[$0], fact)
                    || Self.sameDocument(out[$0], keys[$0], fact, key, loosely: headline[$0] || inHeadline) }) {
                    if headline[k], out[k].kind == .agreement, fact.kind != .agreement { out[k].kind = fact.kind }
                    // A headline names fewer parties than the body sentence that tells the signing.
                    if out[k].parties.count < 2 { for x in fact.parties where !out[k].parties.contains(x) { out[k].parties.append(x) } }
                    // A day the text states (« signé le 18 mars ») refines the month or year a headline gave.
                    // A headline dates its document by the article only: the body's day of signing replaces it.
                    if let new = fact.signed, !statedDates[k] && (stated != nil || headline[k] && !inHeadline)
                        || out[k].signed.map({ new.precision != $0.precision && new.description.hasPrefix($0.description) }) ?? true {
                        out[k].signed = new
                        statedDates[k] = statedDates[k] || stated != nil
                    }
                    if fact.title.count > out[k].title.count {
                        out[k].title = fact.title; out[k].domains = fact.domains; out[k].key = fact.key; keys[k] = key
                    }
                } else {
                    out.append(fact)
                    keys.append(key)
                    statedDates.append(stated != nil)
                    headline.append(s.sentence.paragraph < 0)
                }
            }
        }
        return out
    }

    /// A bare mention of a document followed by its signing date: « l'accord, signé le 14 mars 2016 », « ce
    /// protocole, conclu en 2019 ». The head's kind and the date.
    func restatedSigning(_ s: AnalysedSentence) -> (AgreementKind, PartialDate)? {
        let t = s.tokens
        for d in s.dates where d.kind != .period && d.start != nil {
            let i = d.tokens.lowerBound
            // « , signé le » / « , signé en »: up to two tokens between the participle and the date.
            guard let p = (max(0, i - 3)..<i).last(where: { Self.signingWords.contains(t[$0]) }), p >= 2,
                  t[p - 1].text == ",", let m = heads.match(at: p - 2, in: t) ?? (p >= 3 ? heads.match(at: p - 3, in: t) : nil),
                  m.tokens.upperBound == p - 1 else { continue }
            return (m.payload.kind, d.start!)
        }
        return nil
    }

    static let anniversaryWords = Lexicon.embedded.words("agreement.anniversary")
    static let passiveBeen = Lexicon.embedded.words("agreement.passive-been")

    /// « … a (également) été signé entre A et B »: a signing participle within a few words, then « entre ».
    func signedBetween(_ s: AnalysedSentence, after end: Int) -> Bool {
        let t = s.tokens
        guard let p = (end..<min(t.count, end + 5)).first(where: { Self.signingWords.contains(t[$0]) }) else { return false }
        return (end..<p).allSatisfy { FrenchWords.isAuxiliary(t[$0]) || Self.titleStops.contains(t[$0]) || Self.passiveBeen.contains(t[$0]) }
            && p + 1 < t.count && Self.isEntre(t[p + 1])
    }

    /// The story's day when it lies in the two weeks before the article date (news reports recent events).
    /// An article dated only by its month may have been written on any of its days: the day must fall in
    /// that month or the one before, so « l'accord, signé le 29 mai 2015 » recalled in a 2025 story never
    /// dates what « les deux parties ont signé » this week.
    static func recent(_ day: PartialDate?, before articleDate: PartialDate?) -> PartialDate? {
        guard let day, let d = day.day, let m = day.month else { return nil }
        guard let a = articleDate else { return day }
        guard let am = a.month, let ad = a.day else { return day.isInMonthOrOneBefore(a) ? day : nil }
        let gap = (a.year * 12 + am) * 31 + ad - ((day.year * 12 + m) * 31 + d)
        return (0...14).contains(gap) ? day : nil
    }

    /// Words before a year that make it an aim or a validity period, not a signing date.
    static let aimWords = Lexicon.embedded.words("agreement.aim")

    /// The documents a sentence names, left to right.
    func candidates(_ s: AnalysedSentence, signed: Bool) -> [Candidate] {
        let t = s.tokens
        var out: [Candidate] = []
        var i = 0
        while i < t.count {
            guard let m = heads.match(at: i, in: t) else { i += 1; continue }
            var listEnd = 0
            defer { i = max(i + 1, m.tokens.upperBound, listEnd) }
            if m.payload.kind == .agreement, m.tokens.count == 1, !isDocumentAccord(s, at: i) { continue }
            if isProspective(s, before: i) { continue }
            // « la Convention de Vienne sur les relations consulaires » cited as a reference is not a bilateral document.
            if Self.conventionHead.contains(t[i]) && !signed { continue }
            // « le directeur du protocole », « le service du protocole de la présidence »: the ceremonial office, not a document.
            if Self.protocolHead.contains(t[i]), Self.ofWords.contains(s.word(i - 1)), Self.protocolOffices.contains(s.word(i - 2)) { continue }
            if !isNamedDocument(s, head: m.tokens, signed: signed) { continue }
            let end = titleEnd(s, from: m.tokens.upperBound)
            // « a signé un protocole d'accord avec son homologue »: a document signed with someone needs no subject.
            // « un protocole d'accord a été conclu entre l'agence X et l'agence Y »: nor one signed between two named sides.
            if end == m.tokens.upperBound && !m.payload.specific && !(signed && (Self.with.contains(s.word(end)) || signedBetween(s, after: end))) { continue }
            if isStillToBeSigned(s, after: end) { continue }
            // « Ce protocole prévoit … », « cet accord, … »: a demonstrative names a document already told.
            if Self.demonstratives.contains(s.word(i - 1)), !Self.complementStarts.contains(s.word(m.tokens.upperBound)) { continue }
            // « ils ont évoqué le plan d'action entre leurs agences »: a plan or programme neither signed, dated nor
            // written as a title is the parties' activity, not a document.
            if [.plan, .programme].contains(m.payload.kind), !m.payload.specific, !signed, !t[i].isCapitalized,
               !s.dates.contains(where: { (m.tokens.lowerBound..<end).contains($0.tokens.lowerBound) }) { continue }
            let between = (m.tokens.upperBound..<end).first { Self.isEntre(t[$0]) }
            // « trois accords de coopération »: a count, not documents one can name; « des accords entre A et B » names them.
            if m.payload.plural, between.map({ k in (k..<end).contains { t[$0].isCapitalized } }) != true { continue }
            let rule = m.payload.plural ? "agreement.plural-list" : end == m.tokens.upperBound ? "agreement.named-kind"
                : signed ? "agreement.signed-title" : "agreement.title"
            let first = Candidate(head: m.tokens, span: m.tokens.lowerBound..<end, kind: m.payload.kind, rule: rule)
            out.append(first)
            // « …, entre C et D, et de celui entre E et F »: each further complement is one more document of the same kind.
            let shared = m.tokens.lowerBound..<(between ?? m.tokens.upperBound)
            var j = end
            // « … entre A et B en 2013 et les années suivantes, et de celui entre C et D »: the list goes on after a date.
            if enumerated(s, at: j) == nil, s.dates.contains(where: { $0.tokens.lowerBound == j || $0.tokens.lowerBound == j + 1 }),
               let comma = (j..<min(t.count, j + 10)).first(where: { t[$0].text == "," }),
               !(j..<comma).contains(where: { FrenchWords.isAuxiliary(t[$0]) || isFiniteVerb(t[$0].folded) || Self.titleStops.contains(t[$0]) }) {
                j = comma
            }
            while let next = enumerated(s, at: j) {
                let e = titleEnd(s, from: next)
                guard e > next + 1 else { break }
                out.append(Candidate(head: m.tokens, span: next..<e, kind: m.payload.kind, rule: "agreement.enumeration", prefix: shared))
                j = e
                listEnd = e
            }
        }
        return out
    }

    /// Where the next document of an enumeration starts after a title ending at `j`: « , entre … »,
    /// « , et entre … », « et de celui entre … », « , celle sur … » (the pronoun stands for the head).
    func enumerated(_ s: AnalysedSentence, at j: Int) -> Int? {
        var k = j
        guard k < s.tokens.count, s.tokens[k].text == "," || Self.andWords.contains(s.word(k)) else { return nil }
        while Self.listJoiners.contains(s.word(k)) { k += 1 }
        if Self.headPronouns.contains(s.word(k)) {
            k += 1
            return Self.pronounComplements.contains(s.word(k))
                || (k < s.tokens.count && Self.isEntre(s.tokens[k])) ? k : nil
        }
        return k < s.tokens.count && Self.isEntre(s.tokens[k]) ? k : nil
    }

    /// The preposition « entre », not the participle « entré » (« entré en vigueur ») that folds the same.
    static func isEntre(_ t: Token) -> Bool { between.contains(t.text) }
    static let between = Lexicon.embedded.words("agreement.between.as-written")

    /// Words that open a title's complement (« accord de … », « protocole sur … »).
    static let complementStarts = Lexicon.embedded.words("agreement.complement-start")
    static let demonstratives = Lexicon.embedded.words("agreement.demonstrative")
    static let protocolOffices = Lexicon.embedded.words("agreement.protocol-office")
    static let headPronouns = Lexicon.embedded.words("agreement.head-pronoun")
    static let listJoiners = Lexicon.embedded.words("agreement.list-joiner")
    static let pronounComplements = Lexicon.embedded.words("agreement.pronoun-complement")

    /// Title words every kind of document shares: they say nothing about which document it is.
    static let genericTitleWords = Lexicon.embedded.words("agreement.generic-title-word")

    static let consensusWords = Lexicon.embedded.words("agreement.consensus-verb")
    static let notDocumentBefore = Lexicon.embedded.words("agreement.not-a-document-before")
    static let accordComplements = Lexicon.embedded.words("agreement.accord-complement")

    /// « d'accord » (agree), « en accord avec », « parvenir à un accord » are no documents; « un accord
    /// intergouvernemental sur les visas », « un accord de coopération » are.
    func isDocumentAccord(_ s: AnalysedSentence, at i: Int) -> Bool {
        let before = s.folded(i - 1)
        // « Signature d'accord sur l'éducation » (a headline): the document signed, with its subject.
        if Self.ofWords.contains(before), Self.signingWords.contains(s.tokens[max(0, i - 2)]), i >= 2,
           Self.accordComplements.contains(s.word(i + 1)) { return true }
        if Self.notDocumentBefore.contains(before) { return false }
        if Self.indefinite.contains(before) {
            // « parvenir à un accord », « trouver un accord »: a consensus, not a document.
            if (max(0, i - 4)..<i).contains(where: { Self.consensusWords.contains(s.word($0)) }) { return false }
            var j = i + 1
            while j < s.tokens.count, j - i <= 2, !FrenchWords.isFunctionWord(s.tokens[j]), !s.tokens[j].isPunctuation { j += 1 }
            return Self.accordComplements.contains(s.word(j))
        }
        return true
    }

    /// Parties named in the document's own phrase (« lettre d'intention avec l'Allemagne »), else in its
    /// sentence, else in the sentences of the paragraph leading up to it (a tour stop told just before),
    /// completed by the countries the article is mostly about.
    func parties(of c: Candidate, in s: AnalysedSentence, _ doc: AnalysedDocument, homePlaceNamed: () -> Bool) -> [String] {
        var parties: [String] = []
        func add(_ code: String) { if !parties.contains(code) { parties.append(code) } }
        var phrase = c.span
        if Self.with.contains(s.word(c.span.upperBound)) { phrase = c.span.lowerBound..<min(s.tokens.count, c.span.upperBound + 4) }
        // « une lettre d'intention sur la formation au maintien de la paix des Nations unies »: an organisation
        // inside the subject the title is about (after « sur », no « entre », « avec » since) is no party.
        func inSubject(_ i: Int) -> Bool {
            guard c.span.contains(i), let j = (c.span.lowerBound..<i).first(where: { Self.subjectLeads.contains(s.word($0)) }) else { return false }
            return !(j..<i).contains { Self.isEntre(s.tokens[$0]) || Self.with.contains(s.word($0)) }
        }
        for x in s.countries where phrase.contains(x.tokens.lowerBound) { add(x.iso2) }
        for o in s.organisations where phrase.contains(o.tokens.lowerBound) && !inSubject(o.tokens.lowerBound) { add(o.code) }
        if parties.isEmpty {
            var context = s.countries.map(\.iso2)
            if context.isEmpty {
                for k in stride(from: s.index - 1, through: 0, by: -1) {
                    let p = doc.sentences[k]
                    guard p.sentence.paragraph == s.sentence.paragraph else { break }
                    if !p.countries.isEmpty { context = p.countries.map(\.iso2); break }
                }
            }
            for x in context { add(x) }
        }
        // « Le Vietnam et l'Union européenne ont signé l'accord »: an organisation named in the sentence signs it.
        if parties.count < 2 { for o in s.organisations where !inSubject(o.tokens.lowerBound) { add(o.code) } }
        // « entre le Comité populaire de Da Nang et la préfecture de Gunma »: a known city or province stands for its country.
        if parties.count < 2 {
            for m in places.matches(in: s.tokens) where s.tokens[m.tokens.lowerBound].isCapitalized { add(m.payload) }
        }
        // A Vietnamese outlet's document with one named party is signed with Vietnam when the article names it.
        if parties.count == 1, doc.countryRank.contains(Reference.homeCountry) { add(Reference.homeCountry) }
        for x in doc.countryRank where parties.count < 2 { add(x) }
        // « Une délégation de la province de Nghe An … Les deux parties ont signé un procès-verbal »: a Vietnamese
        // province or city the article names stands for Vietnam when the country itself is not named.
        if parties.count == 1, parties[0] != Reference.homeCountry, homePlaceNamed() {
            add(Reference.homeCountry)
        }
        return parties
    }

    /// Whether the document names a Vietnamese province or city (asked once per document: asked per
    /// document named, it read every sentence again for each, quadratic in a long article).
    func namesHomePlace(_ doc: AnalysedDocument) -> Bool {
        doc.sentences.indices.contains { k in
            let t = doc.sentences[k].tokens
            return places.matches(in: t).contains { $0.payload == Reference.homeCountry && t[$0.tokens.lowerBound].isCapitalized }
        }
    }

    /// The title's own words, without grammar words, country or organisation names and parentheses:
    /// « accord de libre-échange Vietnam - Chili » and « Accord de libre-échange entre le Vietnam et
    /// la République du Chili (VCFTA) » both give {accord, libre-echange}.
    func contentWords(_ s: AnalysedSentence, _ span: Range<Int>) -> Set<String> {
        var names = Set<Int>()
        for x in s.countries { names.formUnion(x.tokens) }
        for o in s.organisations { names.formUnion(o.tokens) }
        var out = Set<String>()
        var depth = 0
        for k in span {
            let w = s.tokens[k]
            if w.text == "(" { depth += 1 } else if w.text == ")" { depth = max(0, depth - 1) }
            if depth > 0 || w.isPunctuation || names.contains(k) || FrenchWords.isFunctionWord(w) { continue }
            out.insert(DomainExtractor.stem(w.folded))
        }
        return out
    }

    /// The match key: the title's content words without the words every document shares and without the
    /// words of its parties' names, however they were written (« l'accord de libre-échange Vietnam-Union
    /// économique eurasiatique » and « … entre le Vietnam et l'UEE » both give « libre-echange »).
    func matchKey(_ words: Set<String>, parties: [String]) -> String {
        var out = words.subtracting(Self.genericTitleWords)
        for p in parties { if let n = partyNameWords[p] { out.subtract(n) } }
        return out.sorted().joined(separator: " ")
    }

    /// One document told twice (headline and body, lede and body): same kind, the parties of one among
    /// those of the other (one sentence may name a city the other does not), and the words of one title
    /// all in the other.
    /// `loosely`: a headline's « accord » may be the body's memorandum or protocol.
    static func sameDocument(_ a: AgreementFact, _ ka: Set<String>, _ b: AgreementFact, _ kb: Set<String>, loosely: Bool = false) -> Bool {
        let pa = Set(a.parties), pb = Set(b.parties)
        let kinds = a.kind == b.kind || loosely && (a.kind == .agreement || b.kind == .agreement)
        // Loosely, the words every document shares say nothing (« accord de coopération dans la défense »
        // over « protocole d'accord sur l'industrie de défense »).
        let ka = loosely ? ka.subtracting(genericTitleWords) : ka, kb = loosely ? kb.subtracting(genericTitleWords) : kb
        return kinds && (pa.isSubset(of: pb) || pb.isSubset(of: pa)) && !ka.isEmpty && !kb.isEmpty
            && (ka.isSubset(of: kb) || kb.isSubset(of: ka))
    }

    static let signingWords = Lexicon.embedded.words("agreement.signing")
    static let prospectiveWords = Lexicon.embedded.words("agreement.prospective")
    static let soonWords = Lexicon.embedded.words("agreement.soon")
    static let towards = Lexicon.embedded.words("agreement.towards")
    static let towardsArticle = Lexicon.embedded.words("agreement.towards-article")
    /// « un accord »: the indefinite article before a head; « avec »: a party after a title.
    static let indefinite = Lexicon.embedded.words("agreement.indefinite")
    static let with = Lexicon.embedded.words("agreement.with")
    static let subjectLeads = Lexicon.embedded.words("agreement.subject-lead")

    /// « négocier un accord », « ont convenu de signer un protocole », « projet d'accord »: not yet a document.
    func isProspective(_ s: AnalysedSentence, before i: Int) -> Bool {
        let window = max(0, i - 4)..<i
        if window.contains(where: { Self.prospectiveWords.contains(s.tokens[$0]) }) { return true }
        // « Vietnam – Chili : vers un accord de partenariat »: aimed at, not yet signed.
        if i >= 2, Self.towards.contains(s.tokens[i - 2]), Self.towardsArticle.contains(s.tokens[i - 1]) { return true }
        return window.contains { Self.soonWords.contains(s.tokens[$0]) } && window.contains { Self.signingWords.contains(s.tokens[$0]) }
    }

    /// « un accord qui devrait être signé l'an prochain », « le protocole, qui sera signé en mai »: a signing
    /// told in the future or the conditional right after the title is still to come.
    func isStillToBeSigned(_ s: AnalysedSentence, after end: Int) -> Bool {
        let window = end..<min(s.tokens.count, end + 6)
        guard let k = window.first(where: { Self.futureWords.contains(s.tokens[$0]) }) else { return false }
        return (k + 1..<min(s.tokens.count, k + 4)).contains { Self.signingWords.contains(s.tokens[$0]) }
    }
    static let futureWords = Lexicon.embedded.words("agreement.future")

    /// The noun phrase after the head: up to a clause boundary, a relative pronoun, a finite verb
    /// (« l'accord commercial offrait des avantages »), a new clause (« … et les deux délégations ont … »), a date
    /// that is not part of the name (« … signé entre A et B en 2019 », but « pour la période 2021-2025 »
    /// stays), or the next document.
    func titleEnd(_ s: AnalysedSentence, from start: Int) -> Int {
        let t = s.tokens
        let dateStarts = Set(s.dates.filter { $0.kind != .period }.map(\.tokens.lowerBound))
        var j = start
        while j < t.count, j - start < 40 {
            let w = t[j]
            let fk = w
            let f = fk.folded
            if w.isPunctuation {
                // « (AFD) », « (Hai Phong) »: a short parenthesis belongs to the name before it.
                if w.text == "(", let close = (j + 1..<min(t.count, j + 6)).first(where: { t[$0].text == ")" }),
                   close > j + 1, !(j + 1..<close).contains(where: { t[$0].isPunctuation && t[$0].text != "-" }) { j = close + 1; continue }
                if w.text == "-" || w.text == "–" { j += 1; continue }
                // « ministère de la Culture, des Sports et du Tourisme »: a list of capitalised names inside the title.
                if w.text == ",", j > start, t[j - 1].isCapitalized, j + 1 < t.count {
                    let n = t[j + 1].folded
                    let capitalisedNext = Self.listArticles.contains(n) && j + 2 < t.count && t[j + 2].isCapitalized
                        || Self.ofWords.contains(n) && j + 3 < t.count && Self.listArticlesAfterDe.contains(t[j + 2]) && t[j + 3].isCapitalized
                    if capitalisedNext { j += 1; continue }
                }
                break
            }
            if Self.titleStops.contains(fk) { break }
            // « un mémorandum d'entente avec son homologue », « … avec le Chili »: who signs with whom, not the title.
            if Self.with.contains(fk) { break }
            if FrenchWords.isAuxiliary(w) && !Self.reflexives.contains(fk) { break }
            if Self.signingWords.contains(fk) || Self.titleVerbs.contains(fk) { break }
            let and = Self.andWords.contains(fk)
            if and, j + 2 < t.count, FrenchWords.determiners.contains(t[j + 1]), heads.match(at: j + 2, in: t) != nil { break }
            // « une déclaration commune et sept accords de coopération », « … et 12 protocoles »: a count opens the next documents.
            if and, j + 2 < t.count, t[j + 1].isNumber || Self.countWords.contains(t[j + 1]), heads.match(at: j + 2, in: t) != nil { break }
            // « la signature d'un protocole sur la pêche et d'un accord sur les visas », « … et du traité … »
            if and, j + 2 < t.count, Self.ofWords.contains(t[j + 1]) {
                let k = FrenchWords.determiners.contains(t[j + 2]) ? j + 3 : j + 2
                if k < t.count, heads.match(at: k, in: t) != nil { break }
            }
            // « … et les deux délégations », « … et il a … »: a new subject.
            if and, j + 1 < t.count, FrenchWords.pronouns.contains(t[j + 1])
                || (j + 2 < t.count && FrenchWords.determiners.contains(t[j + 1]) && Self.subjectNouns.contains(t[j + 2])) { break }
            // « … du protocole et d'échanger chaque année … », « mieux utiliser le traité … et renforcer … »: a new
            // infinitive clause, not the title.
            if and || w.text == ",", j + 2 < t.count, Self.ofWords.contains(t[j + 1]), Self.isInfinitive(t[j + 2].folded) { break }
            if and, j + 1 < t.count, Self.isInfinitive(t[j + 1].folded) { break }
            // « ont adopté une déclaration commune et assisté à la signature »: a second past participle of the
            // auxiliary, then its complement.
            if and, j + 2 < t.count, Self.isParticiple(t[j + 1].text), !t[j + 1].isCapitalized,
               FrenchWords.isPrepositionA(t[j + 2]) || FrenchWords.determiners.contains(t[j + 2]) { break }
            // « à cette occasion », « à cet effet »
            if FrenchWords.isPrepositionA(w), j + 1 < t.count, Self.demonstratives.contains(t[j + 1]) { break }
            // « le traité de 1985 », « pour la période 2021-2025 » name the document; « … en 2019 » dates the event.
            if j > start, dateStarts.contains(j) || (Self.dateLeads.contains(fk) && dateStarts.contains(j + 1)),
               !Self.aimWords.contains(t[j - 1]), !Self.dateOfName.contains(t[j - 1]) { break }
            if isFiniteVerb(f), j > start { break }
            j += 1
        }
        // No dangling preposition or article at the end.
        while j > start, FrenchWords.isFunctionWord(t[j - 1]) || t[j - 1].text == "(" { j -= 1 }
        return j
    }

    /// Words that end a title: relative pronouns, connectors, adverbs of the clause around it.
    static let titleStops = Lexicon.embedded.words("agreement.title-stop")

    /// Verbs in the third person that commonly follow a document's name (« le protocole prévoit », « l'accord
    /// porte sur »): present forms in -e look like nouns and adjectives, so they are listed.
    static let titleVerbs = Lexicon.embedded.words("agreement.title-verb")

    /// Subjects that open a new clause after « et » (« … et les deux délégations ont … »).
    static let subjectNouns = Lexicon.embedded.words("agreement.subject-noun")
    static let countWords = Lexicon.embedded.words("agreement.count-word")
    static let listArticles = Lexicon.embedded.words("agreement.list-article")
    static let listArticlesAfterDe = Lexicon.embedded.words("agreement.list-article-de")
    static let dateLeads = Lexicon.embedded.words("agreement.date-lead")
    static let dateOfName = Lexicon.embedded.words("agreement.date-of-name")
    static let andWords = Lexicon.embedded.words("agreement.and")
    /// « se », « s' »: a reflexive verb follows, which the auxiliaries' check would take for a copula.
    static let reflexives = Lexicon.embedded.words("agreement.reflexive")

    /// « assisté », « signés », « adoptée »: the written form ends in « é », « és », « ée » or « ées ».
    static func isParticiple(_ text: String) -> Bool {
        text.utf8.count > 4 && (text.hasSuffix("é") || text.hasSuffix("és") || text.hasSuffix("ée") || text.hasSuffix("ées"))
    }

    static func isInfinitive(_ f: String) -> Bool {
        f.utf8.count > 4 && (f.hasSuffix("er") || f.hasSuffix("ir")) && !f.hasSuffix("ier") && !f.hasSuffix("eur")
    }

    /// Third-person plural present, future, imperfect and conditional forms (« contribuent », « ouvrira »,
    /// « offrait »), not « -ment » nouns.
    func isFiniteVerb(_ f: String) -> Bool {
        if f.hasSuffix("ent"), !f.hasSuffix("ment"), !f.hasSuffix("dent"), !f.hasSuffix("nent") || f.hasSuffix("iennent"),
           !f.hasSuffix("cent"), !f.hasSuffix("gent"), !f.hasSuffix("lent"), !f.hasSuffix("rent"), f.utf8.count > 5 { return true }
        if f.hasSuffix("era") || f.hasSuffix("eront") || f.hasSuffix("ira") || f.hasSuffix("iront") { return true }
        // Imperfect and conditional (« offrait », « permettaient », « pourrait »); not « portrait », « extrait ».
        if f.utf8.count > 5, f.hasSuffix("ait") || f.hasSuffix("aient"), !f.hasSuffix("trait"), !f.hasSuffix("souhait") { return true }
        return false
    }

    func text(_ s: AnalysedSentence, _ r: Range<Int>) -> String {
        let b = Array(s.sentence.text.utf8)
        let base = s.sentence.range.lowerBound
        return String(decoding: b[(s.tokens[r.lowerBound].range.lowerBound - base)..<(s.tokens[r.upperBound - 1].range.upperBound - base)], as: UTF8.self)
    }

    /// A repeated mention: same kind and one title contained in the other.
    static func same(_ a: AgreementFact, _ b: AgreementFact) -> Bool {
        guard a.kind == b.kind else { return false }
        let x = Folding.fold(a.title), y = Folding.fold(b.title)
        return x.contains(y) || y.contains(x)
    }
}
