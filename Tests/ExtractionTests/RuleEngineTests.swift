import Foundation
import Testing
import FrenchText
@testable import Extraction

/// The rule engine: token patterns (seeds/grammar/*.rules), the one phrase matcher, word sets, and
/// the check that extractor sources keep their French words in the lexicon.
@Suite struct RuleEngineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let lexicon = try! Lexicon(files: ["t.lexicon": "t.aux\ta est\nt.arrived\tarrivé arrivée\nt.det\tle la les\n"])

    func subject(_ text: String) -> PatternSubject { PatternSubject(tokens: Tokenizer.tokens(text)) }

    func firstMatch(_ pattern: String, _ text: String) throws -> PatternMatch? {
        let p = try TokenPattern(pattern, lexicon: Self.lexicon)
        return p.matches(subject(text)).first
    }

    @Test func tokenTestsOnFoldedFormTextLexiconAndShape() throws {
        #expect(try firstMatch("[f=arrivee]", "Elle est Arrivée hier")?.tokens == 2..<3)
        #expect(try firstMatch("[text=Arrivée]", "elle est arrivée") == nil)
        #expect(try firstMatch("[lex=t.aux] [lex=t.arrived]", "Le consul est arrivé à Porto")?.tokens == 2..<4)
        #expect(try firstMatch("[shape=Xx & !lex=t.det] [shape=Xx]", "Le Consul Jean Durand parle")?.tokens == 1..<3)
        #expect(try firstMatch("[shape=d]", "en 2024 déjà")?.tokens == 1..<2)
        #expect(try firstMatch("[shape=XX]", "la délégation de l'ASEAN")?.tokens == 4..<5)
        #expect(try firstMatch("[stem=\(FrenchLightStemmer.stem("visites"))]", "les visite officielles")?.tokens == 1..<2)
    }

    @Test func quantifiersGroupsAndCaptures() throws {
        // Optional word between the auxiliary and the participle.
        let m = try firstMatch("[lex=t.aux] [f=deja]? {verb [lex=t.arrived]}", "il est déjà arrivé")
        #expect(m?.tokens == 1..<4)
        #expect(m?.captures["verb"] == 3..<4)
        // One or more capitalised words, greedy, then backtracking to let the last test pass.
        let n = try firstMatch("[f=le] {name [shape=Xx]+} [shape=Xx]", "le maire Jean Paul Durand parle")
        #expect(n == nil)  // « maire » is lower case
        let o = try firstMatch("{name [shape=Xx]+} [f=parle]", "Jean Paul Durand parle")
        #expect(o?.captures["name"] == 0..<3)
        // Any number of fillers, alternatives in a group.
        let p = try firstMatch("[f=a] []* ([f=signe] | [f=paraphe])", "il a hier soir paraphé")
        #expect(p?.tokens == 1..<5)
        // An optional group.
        let q = try firstMatch("[f=accord] ([f=de] [f=cooperation])? [f=signe]", "un accord signé")
        #expect(q?.tokens == 1..<3)
    }

    @Test func entityLabelsComeFromTheAnalysis() throws {
        let doc = AnalysedDocument(document: document("La ministre est arrivée en Norvège."),
                                   countries: CountryGazetteer(reference: .embedded),
                                   organisations: AnalysedDocument.organisationGazetteer(.embedded))
        let s = try #require(doc.sentences.first { $0.sentence.text.contains("Norvège") })
        let p = try TokenPattern("[f=en] {where [ent=name]}")
        let m = try #require(p.matches(PatternSubject(s)).first)
        #expect(s.tokens[m.captures["where"]!.lowerBound].text == "Norvège")
    }

    @Test func malformedPatternsAreReported() {
        for bad in ["", "[f=]", "[x=1]", "(", "[f=a", "{ [f=a]}", "[lex=no.such-set]", "[shape=Q]", "[ent=planet]"] {
            #expect(throws: PatternError.self, "\(bad)") { _ = try TokenPattern(bad, lexicon: Self.lexicon) }
        }
        #expect(throws: PatternError.self) { _ = try RuleBook(files: ["x.rules": "only.id\t[f=a]\n"], lexicon: Self.lexicon) }
        #expect(throws: PatternError.self) {
            _ = try RuleBook(files: ["x.rules": "r.a\t[f=a]\tun a\nr.a\t[f=b]\tun b\n"], lexicon: Self.lexicon)
        }
    }

    /// Every rule of seeds/grammar/*.rules matches its own invented example.
    @Test func everyRuleMatchesItsExample() {
        let book = RuleBook.embedded
        #expect(!book.rules.isEmpty)
        let countries = CountryGazetteer(reference: .embedded)
        let organisations = AnalysedDocument.organisationGazetteer(.embedded)
        for rule in book.rules {
            let doc = AnalysedDocument(document: document(rule.example), countries: countries, organisations: organisations)
            let hit = doc.sentences.contains { !rule.pattern.matches(PatternSubject($0)).isEmpty }
            #expect(hit, "rule \(rule.id) does not match its example « \(rule.example) »")
        }
    }

    @Test func ruleIdsAreRuleShapedAndTriggerKindsExist() {
        for rule in RuleBook.embedded.rules { #expect(RuleProvenanceTests.isRuleID(rule.id), "\(rule.id)") }
        #expect(VisitExtractor.triggerRules.kinds.count == RuleBook.embedded.rules(prefix: "visit.trigger.").count)
    }

    @Test func embeddedRulesMatchTheFiles() throws {
        let dir = Self.root.appendingPathComponent("seeds/grammar")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".rules") }.sorted()
        #expect(EmbeddedRules.files.keys.sorted() == names, "run `make generate`")
        for name in names {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedRules.files[name] == text, "\(name) is stale in EmbeddedRules.swift: run `make generate`")
        }
    }

    @Test func triggerRulesReadVisitsAndNotPlans() {
        let cases: [(String, Bool)] = [
            ("La ministre suédoise Eva Lind est arrivée le 3 mai à Hanoï pour une visite officielle au Vietnam.", true),
            ("Le président letton Ivars Berzins a quitté Hanoï le 4 mai, concluant sa visite au Vietnam.", true),
            ("Le ministre norvégien Per Olsen effectuera une visite au Vietnam le mois prochain.", false),
        ]
        for (text, visit) in cases {
            let facts = FactExtractor().extract(from: document(text))
            #expect(facts.visits.isEmpty != visit, "\(text)")
        }
    }

    // MARK: - Phrase matcher and word sets

    @Test func phraseMatcherTakesTheLongestAcceptedPhrase() {
        var m = PhraseMatcher<String>()
        m.add("accord", "short", label: "doc")
        m.add("accord de libre-échange", "long", label: "doc")
        m.add("accord de", "middle", label: "doc")
        let tokens = Tokenizer.tokens("un accord de libre-échange signé")
        #expect(m.match(at: 1, in: tokens)?.payload == "long")
        #expect(m.match(at: 1, in: tokens)?.tokens == 1..<4)
        #expect(m.matches(in: tokens).map(\.payload) == ["long"])
        let refused = m.longest(at: 1, count: tokens.count, key: { tokens[$0].folded }) { $0.payload != "long" }
        #expect(refused?.entry.payload == "middle")
        #expect(m.match(at: 0, in: tokens) == nil)
        #expect(m.count == 3)
    }

    @Test func wordSetBehavesLikeASet() {
        var w: WordSet = ["le", "la", "les"]
        #expect(w.contains("la") && !w.contains("l") && !w.contains(""))
        for k in 0..<500 { w.insert("mot\(k)") }
        #expect(w.count == 503 && w.contains("mot499") && !w.contains("mot500"))
        #expect(Set(w).count == 503)
        #expect(w.union(["du"]).contains("du"))
        #expect(WordSet(["a", "b"]) == ["b", "a"])
    }

    // MARK: - French words live in seeds/grammar, not in extractor sources

    /// No array literal of words and no comparison of a token with a word literal in the extractors:
    /// such words belong to a lexicon set. Strings that are not French (punctuation, the categories and
    /// kinds of the reference data, rule ids, ISO codes) are allowed.
    @Test func extractorSourcesHoldNoFrenchWords() throws {
        let reference = Reference.embedded
        var allowed = Set(reference.titles.map(\.category)).union(reference.places.map(\.kind))
        allowed.formUnion(reference.currencies.map(\.code))
        let dir = Self.root.appendingPathComponent("Sources/Extraction/Extractors")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        let array = try NSRegularExpression(pattern: #"\[\s*"[^"\\]*"(\s*,\s*"[^"\\]*")*\s*\]"#)
        let comparison = try NSRegularExpression(pattern: #"(==|!=)\s*"([^"\\]*)""#)
        let literal = try NSRegularExpression(pattern: #""([^"\\]*)""#)
        func isWord(_ s: String) -> Bool {
            s.unicodeScalars.contains { $0.properties.isAlphabetic } && !allowed.contains(s) && !s.contains(".")
        }
        var found: [String] = []
        for name in files.sorted() {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                let range = NSRange(code.startIndex..., in: code)
                for m in array.matches(in: code, range: range) {
                    let whole = String(code[Range(m.range, in: code)!])
                    let words = literal.matches(in: whole, range: NSRange(whole.startIndex..., in: whole))
                        .map { String(whole[Range($0.range(at: 1), in: whole)!]) }
                    if words.contains(where: isWord) { found.append("\(name):\(n + 1): \(whole)") }
                }
                for m in comparison.matches(in: code, range: range) {
                    let w = String(code[Range(m.range(at: 2), in: code)!])
                    if isWord(w) { found.append("\(name):\(n + 1): \(w)") }
                }
            }
        }
        #expect(found.isEmpty, "French words in extractor sources (move them to seeds/grammar/*.lexicon):\n\(found.joined(separator: "\n"))")
    }
}

extension RuleEngineTests {
    /// `rule(_:)` stops on an unknown id, so every rule id the sources name must exist.
    @Test func everyRuleTheSourcesNameExists() throws {
        let ids = Set(RuleBook.embedded.rules.map(\.id))
        let dir = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let named = try NSRegularExpression(pattern: #"\.rule\("([^"]+)"\)|rules\(prefix: "([^"]+)"\)"#)
        var count = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in named.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                count += 1
                if m.range(at: 1).location != NSNotFound {
                    let id = String(text[Range(m.range(at: 1), in: text)!])
                    #expect(ids.contains(id), "\(file.lastPathComponent) names rule `\(id)`, which no seeds/grammar/*.rules defines")
                } else {
                    let prefix = String(text[Range(m.range(at: 2), in: text)!])
                    #expect(ids.contains { $0.hasPrefix(prefix) }, "\(file.lastPathComponent): no rule starts with `\(prefix)`")
                }
            }
        }
        #expect(count >= 3)
    }
}

