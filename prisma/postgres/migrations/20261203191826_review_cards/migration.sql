-- CreateTable
CREATE TABLE "review_card" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL DEFAULT 0,
    "lastReview" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "answeredShowing" TEXT,
    "answeredCorrect" BOOLEAN,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "review_card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_log" (
    "id" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "showingId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "rating" INTEGER NOT NULL,
    "elapsedDays" DOUBLE PRECISION NOT NULL,
    "stateBefore" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_day" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_day_pkey" PRIMARY KEY ("userId","day")
);

-- CreateTable
CREATE TABLE "review_import" (
    "attemptId" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_import_pkey" PRIMARY KEY ("attemptId")
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

-- AddForeignKey
ALTER TABLE "review_card" ADD CONSTRAINT "review_card_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_log" ADD CONSTRAINT "review_log_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "review_card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_day" ADD CONSTRAINT "review_day_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_import" ADD CONSTRAINT "review_import_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

