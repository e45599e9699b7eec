import Foundation
import Testing
@testable import Extraction

@Suite struct LexiconTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("seeds/grammar")

    @Test func embeddedGrammarMatchesTheFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".lexicon") }.sorted()
        #expect(EmbeddedGrammar.files.keys.sorted() == names, "run `make generate`")
        for name in names {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedGrammar.files[name] == text, "\(name) is stale in EmbeddedGrammar.swift: run `make generate`")
        }
    }

    /// `words(_:)` stops on an unknown id, so every id the sources name must exist.
    @Test func everySetTheSourcesNameExists() throws {
        let known = Set(Lexicon.embedded.ids)
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let pattern = try NSRegularExpression(pattern: #"words\("([^"]+)"\)|contains\("([a-z][a-z0-9.-]*\.[a-z0-9.-]+)","#)
        var named = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let r = m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range(at: 2)
                let id = String(text[Range(r, in: text)!])
                named += 1
                #expect(known.contains(id), "\(file.lastPathComponent) names word set `\(id)`, which no seeds/grammar/*.lexicon defines")
            }
        }
        #expect(named > 0)
    }

    @Test func wordsAreFoldedAndSetsMayContinue() throws {
        let lexicon = try Lexicon(files: ["x.lexicon": "# a comment\nx.plan\tprévue Prochaine\n\nx.plan\tdevrait\n"])
        #expect(lexicon.words("x.plan") == ["prevue", "prochaine", "devrait"])
        #expect(lexicon.contains("x.plan", "prevue"))
    }

    @Test func malformedLinesAndClashingSetsAreReported() {
        #expect(throws: LexiconError.self) { _ = try Lexicon(files: ["x.lexicon": "no tab here\n"]) }
        #expect(throws: LexiconError.self) { _ = try Lexicon(files: ["x.lexicon": "x.empty\t \n"]) }
        #expect(throws: LexiconError.self) { _ = try Lexicon(files: ["a.lexicon": "x.s\tun\n", "b.lexicon": "x.s\tdeux\n"]) }
    }
}
