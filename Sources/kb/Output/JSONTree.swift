import Foundation

/// A JSON value whose objects keep their keys in the order they were encoded.
///
/// Every machine format of kb's listings and cards is made from this one tree: JSON and ndjson
/// print it, CSV and TSV read their cells from it, so the formats cannot carry different columns.
/// Foundation's JSONEncoder was not enough: synthesized `Encodable` conformances skip nil
/// optionals (`encodeIfPresent`), so rows of one listing had different key sets, and keys came out
/// sorted rather than in the columns' order.
indirect enum JSONTree: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    static func == (l: JSONTree, r: JSONTree) -> Bool {
        switch (l, r) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }

    /// The value of `key` in an object (nil when absent or not an object).
    subscript(key: String) -> JSONTree? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    var keys: [String] {
        guard case let .object(pairs) = self else { return [] }
        return pairs.map(\.0)
    }

    /// Encodes `value`; keys become snake_case (`startedAt` → `started_at`) whatever the type declares.
    static func encode<T: Encodable>(_ value: T) throws -> JSONTree {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.value ?? .null
    }

    /// Compact JSON (ndjson, export lines), or indented by two spaces per level.
    func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d): out += Numbers.raw(d)
        case let .string(s): JSONTree.quote(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "" : ","
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                item.write(to: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                out += i == 0 ? "" : ","
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                JSONTree.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Control characters, and the two separators JavaScript does not accept in strings.
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// `visitorCountry` → `visitor_country`; `labelEN` → `label_en`; snake_case stays as it is.
    static func snakeCase(_ key: String) -> String {
        guard key.contains(where: \.isUppercase) else { return key }
        var out = ""
        let chars = Array(key)
        for (i, c) in chars.enumerated() {
            if c.isUppercase {
                let previousLower = i > 0 && (chars[i - 1].isLowercase || chars[i - 1].isNumber)
                let nextLower = i + 1 < chars.count && chars[i + 1].isLowercase && i > 0 && chars[i - 1].isUppercase
                if i > 0 && (previousLower || nextLower) && out.last != "_" { out += "_" }
                out += c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Where a container writes: a reference, so nested containers fill their parent in place.
private final class TreeBox {
    var value: JSONTree?
    init(_ value: JSONTree? = nil) { self.value = value }
}

private final class TreeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage: TreeBox

    init(codingPath: [CodingKey], storage: TreeBox = TreeBox()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.value == nil { storage.value = .object([]) }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(codingPath: codingPath, storage: storage))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if storage.value == nil { storage.value = .array([]) }
        return UnkeyedTreeContainer(codingPath: codingPath, storage: storage)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleTreeContainer(codingPath: codingPath, storage: storage)
    }

    static func tree<T: Encodable>(_ value: T, path: [CodingKey]) throws -> JSONTree {
        switch value {
        case let v as String: return .string(v)
        case let v as Bool: return .bool(v)
        case let v as Int: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as Int32: return .int(Int64(v))
        case let v as Double: return v.isFinite ? .double(v) : .null
        case let v as Float: return v.isFinite ? .double(Double(v)) : .null
        default:
            let encoder = TreeEncoder(codingPath: path)
            try value.encode(to: encoder)
            return encoder.storage.value ?? .object([])
        }
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let codingPath: [CodingKey]
    let storage: TreeBox

    private func set(_ key: Key, _ value: JSONTree) {
        guard case var .object(pairs) = storage.value ?? .object([]) else { return }
        let name = JSONTree.snakeCase(key.stringValue)
        if let i = pairs.firstIndex(where: { $0.0 == name }) { pairs[i].1 = value } else { pairs.append((name, value)) }
        storage.value = .object(pairs)
        onChange?()
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, .null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try TreeEncoder.tree(value, path: codingPath + [key]))
    }
    // The point of this encoder: an absent optional is an explicit null, never a missing key.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { set(key, .null) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { set(key, value.map(JSONTree.string) ?? .null) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { set(key, value.map { .int(Int64($0)) } ?? .null) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { set(key, value.map(JSONTree.int) ?? .null) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { set(key, value.map { $0.isFinite ? .double($0) : .null } ?? .null) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { set(key, value.map(JSONTree.bool) ?? .null) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let box = TreeBox(.object([]))
        set(key, .object([]))
        let parent = self
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(codingPath: codingPath + [key], storage: box, onChange: {
            parent.set(key, box.value ?? .null)
        }))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let box = TreeBox(.array([]))
        set(key, .array([]))
        let parent = self
        return UnkeyedTreeContainer(codingPath: codingPath + [key], storage: box, onChange: {
            parent.set(key, box.value ?? .null)
        })
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(codingPath: codingPath, storage: storage) }
    mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(codingPath: codingPath + [key], storage: storage) }

    var onChange: (() -> Void)? = nil
    init(codingPath: [CodingKey], storage: TreeBox, onChange: (() -> Void)? = nil) {
        self.codingPath = codingPath; self.storage = storage; self.onChange = onChange
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let codingPath: [CodingKey]
    let storage: TreeBox
    var onChange: (() -> Void)? = nil

    var count: Int {
        if case let .array(items) = storage.value { return items.count }
        return 0
    }

    private func append(_ value: JSONTree) {
        guard case var .array(items) = storage.value ?? .array([]) else { return }
        items.append(value)
        storage.value = .array(items)
        onChange?()
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try TreeEncoder.tree(value, path: codingPath)) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        append(.object([]))
        let box = TreeBox(.object([])), parent = storage, change = onChange
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(codingPath: codingPath, storage: box, onChange: {
            if case var .array(items) = parent.value { items[index] = box.value ?? .null; parent.value = .array(items) }
            change?()
        }))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let index = count
        append(.array([]))
        let box = TreeBox(.array([])), parent = storage, change = onChange
        return UnkeyedTreeContainer(codingPath: codingPath, storage: box, onChange: {
            if case var .array(items) = parent.value { items[index] = box.value ?? .null; parent.value = .array(items) }
            change?()
        })
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(codingPath: codingPath) }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let codingPath: [CodingKey]
    let storage: TreeBox
    mutating func encodeNil() throws { storage.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { storage.value = try TreeEncoder.tree(value, path: codingPath) }
}

