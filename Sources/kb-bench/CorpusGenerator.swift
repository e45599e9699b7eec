import Foundation

enum CorpusGenerator {
    static let perDirectory = 1_000

    /// Writes `DIR/0000/000000.txt …`; article i is the same for any count (see `ArticleWriter`).
    static func generate(count: Int, into directory: String, seed: UInt64) throws {
        let fm = FileManager.default
        var bytes = 0
        for i in 0..<count {
            let sub = "\(directory)/\(digits(i / perDirectory, 4))"
            if i % perDirectory == 0 { try fm.createDirectory(atPath: sub, withIntermediateDirectories: true) }
            var writer = ArticleWriter(seed: seed, index: i)
            let data = Data(writer.write().utf8)
            bytes += data.count
            try data.write(to: URL(fileURLWithPath: "\(sub)/\(digits(i, 6)).txt"))
        }
        FileHandle.standardError.write(Data("kb-bench: wrote \(count) articles, \(bytes) bytes, in \(directory)\n".utf8))
    }

    private static func digits(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
