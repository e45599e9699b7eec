import Foundation

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and as a
/// fallback Windows-1252 when that reads as plausible French. Binary files are refused.
enum TextDecoding {
    struct Decoded { let text: String; let warning: String? }

    static func decode(_ data: Data) throws -> Decoded {
        let bytes = [UInt8](data)
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let s = String(data: data.dropFirst(2), encoding: encoding) else {
                throw FileFailure("looks like UTF-16 (byte order mark) but does not decode as UTF-16")
            }
            return Decoded(text: s, warning: "decoded from UTF-16")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.contains(0) { throw FileFailure("binary file (contains NUL bytes): skipped") }
        if let s = String(validating: body, as: UTF8.self) { return Decoded(text: s, warning: nil) }
        let s = String(body.map { windows1252[Int($0)] })
        return Decoded(text: s, warning: "not valid UTF-8: decoded as Windows-1252")
    }

    /// Windows-1252 code page (bytes 0x80–0x9F differ from Latin-1).
    static let windows1252: [Character] = (0..<256).map { b -> Character in
        let table: [Int: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return Character(Unicode.Scalar(table[b] ?? UInt32(b))!)
    }
}
