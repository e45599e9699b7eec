// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way: FrenchText ← Extraction ← ArticleFiles ← KnowledgeBase ← kb; HTMLArticle (libxml2) ← ArticleFiles; FetchModel ← KnowledgeBase; Fetch (network, feeds) ← kb-fetch only.
let package = Package(
    name: "kb",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KnowledgeBase", targets: ["KnowledgeBase"]),
        .executable(name: "kb", targets: ["kb"]),
        .executable(name: "kb-fetch", targets: ["kb-fetch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // HTML DSL for `kb report` (no dependencies of its own).
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        .target(name: "FrenchText"),
        .target(name: "Extraction", dependencies: ["FrenchText"]),
        // libxml2's HTML parser (Debian libxml2-dev) for article pages as outlets publish them.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "HTMLArticle", dependencies: ["CLibXML2", "FrenchText"]),
        // `kb fetch`: HTTP (URLSession; FoundationNetworking on Linux), feeds (libxml2), robots.txt. No storage.
        // Fetch state and outcomes, no networking: what the knowledge base stores.
        .target(name: "FetchModel"),
        // Linked only into kb-fetch: libcurl (under FoundationNetworking) costs every process that links it ~30 ms to start.
        .target(name: "Fetch", dependencies: ["FetchModel", "CLibXML2", "HTMLArticle"]),
        // File access without SQLite: discovery, guarded reading, decoding, content hash; `kb extract`'s extractor.
        .target(name: "ArticleFiles", dependencies: ["Extraction", "HTMLArticle"]),
        .target(
            name: "KnowledgeBase",
            dependencies: ["FrenchText", "Extraction", "HTMLArticle", "ArticleFiles", "FetchModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Country dossiers (`kb report`): HTML with inline SVG charts, or Markdown, from a `Dossier`.
        .target(name: "DossierReport", dependencies: ["KnowledgeBase", .product(name: "Plot", package: "Plot")]),
        // The sentences kb and kb-fetch print for library errors: the only place that names their flags.
        .target(name: "CLIMessages", dependencies: ["KnowledgeBase", "ArticleFiles", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "kb",
            dependencies: ["KnowledgeBase", "ArticleFiles", "Extraction", "FrenchText", "CLIMessages", "DossierReport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `kb fetch` (kb runs it from its own directory): the only binary that links the HTTP stack.
        .executableTarget(
            name: "kb-fetch",
            dependencies: ["KnowledgeBase", "ArticleFiles", "CLIMessages", "Fetch", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmark corpus generator and extraction timer (`make bench`); not part of the library.
        .executableTarget(name: "kb-bench", dependencies: ["Extraction", "SeededRandom"]),
        // A seedable generator with a fixed algorithm: the benchmark corpus and the tests' random inputs.
        .target(name: "SeededRandom"),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "FrenchText"]),
        // Library tests (and the fixtures the end-to-end tests share); EndToEndTests run the built kb and kb-bench.
        .testTarget(name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase", "ArticleFiles", "Extraction", "FrenchText", "SeededRandom"]),
        .testTarget(name: "EndToEndTests", dependencies: ["KnowledgeBaseTests", "KnowledgeBase", "DossierReport", "ArticleFiles", "Extraction", "FrenchText", "SeededRandom"]),
        .testTarget(name: "ArticleFilesTests", dependencies: ["ArticleFiles"]),
        .testTarget(name: "HTMLArticleTests", dependencies: ["HTMLArticle"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch"]),
    ]
)
