-- CreateTable
CREATE TABLE "review_card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL DEFAULT 0,
    "difficulty" REAL NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL DEFAULT 0,
    "lastReview" DATETIME,
    "retiredAt" DATETIME,
    "answeredShowing" TEXT,
    "answeredCorrect" BOOLEAN,
    "answeredAt" DATETIME,
    CONSTRAINT "review_card_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "review_log" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "showingId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "rating" INTEGER NOT NULL,
    "elapsedDays" REAL NOT NULL,
    "stateBefore" INTEGER NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    CONSTRAINT "review_log_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "review_card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "review_day" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "finishedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "day"),
    CONSTRAINT "review_day_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "review_import" (
    "attemptId" TEXT NOT NULL PRIMARY KEY,
    "importedAt" DATETIME NOT NULL,
    CONSTRAINT "review_import_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "review_card_userId_retiredAt_due_idx" ON "review_card"("userId", "retiredAt", "due");

-- CreateIndex
CREATE UNIQUE INDEX "review_card_userId_questionKey_key" ON "review_card"("userId", "questionKey");

-- CreateIndex
CREATE UNIQUE INDEX "review_log_showingId_key" ON "review_log"("showingId");

-- CreateIndex
CREATE INDEX "review_log_moduleSlug_questionKey_idx" ON "review_log"("moduleSlug", "questionKey");

-- CreateIndex
CREATE INDEX "review_log_userId_reviewedAt_idx" ON "review_log"("userId", "reviewedAt");

