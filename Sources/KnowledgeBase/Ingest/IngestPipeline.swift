import Foundation
import ArticleFiles
import Synchronization
import GRDB
import Extraction
import FrenchText

/// What a worker made of one file, before anything is written: read, decoded, hashed and (unless
/// its text is already stored or crashed kb before) extracted and analysed for search.
struct PreparedFile: Sendable {
    struct Ready: Sendable {
        let source: ArticleStore.Source
        let decoded: TextDecoding.Decoded
        let hash: String
        /// Nil when the worker did not extract: the text looked known, or crashed kb in an earlier
        /// run, or the look-up failed. The writer decides again in its transaction (and extracts
        /// itself if the text turns out to be new after all).
        let extracted: ExtractedArticle?
    }
    let entry: FileEntry
    let name: String
    /// What the file looked like before it was read (remembered if it is skipped).
    let identity: FileIdentity
    let result: Result<Ready, any Error>
}

/// An article with its facts and everything the writer stores about it that is not SQL, all
/// computed off the writer's thread: search texts and terms, new terms with their variants, the
/// fingerprint, the raw text's character offsets. The writer only binds and steps statements.
struct ExtractedArticle: Sendable {
    let article: Article
    let facts: ArticleFacts
    let search: SearchTexts
    let offsets: TextOffsets
    /// Terms the writer's cache did not know when the worker looked (nil: not looked).
    let newTerms: [SearchIndex.PreparedTerm]?
    /// Spellings and keys of `facts.people`, one for one.
    let personForms: [PersonResolver.Forms]

    init(article: Article, facts: ArticleFacts, terms cache: TermCache?, people: PersonResolver) {
        self.article = article
        self.facts = facts
        personForms = facts.people.map { people.forms(name: $0.name, aliases: $0.aliases) }
        let search = SearchTexts(article)
        self.search = search
        offsets = TextOffsets(article.raw)
        newTerms = cache.map { SearchIndex.prepareTerms(search, cache: $0) }
    }
}

/// The analysed headline and body stored for the FTS index, their distinct terms (for the
/// vocabulary) and the body's near-duplicate fingerprint (no second analysis of the body).
struct SearchTexts: Sendable {
    let headline: String
    let body: String
    /// Each term of headline and body once, in order of first appearance.
    let terms: [String]
    let fingerprint: UInt64?
    init(_ article: Article) {
        headline = FrenchAnalyzer.indexText(article.headline)
        body = FrenchAnalyzer.indexText(article.body)
        let bodyTerms = body.split(separator: " ")
        fingerprint = SimHash.fingerprint(terms: bodyTerms.map(String.init))
        var seen = Set<Substring>()
        var terms: [String] = []
        for term in headline.split(separator: " ") + bodyTerms where seen.insert(term).inserted { terms.append(String(term)) }
        self.terms = terms
    }
}

/// The ingest's pipeline: worker threads read, decode, parse, extract and analyse files ahead of
/// the one writer (the thread that runs the ingest), which takes the results in file order, so
/// ids, « earliest copy » links and the run log are as with one thread. At most `window` results
/// wait at any time (memory stays bounded whatever the corpus size).
///
/// Each worker extracts under its own `CrashGuard` slot (1…): a trap names the file that worker
/// was extracting, not another in flight. Nothing here writes to the database.
final class IngestPipeline: Sendable {
    private struct State {
        var next = 0
        var results: [Int: PreparedFile] = [:]
        var stopped = false
    }
    private let count: Int
    private let workers: Int
    private let work: @Sendable (_ slot: Int, _ index: Int) -> PreparedFile
    private let state = Mutex(State())
    private let ready = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore
    private let finished = DispatchGroup()

    /// Workers: one per core (the writer mostly waits for SQLite, and SQLite for the disk), at
    /// least one, at most the marker's slots.
    static var defaultWorkers: Int { min(max(1, ProcessInfo.processInfo.activeProcessorCount), CrashGuard.maxSlots - 1) }

    init(count: Int, workers: Int, window: Int, work: @escaping @Sendable (_ slot: Int, _ index: Int) -> PreparedFile) {
        self.count = count
        self.workers = max(1, min(workers, CrashGuard.maxSlots - 1))
        self.work = work
        room = DispatchSemaphore(value: max(window, self.workers))
        for w in 0..<self.workers {
            finished.enter()
            let thread = Thread { [self] in
                CrashGuard.prepareWorkerThread()
                run(slot: w + 1)
                finished.leave()
            }
            // Extraction of a long article recurses as deep as on the main thread.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func run(slot: Int) {
        while true {
            room.wait()
            let index: Int? = state.withLock { s in
                guard !s.stopped, s.next < count else { return nil }
                s.next += 1
                return s.next - 1
            }
            guard let index else {
                room.signal()  // wakes the next worker, which stops too
                return
            }
            let prepared = work(slot, index)
            state.withLock { $0.results[index] = prepared }
            ready.signal()
        }
    }

    /// The result for file `index`, waiting for it; each index is asked for once, in order.
    func result(_ index: Int) -> PreparedFile {
        while true {
            if let r = state.withLock({ $0.results.removeValue(forKey: index) }) {
                room.signal()
                return r
            }
            ready.wait()
        }
    }

    /// Stops the workers (those extracting finish their article) and waits for them.
    func stop() {
        state.withLock { $0.stopped = true }
        for _ in 0..<workers { room.signal() }
        finished.wait()
    }
}
