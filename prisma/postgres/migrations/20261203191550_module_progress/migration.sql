-- CreateTable
CREATE TABLE "module_progress" (
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "lessonsDone" INTEGER NOT NULL DEFAULT 0,
    "lastLessonAt" TIMESTAMP(3),
    "firstQuizAt" TIMESTAMP(3),

    CONSTRAINT "module_progress_pkey" PRIMARY KEY ("userId","moduleSlug")
);

-- AddForeignKey
ALTER TABLE "module_progress" ADD CONSTRAINT "module_progress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing rows, summarised once (decision 040).
INSERT INTO "module_progress" ("userId", "moduleSlug", "lessonsDone", "lastLessonAt", "firstQuizAt")
SELECT k."userId", k."moduleSlug",
  (SELECT COUNT(*) FROM "lesson_progress" p WHERE p."userId" = k."userId" AND p."moduleSlug" = k."moduleSlug"),
  (SELECT MAX(p."completedAt") FROM "lesson_progress" p WHERE p."userId" = k."userId" AND p."moduleSlug" = k."moduleSlug"),
  (SELECT MIN(q."submittedAt") FROM "quiz_attempt" q WHERE q."userId" = k."userId" AND q."moduleSlug" = k."moduleSlug")
FROM (SELECT "userId", "moduleSlug" FROM "lesson_progress" UNION SELECT "userId", "moduleSlug" FROM "quiz_attempt") k;

-- Kept by the database from here on. A new lesson or quiz attempt counts in place under the
-- lock on the summary row (concurrent completions add up); a deleted or changed row recounts the
-- module of its learner. Deletes only update: a learner deleted with their rows must not get a
-- summary row back (it would also break the foreign key of the cascade).
CREATE FUNCTION "module_progress_recount"(uid TEXT, slug TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE "module_progress" SET
    "lessonsDone" = (SELECT COUNT(*) FROM "lesson_progress" p WHERE p."userId" = uid AND p."moduleSlug" = slug),
    "lastLessonAt" = (SELECT MAX(p."completedAt") FROM "lesson_progress" p WHERE p."userId" = uid AND p."moduleSlug" = slug),
    "firstQuizAt" = (SELECT MIN(q."submittedAt") FROM "quiz_attempt" q WHERE q."userId" = uid AND q."moduleSlug" = slug)
  WHERE "userId" = uid AND "moduleSlug" = slug;
$$;

CREATE FUNCTION "module_progress_lesson_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "module_progress" ("userId", "moduleSlug", "lessonsDone", "lastLessonAt")
  VALUES (NEW."userId", NEW."moduleSlug", 1, NEW."completedAt")
  ON CONFLICT ("userId", "moduleSlug") DO UPDATE SET "lessonsDone" = "module_progress"."lessonsDone" + 1,
    "lastLessonAt" = GREATEST("module_progress"."lastLessonAt", EXCLUDED."lastLessonAt");
  RETURN NULL;
END $$;

CREATE FUNCTION "module_progress_quiz_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "module_progress" ("userId", "moduleSlug", "firstQuizAt")
  VALUES (NEW."userId", NEW."moduleSlug", NEW."submittedAt")
  ON CONFLICT ("userId", "moduleSlug") DO UPDATE SET
    "firstQuizAt" = LEAST("module_progress"."firstQuizAt", EXCLUDED."firstQuizAt");
  RETURN NULL;
END $$;

CREATE FUNCTION "module_progress_row_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "module_progress_recount"(OLD."userId", OLD."moduleSlug");
  RETURN NULL;
END $$;

CREATE FUNCTION "module_progress_row_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "module_progress_recount"(OLD."userId", OLD."moduleSlug");
  INSERT INTO "module_progress" ("userId", "moduleSlug") VALUES (NEW."userId", NEW."moduleSlug") ON CONFLICT DO NOTHING;
  PERFORM "module_progress_recount"(NEW."userId", NEW."moduleSlug");
  RETURN NULL;
END $$;

CREATE TRIGGER "module_progress_lesson_insert" AFTER INSERT ON "lesson_progress"
  FOR EACH ROW EXECUTE FUNCTION "module_progress_lesson_inserted"();
CREATE TRIGGER "module_progress_lesson_delete" AFTER DELETE ON "lesson_progress"
  FOR EACH ROW EXECUTE FUNCTION "module_progress_row_deleted"();
CREATE TRIGGER "module_progress_lesson_update" AFTER UPDATE OF "userId", "moduleSlug", "completedAt" ON "lesson_progress"
  FOR EACH ROW EXECUTE FUNCTION "module_progress_row_updated"();
CREATE TRIGGER "module_progress_quiz_insert" AFTER INSERT ON "quiz_attempt"
  FOR EACH ROW EXECUTE FUNCTION "module_progress_quiz_inserted"();
CREATE TRIGGER "module_progress_quiz_delete" AFTER DELETE ON "quiz_attempt"
  FOR EACH ROW EXECUTE FUNCTION "module_progress_row_deleted"();
CREATE TRIGGER "module_progress_quiz_update" AFTER UPDATE OF "userId", "moduleSlug", "submittedAt" ON "quiz_attempt"
  FOR EACH ROW EXECUTE FUNCTION "module_progress_row_updated"();
