import FrenchText

/// Two words of a name run together by a page that lost the space between them (« Pham BinhMinh »):
/// a capitalised word whose second half starts with a capital after a lower-case letter is two
/// tokens when both halves are Vietnamese syllables. Brand names keep their capitals (« VinFast »,
/// « PetroVietnam », « HDBank »: not two syllables).
enum GluedWords {
    static func split(_ tokens: [Token], _ bytes: [UInt8]) -> [Token] {
        guard tokens.contains(where: isCandidate) else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count + 2)
        for t in tokens {
            guard isCandidate(t), let cut = cut(t, bytes) else { out.append(t); continue }
            out += Tokenizer.tokens(bytes, in: t.range.lowerBound..<cut)
            out += Tokenizer.tokens(bytes, in: cut..<t.range.upperBound)
        }
        return out
    }

    /// Capitalised, not an acronym, no hyphen, and between two short syllables and two long ones in bytes.
    private static func isCandidate(_ t: Token) -> Bool {
        t.isCapitalized && !t.isAcronym && !t.isPunctuation && !t.hasHyphen && t.range.count >= 4 && t.range.count <= 16
    }

    /// The byte where the second syllable starts, when the word is two Vietnamese syllables.
    private static func cut(_ t: Token, _ bytes: [UInt8]) -> Int? {
        let r = t.range
        var k = r.lowerBound + 2
        while k < r.upperBound {
            if bytes[k] >= 0x41 && bytes[k] <= 0x5A, bytes[k - 1] >= 0x61 && bytes[k - 1] <= 0x7A { break }
            k += 1
        }
        guard k < r.upperBound - 1 else { return nil }
        let first = Folding.fold(String(decoding: bytes[r.lowerBound..<k], as: UTF8.self))
        let second = Folding.fold(String(decoding: bytes[k..<r.upperBound], as: UTF8.self))
        guard PersonExtractor.isVietnameseSyllableShape(first), PersonExtractor.isVietnameseSyllableShape(second) else { return nil }
        return k
    }
}
