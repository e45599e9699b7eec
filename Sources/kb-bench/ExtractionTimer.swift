import Foundation
import Extraction

/// Extraction alone: parse + clean + every extractor, no database. Reading the files is timed
/// apart so the figure is the extraction's own throughput.
enum ExtractionTimer {
    struct Result {
        var files = 0, bytes = 0
        var extractSeconds = 0.0, totalSeconds = 0.0
        var json: String {
            let mbps = extractSeconds > 0 ? Double(bytes) / 1_000_000 / extractSeconds : 0
            return #"{"files": \#(files), "bytes": \#(bytes), "extract_seconds": \#(extractSeconds), "total_seconds": \#(totalSeconds), "extract_mb_per_s": \#(mbps)}"#
        }
    }

    static func run(directories: [String]) -> Result {
        let start = now()
        let extractor = FactExtractor()
        var result = Result()
        for path in files(in: directories) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let t0 = now()
            let (_, facts) = extractor.process(raw: text, source: path)
            result.extractSeconds += now() - t0
            consume(facts)
            result.files += 1
            result.bytes += data.count
        }
        result.totalSeconds = now() - start
        return result
    }

    static func files(in directories: [String]) -> [String] {
        var result: [String] = []
        for dir in directories {
            guard let e = FileManager.default.enumerator(atPath: dir) else { continue }
            while let rel = e.nextObject() as? String {
                if rel.hasSuffix(".txt") { result.append(dir + "/" + rel) }
            }
        }
        return result.sorted()
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Keeps the optimiser from discarding extraction results nobody reads.
@inline(never) @_optimize(none)
func consume<T>(_ value: T) {}
