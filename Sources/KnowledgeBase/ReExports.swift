// The library product is `KnowledgeBase`; its value types come from the inner targets.
@_exported import Extraction
@_exported import FrenchText
