/// Extracts DomainFacts from a document (stub: to be written).
public struct DomainExtractor: Sendable {
    public let reference: Reference
    public init(reference: Reference) { self.reference = reference }

    public func extract(from document: Document) -> [DomainFact] { [] }
}
