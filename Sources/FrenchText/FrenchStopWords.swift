/// The Snowball French stop word list (the one Lucene's FrenchAnalyzer uses), folded the way
/// the analyzer folds terms (« même » → « meme », « à » → « a »). It is a fixed linguistic list,
/// not reference data: changing it changes the index, so it goes with `FrenchAnalyzer.version`.
enum FrenchStopWords {
    static let words: [String] = """
        au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi mon ne nos
        notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous
        c d j l à m n s t y
        été étée étées étés étant étante étants étantes suis es est sommes êtes sont serai seras sera serons serez
        seront serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent
        sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent
        ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront
        aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies
        ait ayons ayez aient eusse eusses eût eussions eussiez eussent
        ceci cela celà cet cette ici ils les leurs quel quels quelle quelles sans soi
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Folding.fold($0) }

    /// Stop words packed into 64 bits (all are at most 8 bytes once folded), so the hot loop
    /// tests membership without building a String.
    static let packed: Set<UInt64> = Set(words.map { pack(Array($0.utf8))! })

    @inline(__always) static func pack<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
        guard bytes.count <= 8 else { return nil }
        var v: UInt64 = 0
        for b in bytes { v = (v << 8) | UInt64(b) }
        return v | (UInt64(bytes.count) << 60)
    }
}
