import Foundation
import GRDB

/// The library's schema, one migration at a time. A migration is never edited once released: a change is a
/// new migration appended here.
enum LibraryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: interviews, recordings, segments, markers") { db in
            try db.create(table: "interview") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "recording") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull().unique()
                t.column("path", .text).notNull()
                t.column("fingerprint", .text).notNull().unique()
                t.column("container", .text).notNull()
                t.column("encoding", .text).notNull()
                t.column("sampleRate", .integer).notNull().check { $0 > 0 }
                t.column("channelCount", .integer).notNull().check { $0 >= 1 && $0 <= 8 }
                t.column("frameCount", .integer).notNull().check { $0 > 0 }
                t.column("expectedFrameCount", .integer)
                t.column("nonFiniteSampleCount", .integer).notNull().defaults(to: 0)
                t.column("envelope", .blob).notNull()
                t.column("segmentation", .blob).notNull()
                t.column("importedAt", .datetime).notNull()
            }
            // Segments are derived data: re-segmenting replaces them all. What people add later (highlights,
            // text) is anchored to frame ranges of the recording, not to segment rows, so it maps onto
            // whatever segments exist by time and survives any re-segmentation.
            try db.create(table: "segment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("recording", onDelete: .cascade).notNull()
                t.column("startFrame", .integer).notNull().check { $0 >= 0 }
                t.column("endFrame", .integer).notNull()
                t.column("channel", .integer).check { $0 >= 0 && $0 < 8 }
                t.check(sql: "endFrame > startFrame")
            }
            try db.create(index: "segment_by_time", on: "segment", columns: ["recordingId", "startFrame"])
            try db.create(table: "marker") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("recording", onDelete: .cascade).notNull()
                t.column("frame", .integer).notNull().check { $0 >= 0 }
                t.column("label", .text).notNull()
            }
            try db.create(table: "highlight") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.column("startFrame", .integer).notNull().check { $0 >= 0 }
                t.column("endFrame", .integer).notNull()
                t.column("title", .text)
                t.column("note", .text)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "endFrame > startFrame")
            }
            try db.create(table: "textRevision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.column("startFrame", .integer).notNull().check { $0 >= 0 }
                t.column("endFrame", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("origin", .text).notNull().check { ["interviewer", "author", "machine"].contains($0) }
                t.column("draftId", .integer)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "endFrame > startFrame")
            }
            try db.create(table: "draft") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.column("version", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("recipient", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["interviewId", "version"])
            }
        }
        migrator.registerMigration("v2: speaker names, the edit journal, listener markers") { db in
            try db.create(table: "speakerName") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.column("channel", .integer).notNull().check { $0 >= 0 && $0 < 8 }
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.uniqueKey(["interviewId", "channel"])
            }
            // One row per undoable edit: the state of the time range it touched, before and after, as JSON.
            try db.create(table: "edit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.column("label", .text).notNull()
                t.column("startFrame", .integer).notNull()
                t.column("endFrame", .integer).notNull()
                t.column("before", .blob).notNull()
                t.column("after", .blob).notNull()
                t.column("undone", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
            }
            try db.alter(table: "marker") { t in
                t.add(column: "origin", .text).notNull().defaults(to: "recorder")
                    .check { ["recorder", "listener"].contains($0) }
            }
            try db.create(
                index: "textRevision_by_range", on: "textRevision", columns: ["interviewId", "startFrame", "endFrame"])
            try db.create(index: "highlight_by_time", on: "highlight", columns: ["interviewId", "startFrame"])
        }
        migrator.registerMigration("v3: what each draft sent, paragraph by paragraph") { db in
            try db.alter(table: "draft") { t in
                // JSON: one entry per paragraph sent, with the frame range of its segment and the exact words.
                t.add(column: "paragraphs", .blob).notNull().defaults(to: Data("[]".utf8))
            }
        }
        migrator.registerMigration("v4: each edit journalled as what it did, not as a sentence") { db in
            // SQLite cannot relax the NOT NULL on `label` in place: the table is made again and the rows copied.
            try db.create(table: "journalledEdit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                // The sentence an older Tapescript journalled; rows written from now on leave it NULL.
                t.column("label", .text)
                // JSON: what the edit did (an EditSummary), from which the sentence is made when it is shown.
                t.column("summary", .text)
                t.column("startFrame", .integer).notNull()
                t.column("endFrame", .integer).notNull()
                t.column("before", .blob).notNull()
                t.column("after", .blob).notNull()
                t.column("undone", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "(label IS NULL) <> (summary IS NULL)")
            }
            try db.execute(
                sql: """
                    INSERT INTO journalledEdit (id, interviewId, label, startFrame, endFrame, before, after, undone, createdAt)
                    SELECT id, interviewId, label, startFrame, endFrame, before, after, undone, createdAt FROM edit
                    """)
            try db.drop(table: "edit")
            try db.rename(table: "journalledEdit", to: "edit")
            // The index `belongsTo` made is named after the table it was made on; give it the name it had.
            try db.drop(index: "journalledEdit_on_interviewId")
            try db.create(index: "edit_on_interviewId", on: "edit", columns: ["interviewId"])
        }
        migrator.registerMigration("v5: the author's comments, kept with the draft they came back on") { db in
            try db.create(table: "authorComment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.belongsTo("draft", onDelete: .cascade).notNull()
                // The paragraph it was written by, when it named one: its anchor and the frames it was sent for.
                t.column("anchor", .text)
                t.column("startFrame", .integer)
                t.column("endFrame", .integer)
                t.column("text", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v6: the machine's transcript with its text versions") { db in
            try db.alter(table: "textRevision") { t in
                // JSON: engine, model, language and the words with times and confidences (MachineTranscript).
                t.add(column: "machine", .text)
            }
        }
        migrator.registerMigration("v7: how sure each speaker is, speakers given by hand, the interviewer") { db in
            try db.alter(table: "segment") { t in
                // From 0 (halfway between two voices) to 1; NULL where the channel says who talks.
                t.add(column: "speakerConfidence", .double).check { $0 >= 0 && $0 <= 1 }
                // A person gave this segment its speaker: a resegment keeps it for the same stretch of time.
                t.add(column: "speakerSetByHand", .boolean).notNull().defaults(to: false)
            }
            try db.alter(table: "interview") { t in
                // The speaker (channel on a call, voice on mono) whose paragraphs are the questions; NULL: whoever
                // speaks first.
                t.add(column: "interviewerSpeaker", .integer).check { $0 >= 0 && $0 < 8 }
            }
        }
        migrator.registerMigration("v8: each voiceprint in a row of its own") { db in
            // The voiceprint section of a mono recording's envelope (megabytes for hours), kept apart as the
            // last column of its own row: SQLite can then write it piece by piece from the importer's memory
            // instead of building it whole. Envelopes stored before keep theirs appended.
            try db.create(table: "voiceprint") { t in
                t.primaryKey("recordingId", .integer).references("recording", onDelete: .cascade)
                t.column("section", .blob).notNull()
            }
        }
        migrator.registerMigration("v9: the form each draft was sent in") { db in
            try db.alter(table: "draft") { t in
                // txt, md, docx or eml; NULL for drafts sent before it was kept.
                t.add(column: "format", .text)
            }
        }
        migrator.registerMigration("v10: every highlight keeps its number") { db in
            try db.alter(table: "highlight") { t in
                t.add(column: "number", .integer).notNull().defaults(to: 0)
            }
            // Until now a highlight's number was its place in time order; it stays what the user last saw.
            try db.execute(
                sql: """
                    UPDATE highlight SET number = (
                        SELECT COUNT(*) FROM highlight AS other WHERE other.interviewId = highlight.interviewId
                        AND (other.startFrame < highlight.startFrame
                            OR (other.startFrame = highlight.startFrame AND other.id <= highlight.id)))
                    """)
            try db.create(index: "highlightNumber", on: "highlight", columns: ["interviewId", "number"], unique: true)
        }
        return migrator
    }
}
