-- CreateTable
CREATE TABLE "grade_event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "scores" TEXT,
    "comment" TEXT,
    "part2Score" REAL,
    "part3Score" REAL,
    "finalScore" REAL,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grade_event_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_assessment_attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "paper" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "autoSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "part1Score" REAL,
    "part2AutoPoints" REAL,
    "part2Score" REAL,
    "part3Score" REAL,
    "finalScore" REAL,
    "outcome" TEXT,
    "gradeScores" TEXT,
    "gradeComment" TEXT,
    "gradeVersion" INTEGER NOT NULL DEFAULT 0,
    "gradedById" TEXT,
    "gradedAt" DATETIME,
    "releasedAt" DATETIME,
    CONSTRAINT "assessment_attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_assessment_attempt" ("autoSubmitted", "deadlineAt", "finalScore", "id", "number", "paper", "part1Score", "part2AutoPoints", "part2Score", "part3Score", "seed", "startedAt", "status", "submittedAt", "userId") SELECT "autoSubmitted", "deadlineAt", "finalScore", "id", "number", "paper", "part1Score", "part2AutoPoints", "part2Score", "part3Score", "seed", "startedAt", "status", "submittedAt", "userId" FROM "assessment_attempt";
DROP TABLE "assessment_attempt";
ALTER TABLE "new_assessment_attempt" RENAME TO "assessment_attempt";
CREATE INDEX "assessment_attempt_status_submittedAt_idx" ON "assessment_attempt"("status", "submittedAt");
CREATE INDEX "assessment_attempt_finalScore_idx" ON "assessment_attempt"("finalScore");
CREATE UNIQUE INDEX "assessment_attempt_userId_number_key" ON "assessment_attempt"("userId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "grade_event_attemptId_createdAt_idx" ON "grade_event"("attemptId", "createdAt");

