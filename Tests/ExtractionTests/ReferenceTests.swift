import Foundation
import Testing
@testable import Extraction

@Suite struct ReferenceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/reference")

    @Test func embeddedReferenceMatchesTheFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".tsv") }.sorted()
        #expect(EmbeddedReference.files.keys.sorted() == names, "run `make generate`")
        for name in names {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedReference.files[name] == text, "\(name) is stale in EmbeddedReference.swift: run `make generate`")
        }
    }

    @Test func referenceLoads() {
        let r = Reference.embedded
        #expect(r.country(iso2: "BY")?.name == "Biélorussie")
        #expect(r.domains.count == 29)
        #expect(r.organisations.contains { $0.code == "EAEU" })
    }

    @Test func malformedTSVIsReported() {
        #expect(throws: ReferenceError.self) {
            _ = try TSV.parse("a\tb\n1\t2\t3\n", file: "x.tsv")
        }
    }
}
