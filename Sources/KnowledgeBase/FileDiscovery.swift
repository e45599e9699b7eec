import Foundation

/// Expands the paths given to `kb ingest` into `*.txt` files, sorted, each real file once.
enum FileDiscovery {
    static func files(in paths: [String], problems: inout [FileProblem]) throws -> [String] {
        var result: [String] = []
        var seenDirectories = Set<String>()
        let fm = FileManager.default
        for p in paths {
            let absolute = URL(fileURLWithPath: p).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: absolute, isDirectory: &isDirectory) else { throw KBError.pathNotFound(p) }
            if isDirectory.boolValue {
                walk(absolute, into: &result, seen: &seenDirectories, problems: &problems)
            } else {
                result.append(absolute)
            }
        }
        var unique = Set<String>()
        return result.filter { unique.insert($0).inserted }
    }

    private static func walk(_ dir: String, into result: inout [String], seen: inout Set<String>, problems: inout [FileProblem]) {
        let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
        guard seen.insert(real).inserted else {
            problems.append(FileProblem(path: dir, reason: "directory already visited (symbolic link loop?): skipped", ingested: false))
            return
        }
        let fm = FileManager.default
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: dir).sorted() } catch {
            problems.append(FileProblem(path: dir, reason: "cannot list directory: permission denied or unreadable", ingested: false))
            return
        }
        for name in entries where !name.hasPrefix(".") {
            let path = dir + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }  // dangling link
            if isDirectory.boolValue {
                walk(path, into: &result, seen: &seen, problems: &problems)
            } else if name.lowercased().hasSuffix(".txt") {
                result.append(path)
            }
        }
    }
}
