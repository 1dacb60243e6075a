-- CreateTable
CREATE TABLE "module_progress" (
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "lessonsDone" INTEGER NOT NULL DEFAULT 0,
    "lastLessonAt" DATETIME,
    "firstQuizAt" DATETIME,

    PRIMARY KEY ("userId", "moduleSlug"),
    CONSTRAINT "module_progress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Existing rows, summarised once (decision 040).
INSERT INTO "module_progress" ("userId", "moduleSlug", "lessonsDone", "lastLessonAt", "firstQuizAt")
SELECT k."userId", k."moduleSlug",
  (SELECT COUNT(*) FROM "lesson_progress" p WHERE p."userId" = k."userId" AND p."moduleSlug" = k."moduleSlug"),
  (SELECT MAX(p."completedAt") FROM "lesson_progress" p WHERE p."userId" = k."userId" AND p."moduleSlug" = k."moduleSlug"),
  (SELECT MIN(q."submittedAt") FROM "quiz_attempt" q WHERE q."userId" = k."userId" AND q."moduleSlug" = k."moduleSlug")
FROM (SELECT "userId", "moduleSlug" FROM "lesson_progress" UNION SELECT "userId", "moduleSlug" FROM "quiz_attempt") k;

-- Kept by the database from here on. A new lesson or quiz attempt counts in place (the common,
-- hot path); a deleted or changed row recounts the module of its learner. Deletes only update: a
-- learner deleted with their rows must not get a summary row back. A migration that redefines
-- lesson_progress or quiz_attempt (SQLite copies the table) must create these triggers again.
CREATE TRIGGER "module_progress_lesson_insert" AFTER INSERT ON "lesson_progress" BEGIN
  INSERT INTO "module_progress" ("userId", "moduleSlug", "lessonsDone", "lastLessonAt")
  VALUES (NEW."userId", NEW."moduleSlug", 1, NEW."completedAt")
  ON CONFLICT ("userId", "moduleSlug") DO UPDATE SET "lessonsDone" = "lessonsDone" + 1,
    "lastLessonAt" = CASE WHEN "lastLessonAt" IS NULL OR "lastLessonAt" < excluded."lastLessonAt" THEN excluded."lastLessonAt" ELSE "lastLessonAt" END;
END;

CREATE TRIGGER "module_progress_lesson_delete" AFTER DELETE ON "lesson_progress" BEGIN
  UPDATE "module_progress" SET
    "lessonsDone" = (SELECT COUNT(*) FROM "lesson_progress" p WHERE p."userId" = OLD."userId" AND p."moduleSlug" = OLD."moduleSlug"),
    "lastLessonAt" = (SELECT MAX(p."completedAt") FROM "lesson_progress" p WHERE p."userId" = OLD."userId" AND p."moduleSlug" = OLD."moduleSlug")
  WHERE "userId" = OLD."userId" AND "moduleSlug" = OLD."moduleSlug";
END;

CREATE TRIGGER "module_progress_lesson_update" AFTER UPDATE OF "userId", "moduleSlug", "completedAt" ON "lesson_progress" BEGIN
  UPDATE "module_progress" SET
    "lessonsDone" = (SELECT COUNT(*) FROM "lesson_progress" p WHERE p."userId" = OLD."userId" AND p."moduleSlug" = OLD."moduleSlug"),
    "lastLessonAt" = (SELECT MAX(p."completedAt") FROM "lesson_progress" p WHERE p."userId" = OLD."userId" AND p."moduleSlug" = OLD."moduleSlug")
  WHERE "userId" = OLD."userId" AND "moduleSlug" = OLD."moduleSlug";
  INSERT INTO "module_progress" ("userId", "moduleSlug") VALUES (NEW."userId", NEW."moduleSlug") ON CONFLICT DO NOTHING;
  UPDATE "module_progress" SET
    "lessonsDone" = (SELECT COUNT(*) FROM "lesson_progress" p WHERE p."userId" = NEW."userId" AND p."moduleSlug" = NEW."moduleSlug"),
    "lastLessonAt" = (SELECT MAX(p."completedAt") FROM "lesson_progress" p WHERE p."userId" = NEW."userId" AND p."moduleSlug" = NEW."moduleSlug")
  WHERE "userId" = NEW."userId" AND "moduleSlug" = NEW."moduleSlug";
END;

CREATE TRIGGER "module_progress_quiz_insert" AFTER INSERT ON "quiz_attempt" BEGIN
  INSERT INTO "module_progress" ("userId", "moduleSlug", "firstQuizAt")
  VALUES (NEW."userId", NEW."moduleSlug", NEW."submittedAt")
  ON CONFLICT ("userId", "moduleSlug") DO UPDATE SET
    "firstQuizAt" = CASE WHEN "firstQuizAt" IS NULL OR "firstQuizAt" > excluded."firstQuizAt" THEN excluded."firstQuizAt" ELSE "firstQuizAt" END;
END;

CREATE TRIGGER "module_progress_quiz_delete" AFTER DELETE ON "quiz_attempt" BEGIN
  UPDATE "module_progress" SET
    "firstQuizAt" = (SELECT MIN(q."submittedAt") FROM "quiz_attempt" q WHERE q."userId" = OLD."userId" AND q."moduleSlug" = OLD."moduleSlug")
  WHERE "userId" = OLD."userId" AND "moduleSlug" = OLD."moduleSlug";
END;

CREATE TRIGGER "module_progress_quiz_update" AFTER UPDATE OF "userId", "moduleSlug", "submittedAt" ON "quiz_attempt" BEGIN
  UPDATE "module_progress" SET
    "firstQuizAt" = (SELECT MIN(q."submittedAt") FROM "quiz_attempt" q WHERE q."userId" = OLD."userId" AND q."moduleSlug" = OLD."moduleSlug")
  WHERE "userId" = OLD."userId" AND "moduleSlug" = OLD."moduleSlug";
  INSERT INTO "module_progress" ("userId", "moduleSlug") VALUES (NEW."userId", NEW."moduleSlug") ON CONFLICT DO NOTHING;
  UPDATE "module_progress" SET
    "firstQuizAt" = (SELECT MIN(q."submittedAt") FROM "quiz_attempt" q WHERE q."userId" = NEW."userId" AND q."moduleSlug" = NEW."moduleSlug")
  WHERE "userId" = NEW."userId" AND "moduleSlug" = NEW."moduleSlug";
END;
