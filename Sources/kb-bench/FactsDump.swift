import Foundation
import Extraction

/// `kb-bench facts DIR...`: the export record of every *.txt, one JSON line each, as `kb extract`
/// prints it for UTF-8 text files. Speed work must not change a byte of it: recorded before a
/// change and compared after, without building the whole CLI.
enum FactsDump {
    static func run(directories: [String]) {
        let extractor = FactExtractor()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for path in ExtractionTimer.files(in: directories) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let (article, facts) = extractor.process(raw: String(decoding: data, as: UTF8.self), source: URL(fileURLWithPath: path).lastPathComponent)
            let record = ExportRecord(article: article, facts: facts, reference: extractor.reference)
            guard let json = try? encoder.encode(record) else { continue }
            print(String(decoding: json, as: UTF8.self))
        }
    }
}
