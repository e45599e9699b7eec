import Foundation
import Extraction

/// Extraction alone: parse + clean + every extractor, no database. Reading the files is timed
/// apart so the figure is the extraction's own throughput.
enum ExtractionTimer {
    struct Result {
        var files = 0, bytes = 0
        var extractSeconds = 0.0, totalSeconds = 0.0
        /// CPU time of the extracting thread: on a machine others load, wall time measures them too.
        var extractCPUSeconds = 0.0
        var json: String {
            let mbps = extractSeconds > 0 ? Double(bytes) / 1_000_000 / extractSeconds : 0
            let cpu = extractCPUSeconds > 0 ? Double(bytes) / 1_000_000 / extractCPUSeconds : 0
            return #"{"files": \#(files), "bytes": \#(bytes), "extract_seconds": \#(extractSeconds), "total_seconds": \#(totalSeconds), "extract_mb_per_s": \#(mbps), "extract_cpu_seconds": \#(extractCPUSeconds), "extract_mb_per_cpu_s": \#(cpu)}"#
        }
    }

    static func run(directories: [String]) -> Result {
        let start = now()
        let extractor = FactExtractor()
        var result = Result()
        for path in files(in: directories) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let t0 = now(), c0 = cpu()
            let (_, facts) = extractor.process(raw: text, source: path)
            result.extractSeconds += now() - t0
            result.extractCPUSeconds += cpu() - c0
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

    static func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
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
