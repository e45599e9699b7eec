/// Byte questions the extractors ask of nearly every word. `String.UTF8View`'s generic `contains`
/// and `last` cost a couple of hundred instructions per word (a twentieth of extraction); read
/// through the contiguous UTF-8 (small strings too), the same answer is a few instructions.
extension String {
    /// Whether the UTF-8 of the string holds `byte` (« mi-mai » holds `-`).
    @inline(__always)
    package func utf8Contains(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// The last UTF-8 byte, nil for the empty string.
    @inline(__always)
    package var lastUTF8Byte: UInt8? {
        utf8.withContiguousStorageIfAvailable { $0.last } ?? utf8.last
    }
}

/// Unicode properties of the non-ASCII scalars French and Vietnamese words are made of (Latin-1 to
/// Latin Extended-B, the combining marks, Latin Extended Additional), from a table: asking
/// `Unicode.Scalar.Properties` of every accented letter was a twentieth of extraction. Other
/// scalars are asked directly. The table is small, so building it costs a search's start-up nothing.
package enum ScalarClass {
    package static let alphabetic: UInt8 = 1, uppercase: UInt8 = 2, wordScalar: UInt8 = 4

    @inline(__always)
    package static func of(_ s: Unicode.Scalar) -> UInt8 {
        let v = s.value
        if v < 0x370 { return latin[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return latinAdditional[Int(v - 0x1E00)] }
        // ’ – — … and the thin spaces: asked of nearly every sentence.
        if v >= 0x2000 && v < 0x2070 { return generalPunctuation[Int(v - 0x2000)] }
        return compute(s)
    }

    private static let latin: [UInt8] = (0..<0x370).map { compute(Unicode.Scalar(UInt32($0))!) }
    private static let latinAdditional: [UInt8] = (0x1E00..<0x1F00).map { compute(Unicode.Scalar(UInt32($0))!) }
    private static let generalPunctuation: [UInt8] = (0x2000..<0x2070).map { compute(Unicode.Scalar(UInt32($0))!) }

    /// `wordScalar` is the tokenizer's word character: alphabetic, a non-spacing mark or a decimal digit.
    private static func compute(_ s: Unicode.Scalar) -> UInt8 {
        let p = s.properties
        var f: UInt8 = 0
        if p.isAlphabetic { f |= alphabetic }
        if p.isUppercase { f |= uppercase }
        if p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .decimalNumber { f |= wordScalar }
        return f
    }
}
