-- CreateTable
CREATE TABLE "quiz_attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "correct" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "review" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "quiz_attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assessment_attempt" (
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
    CONSTRAINT "assessment_attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assessment_answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "assessment_answer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "quiz_attempt_userId_moduleSlug_submittedAt_idx" ON "quiz_attempt"("userId", "moduleSlug", "submittedAt");

-- CreateIndex
CREATE INDEX "assessment_attempt_status_submittedAt_idx" ON "assessment_attempt"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_attempt_userId_number_key" ON "assessment_attempt"("userId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_answer_attemptId_itemKey_key" ON "assessment_answer"("attemptId", "itemKey");

