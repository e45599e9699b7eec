import Foundation
import Extraction

/// kb-bench: the synthetic corpus generator and the extraction-only timer used by `make bench`.
///
///   kb-bench generate --count N --out DIR [--seed S]   N articles in DIR/NNNN/ (1,000 per folder)
///   kb-bench extract DIR...                             parse + extract every *.txt, no database;
///                                                       prints one JSON line of timings
///   kb-bench facts DIR...                               every *.txt's export record, as `kb extract` prints it
let usage = """
    usage: kb-bench generate --count N --out DIR [--seed S]
           kb-bench extract DIR...
           kb-bench facts DIR...
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kb-bench: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "generate":
    guard let count = option("--count", in: args).flatMap(Int.init), count > 0,
          let out = option("--out", in: args) else { fail("generate needs --count N (N > 0) and --out DIR\n\(usage)") }
    let seed = option("--seed", in: args).flatMap { UInt64($0) } ?? 20_251_203
    do { try CorpusGenerator.generate(count: count, into: out, seed: seed) } catch { fail("\(error)") }
case "extract":
    let dirs = Array(args.dropFirst())
    guard !dirs.isEmpty else { fail("extract needs at least one directory\n\(usage)") }
    print(ExtractionTimer.run(directories: dirs).json)
case "facts":
    let dirs = Array(args.dropFirst())
    guard !dirs.isEmpty else { fail("facts needs at least one directory\n\(usage)") }
    FactsDump.run(directories: dirs)
default:
    fail(usage)
}
