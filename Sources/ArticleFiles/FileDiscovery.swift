import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file found by `FileDiscovery`, with what `stat` said about it.
package struct FileEntry: Sendable, Equatable {
    package let path: String
    package let size: Int
    /// Seconds since 1970, nanosecond precision: with the size, decides « unchanged » without reading.
    package let mtime: Double
}

/// Expands the paths given to `kb ingest` into article files (`*.txt`, and pages `*.html`, `*.htm`), sorted, each real
/// directory once. What cannot be read becomes a `FileProblem`, never an abort: broken links,
/// symbolic link loops, FIFOs and devices, directories that cannot be listed.
package enum FileDiscovery {
    /// What a directory walk reads: article text, and article pages as published.
    package static let articleExtensions = [".txt", ".html", ".htm"]

    package static func files(in paths: [String], followSymlinks: Bool = false, problems: inout [FileProblem]) throws -> [FileEntry] {
        var result: [FileEntry] = []
        var seenDirectories: [String: String] = [:]
        for p in paths {
            let absolute = URL(fileURLWithPath: p).standardizedFileURL.path
            switch FileStat.of(absolute) {
            case .failure(let e) where e.code == ENOENT && !FileStat.isSymbolicLink(absolute):
                throw FileAccessError.pathNotFound(p)
            case .failure(let e):
                problems.append(FileProblem(path: absolute, FileStat.failure(e.code), identity: FileIdentity.of(absolute)))
            case .success(let st):
                if st.isDirectory {
                    let root = followSymlinks ? nil : FileStat.realPath(absolute) ?? absolute
                    walk(absolute, root: root, ancestors: [], into: &result, seen: &seenDirectories, problems: &problems)
                } else if st.isRegular {
                    result.append(FileEntry(path: absolute, size: st.size, mtime: st.mtime))
                } else {
                    problems.append(FileProblem(path: absolute, kind: .notRegular, reason: "not a regular file (\(st.kind)): skipped", severity: .skipped, identity: FileIdentity.of(absolute)))
                }
            }
        }
        var unique = Set<String>()
        return result.filter { unique.insert($0.path).inserted }
    }

    /// `root`: the real path of the directory given to `kb ingest`; a symbolic link found inside
    /// that leads out of it is not followed (nil with `--follow-symlinks`).
    private static func walk(_ dir: String, root: String?, ancestors: [String], into result: inout [FileEntry],
                             seen: inout [String: String], problems: inout [FileProblem]) {
        let real = FileStat.realPath(dir) ?? dir
        if ancestors.contains(real) {
            problems.append(FileProblem(path: dir, kind: .linkLoop, reason: "symbolic link loop (leads back to \(real)): skipped", severity: .skipped, identity: FileIdentity.of(dir)))
            return
        }
        // Another link to a directory already read: its files are ingested once, under the first path.
        guard seen[real] == nil else { return }
        seen[real] = dir
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: dir).sorted() } catch {
            // Foundation's error rarely carries the errno: ask the system directly for the reason.
            var code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) }
            if code == nil {
                if let d = opendir(dir) { closedir(d) } else { code = errno }
            }
            let why = code.map { String(cString: strerror($0)).lowercased() } ?? "reason unknown"
            problems.append(FileProblem(path: dir, kind: .unreadable, reason: "directory cannot be listed (\(why)): skipped, with everything in it", severity: .skipped, identity: FileIdentity.of(dir)))
            return
        }
        for name in entries where !name.hasPrefix(".") {
            let path = dir + "/" + name
            // Foundation replaces the bytes of a name that is not UTF-8 with U+FFFD: that path does not exist.
            if name.unicodeScalars.contains("\u{FFFD}") && !FileStat.exists(path) {
                if FileDiscovery.articleExtensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                    problems.append(FileProblem(path: path, kind: .badPath, reason: "the file name is not valid UTF-8 (shown with �): skipped; rename the file", severity: .skipped, identity: nil))
                }
                continue
            }
            if path.utf8.count >= Int(PATH_MAX) {
                problems.append(FileProblem(path: String(path.prefix(200)) + "…", kind: .badPath, reason: "path of \(path.utf8.count) bytes, over the system's \(PATH_MAX)-byte limit: skipped (shorten the directory names)", severity: .skipped, identity: nil))
                continue
            }
            let isText = FileDiscovery.articleExtensions.contains { name.lowercased().hasSuffix($0) }
            if let root, FileStat.isSymbolicLink(path), let target = FileStat.realPath(path),
               target != root, !target.hasPrefix(root == "/" ? "/" : root + "/") {
                if case .success(let st) = FileStat.of(path), isText || st.isDirectory {
                    problems.append(FileProblem(path: path, kind: .symlink, reason: "symbolic link to \(target), outside \(root): not followed: skipped",
                                                severity: .skipped, identity: FileIdentity.of(path)))
                }
                continue
            }
            switch FileStat.of(path) {
            case .failure(let e):
                // A link we cannot follow, or a file we may not even stat.
                if isText || FileStat.isSymbolicLink(path) {
                    problems.append(FileProblem(path: path, FileStat.failure(e.code), identity: FileIdentity.of(path)))
                }
            case .success(let st):
                if st.isDirectory {
                    walk(path, root: root, ancestors: ancestors + [real], into: &result, seen: &seen, problems: &problems)
                } else if isText {
                    if st.isRegular {
                        result.append(FileEntry(path: path, size: st.size, mtime: st.mtime))
                    } else {
                        problems.append(FileProblem(path: path, kind: .notRegular, reason: "not a regular file (\(st.kind)): skipped", severity: .skipped, identity: FileIdentity.of(path)))
                    }
                }
            }
        }
    }
}

