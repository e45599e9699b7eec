/// Extracts VisitFacts from a document, given the people found in it (stub: to be written).
public struct VisitExtractor: Sendable {
    public let reference: Reference
    public init(reference: Reference) { self.reference = reference }

    public func extract(from document: Document, people: [PersonFact]) -> [VisitFact] { [] }
}
