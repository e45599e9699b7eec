import GRDB
import Testing
@testable import KnowledgeBase

/// A failed backup says what happened: SQLite reports a full disk during a backup as « not an error ».
@Suite struct BackupMessageTests {
    @Test func resultCodesBecomeSentences() {
        #expect(KnowledgeBase.describe(ResultCode.SQLITE_FULL).contains("disk is full"))
        #expect(KnowledgeBase.describe(ResultCode(rawValue: 13 | (1 << 8))).contains("disk is full"))  // an extended code of SQLITE_FULL
        #expect(!KnowledgeBase.describe(ResultCode.SQLITE_IOERR).contains("not an error"))
    }
}