/// `stat(2)` (following links), as a value.
package struct FileStat {
    package let mode: mode_t
    package let size: Int
    package let mtime: Double
    /// Status change time: moves on chmod/chown too, which a permission fix does not do to mtime.
    package let ctime: Double

    package var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
    package var isRegular: Bool { mode & S_IFMT == S_IFREG }
    package var kind: String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a directory"
        default: return "not a file"
        }
    }

    package static func of(_ path: String) -> Result<FileStat, StatError> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(StatError(code: errno)) }
        return .success(FileStat(st))
    }

    package init(_ st: stat) {
        mode = st.st_mode
        size = Int(st.st_size)
        #if canImport(Darwin)
        mtime = Double(st.st_mtimespec.tv_sec) + Double(st.st_mtimespec.tv_nsec) / 1e9
        ctime = Double(st.st_ctimespec.tv_sec) + Double(st.st_ctimespec.tv_nsec) / 1e9
        #else
        mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        ctime = Double(st.st_ctim.tv_sec) + Double(st.st_ctim.tv_nsec) / 1e9
        #endif
    }

    package static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    package static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    package static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The kind of a system error on a path.
    package static func kind(_ errno: Int32) -> FileProblem.Kind {
        switch errno {
        case ELOOP: return .linkLoop
        case ENAMETOOLONG: return .badPath
        default: return .unreadable
        }
    }

    /// A system error on a path, as a skipped file.
    package static func failure(_ errno: Int32) -> FileFailure { FileFailure(kind(errno), describe(errno)) }

    /// The user-facing reason a path could not be used.
    package static func describe(_ errno: Int32) -> String {
        switch errno {
        case ENOENT: return "broken symbolic link (its target does not exist): skipped"
        case ENAMETOOLONG: return "path too long for the system (over \(PATH_MAX) bytes, or a name over 255): skipped (shorten it)"
        case ELOOP: return "symbolic link loop (the link points back to itself): skipped"
        case EACCES, EPERM: return "permission denied: skipped (check the file's owner and mode)"
        default: return "cannot be read (\(String(cString: strerror(errno)).lowercased())): skipped"
        }
    }
}

package struct StatError: Error { package let code: Int32 }