/// The one number formatter: raw digits in machine formats, grouped digits for people.
enum Numbers {
    /// 1e8 → « 100000000 » (never « 100000000.0 » nor « 1e+08 »); 94.5 → « 94.5 ».
    static func raw(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// 100000000 → « 100,000,000 »; 94500000.5 → « 94,500,000.5 ». Commas, as the English-language
    /// outlets and the trade statistics print them; readers of French are not misled (no decimal comma here).
    static func grouped(_ d: Double) -> String {
        guard d.isFinite else { return "" }
        let text = raw(abs(d))
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = String(parts[0])
        guard integer.allSatisfy(\.isNumber) else { return raw(d) }
        return (d < 0 ? "-" : "") + group(integer) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Integers in tables: grouped from five digits on, so that years (2025) and small counts read as
    /// they are written, as style guides leave four-digit numbers unseparated.
    static func grouped(_ i: Int64) -> String {
        abs(i) < 10_000 ? String(i) : (i < 0 ? "-" : "") + group(String(i.magnitude))
    }

    private static func group(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

extension JSONTree {
    /// The cell in CSV and TSV: numbers raw, lists joined by « , », null empty.
    var machineCell: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return Numbers.raw(d)
        case let .string(s): return s
        case let .array(items): return items.map(\.machineCell).joined(separator: ", ")
        case .object: return serialized()
        }
    }

    /// The cell in a table: numbers grouped for reading.
    var humanCell: String {
        switch self {
        case let .int(i): return Numbers.grouped(i)
        case let .double(d): return Numbers.grouped(d)
        case let .array(items): return items.map(\.humanCell).joined(separator: ", ")
        default: return machineCell
        }
    }
}
