import Foundation
import ArticleFiles
import SeededRandom
import Testing
import Extraction
@testable import KnowledgeBase

/// Random and mutated article bytes through decoding, parsing and every extractor: no crash,
/// ranges that stay inside the text, bounded time. `make test` runs a few hundred inputs with a
/// fixed seed; `make fuzz` runs many more (KB_FUZZ_ITERATIONS, KB_FUZZ_SEED).
@Suite struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["KB_FUZZ_ITERATIONS"] ?? "") ?? 300
    static let seed = UInt64(ProcessInfo.processInfo.environment["KB_FUZZ_SEED"] ?? "") ?? 0x5EED_2025
    /// Per input, in a debug build on a loaded machine; real articles take milliseconds.
    /// A per-input time limit is a performance target: only `make fuzz` sets one (KB_FUZZ_TIME_LIMIT, seconds);
    /// in `make test` a loaded machine must not fail a correct parser.
    static let timeLimit = Double(ProcessInfo.processInfo.environment["KB_FUZZ_TIME_LIMIT"] ?? "") ?? .infinity

    static let seeds: [[UInt8]] = try! FileManager.default.contentsOfDirectory(atPath: TestSupport.seedsDirectory)
        .filter { $0.hasSuffix(".txt") }.sorted()
        .map { Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.seedsDirectory + "/" + $0))) }

    /// Pieces that exercise the parser's and extractors' special cases.
    static let tokens: [String] = [
        "\n", "\n\n", "\r\n", "\r", "\u{0}", "\t", " ", "\u{A0}", "\u{FEFF}", "\u{200B}", " date ", " date 2025-13-45 ", " date 2025 ",
        " date 2025-05-12", ">> ", "[", "]", "[Lien]", "Voir plus", "ảnh 1", "Photo : VNA/CVN", "VNA", "(VNA) -", "«", "»", "’", "l’",
        "e\u{301}", "🇻🇳", "M. ", "Mme ", "Dr. ", "...", "…", "?", "!", ".", ",", "94,5 millions de dollars", "1er janvier 2025",
        "du 12 au 15 mai", "le président biélorusse Alexandre Loukachenko", "en visite d’État au Vietnam", "a signé un accord de coopération",
        "l’ASEAN", "l’UEE", "Hanoï", "Minsk", "secrétaire général du Parti communiste du Vietnam", String(repeating: "a", count: 3000),
        String(repeating: "Vietnam ", count: 200), String(repeating: "\n", count: 300), "1234567890123456789012345678901234567890",
    ]

    static func mutate(_ base: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = base
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !b.isEmpty:  // flip bytes
                for _ in 0..<Int.random(in: 1...16, using: &rng) { b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            case 1 where !b.isEmpty:  // truncate anywhere, even inside a UTF-8 sequence
                b = Array(b[..<Int.random(in: 0...b.count, using: &rng)])
            case 2:  // insert a special piece
                let at = Int.random(in: 0...b.count, using: &rng)
                b.insert(contentsOf: Array(tokens.randomElement(using: &rng)!.utf8), at: at)
            case 3 where b.count > 2:  // delete or duplicate a chunk
                let lo = Int.random(in: 0..<b.count, using: &rng), hi = min(b.count, lo + Int.random(in: 1...400, using: &rng))
                if Bool.random(using: &rng) { b.removeSubrange(lo..<hi) } else { b.insert(contentsOf: b[lo..<hi], at: Int.random(in: 0...b.count, using: &rng)) }
            case 4:  // splice another seed
                let other = seeds.randomElement(using: &rng)!
                let lo = Int.random(in: 0..<other.count, using: &rng)
                b.insert(contentsOf: other[lo..<min(other.count, lo + Int.random(in: 1...2000, using: &rng))], at: Int.random(in: 0...b.count, using: &rng))
            case 5:  // shuffle lines
                var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
                lines.shuffle(using: &rng)
                b = Array(lines.joined(separator: [0x0A]))
            default:  // a run of random tokens
                for _ in 0..<Int.random(in: 1...40, using: &rng) {
                    b.insert(contentsOf: Array(tokens.randomElement(using: &rng)!.utf8), at: Int.random(in: 0...b.count, using: &rng))
                }
            }
        }
        return b
    }

    static func input(_ i: Int, _ rng: inout SplitMix64) -> [UInt8] {
        switch i % 4 {
        case 0: return (0..<Int.random(in: 0...3000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case 1:  // random text from the special pieces only
            return Array((0..<Int.random(in: 0...200, using: &rng)).map { _ in tokens.randomElement(using: &rng)! }.joined().utf8)
        default: return mutate(seeds[i % seeds.count], &rng)
        }
    }

    @Test func randomAndMutatedArticlesNeverCrashTheParserOrTheExtractors() throws {
        let extractor = FactExtractor()
        var rng = SplitMix64(seed: Self.seed)
        var slowest = 0.0, decoded = 0
        for i in 0..<Self.iterations {
            let bytes = Self.input(i, &rng)
            var texts = [String(decoding: bytes, as: UTF8.self)]
            if let d = try? TextDecoding.decode(bytes) { texts.append(d.text); decoded += 1 }
            for text in texts {
                let started = Date()
                let (article, facts) = extractor.process(raw: text, source: "fuzz-\(i).txt")
                let elapsed = Date().timeIntervalSince(started)
                slowest = max(slowest, elapsed)
                #expect(elapsed < Self.timeLimit, "input \(i) (seed \(Self.seed)) took \(elapsed) s")
                let problems = Self.rangeProblems(article, facts)
                #expect(problems.isEmpty, "input \(i) (seed \(Self.seed)): \(problems.prefix(3))")
                if !problems.isEmpty { return }
            }
        }
        #expect(decoded > Self.iterations / 3, "enough inputs get past decoding")
        print("fuzz: \(Self.iterations) inputs, seed \(Self.seed), slowest \(String(format: "%.3f", slowest)) s")
    }

    /// Every word the extractors compare tokens with (string literals of Sources/Extraction/Extractors
    /// and the words of seeds/grammar/*.lexicon), read from the sources so a new trigger is covered
    /// the day it is added. A trigger ending a sentence or a headline, or two in a row, once trapped.
    static let triggerWords: [String] = {
        let root = TestSupport.packageRoot
        var words = Set<String>()
        let literal = try! NSRegularExpression(pattern: #""([\p{L}'’\- ]{2,40})""#)
        let extractors = root.appendingPathComponent("Sources/Extraction/Extractors").path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: extractors)) ?? [] where name.hasSuffix(".swift") {
            let text = (try? String(contentsOfFile: extractors + "/" + name, encoding: .utf8)) ?? ""
            for m in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                words.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        let grammar = root.appendingPathComponent("seeds/grammar").path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: grammar)) ?? [] where name.hasSuffix(".lexicon") {
            let text = (try? String(contentsOfFile: grammar + "/" + name, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let tab = line.firstIndex(of: "\t") else { continue }
                for w in line[line.index(after: tab)...].split(separator: " ") { words.insert(String(w)) }
            }
        }
        return words.sorted()
    }()

    /// Short articles where trigger words end the headline, end a sentence, or come two in a row.
    static func triggerArticles(_ rng: inout SplitMix64, pairs: Int) -> [String] {
        let w = triggerWords
        var out: [String] = []
        for (i, word) in w.enumerated() {
            let next = w[(i + 1) % w.count]
            out.append(" date 2025-05-12 Le président biélorusse \(word)\n\nHanoï (VNA) - Le ministre vietnamien en \(word). Lors de sa \(word) \(next)\n")
            out.append(" date 2025-05-12 \(word) \(word)\n\n\(word)\n\nLe Vietnam et la Biélorussie \(word) \(next).")
        }
        for _ in 0..<pairs {
            let a = w.randomElement(using: &rng)!, b = w.randomElement(using: &rng)!, c = w.randomElement(using: &rng)!
            out.append(" date 2025-05-12 Le président \(a) \(b)\n\nLe Premier ministre Nguyen Van A \(a) \(b) \(c). \(c) \(a)\n")
        }
        return out
    }

    @Test func triggerWordsEndingSentencesAndHeadlinesNeverCrashTheExtractors() throws {
        #expect(Self.triggerWords.count > 100, "trigger words found in the extractors: \(Self.triggerWords.count)")
        #expect(Self.triggerWords.contains("visite"))
        let extractor = FactExtractor()
        var rng = SplitMix64(seed: Self.seed &+ 2)
        let articles = Self.triggerArticles(&rng, pairs: Self.iterations * 3)
        for (i, text) in articles.enumerated() {
            let (article, facts) = extractor.process(raw: text, source: "trigger-\(i).txt")
            let problems = Self.rangeProblems(article, facts)
            #expect(problems.isEmpty, "trigger article \(i): \(problems.prefix(3))")
            if !problems.isEmpty { return }
        }
        print("fuzz: \(Self.triggerWords.count) trigger words, \(articles.count) articles")
    }

    /// Every range must lie inside the raw text and on scalar boundaries: offsets are computed from them.
    static func rangeProblems(_ a: Article, _ f: ArticleFacts) -> [String] {
        let utf8 = Array(a.raw.utf8)
        func ok(_ r: Range<Int>) -> Bool {
            r.lowerBound >= 0 && r.upperBound <= utf8.count
                && (r.lowerBound == utf8.count || utf8[r.lowerBound] & 0xC0 != 0x80)
                && (r.upperBound == utf8.count || utf8[r.upperBound] & 0xC0 != 0x80)
        }
        var problems: [String] = []
        var ranges: [(String, Range<Int>)] = [("headline", a.headlineRange)] + a.paragraphs.map { ("paragraph", $0) } + a.setApart.map { ("setApart", $0.range) }
        ranges += f.countries.flatMap { c in c.evidence.map { ("country", $0.range) } }
        ranges += f.people.flatMap { p in p.evidence.map { ("person", $0.range) } }
        ranges += f.visits.map { ("visit", $0.evidence.range) } + f.agreements.map { ("agreement", $0.evidence.range) }
        ranges += f.domains.flatMap { d in d.evidence.map { ("domain", $0.range) } } + f.tradeFigures.map { ("trade", $0.evidence.range) }
        for (kind, r) in ranges where !ok(r) { problems.append("\(kind) range \(r) outside or inside a character of \(utf8.count) bytes") }
        return problems
    }

    @Test func fuzzedFilesThroughTheWholeIngestLeaveASoundDatabase() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("fuzz")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        var rng = SplitMix64(seed: Self.seed &+ 1)
        let count = max(20, Self.iterations / 10)
        for i in 0..<count { try Data(Self.input(i, &rng)).write(to: corpus.appendingPathComponent(String(format: "%04d.txt", i))) }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        let s = try kb.ingest(paths: [corpus.path])
        #expect(s.new + s.unchanged + s.skipped == count, "every file accounted for: \(s.line)")
        let failed = try kb.check().filter { !$0.ok }
        #expect(failed.isEmpty, "\(failed)")
        #expect(try kb.ingest(paths: [corpus.path]).isNoOp)
    }
}
