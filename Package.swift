// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way: FrenchText ← Extraction ← KnowledgeBase ← kb.
let package = Package(
    name: "kb",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KnowledgeBase", targets: ["KnowledgeBase"]),
        .executable(name: "kb", targets: ["kb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "FrenchText"),
        .target(name: "Extraction", dependencies: ["FrenchText"]),
        .target(
            name: "KnowledgeBase",
            dependencies: ["FrenchText", "Extraction", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "kb",
            dependencies: ["KnowledgeBase", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmark corpus generator and extraction timer (`make bench`); not part of the library.
        .executableTarget(name: "kb-bench", dependencies: ["Extraction"]),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "FrenchText"]),
        .testTarget(name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase", "Extraction"]),
    ]
)
