-- AlterTable
ALTER TABLE "user" ADD COLUMN     "lastActivityAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "item_response" (
    "id" SERIAL NOT NULL,
    "quizAttemptId" TEXT,
    "assessmentAttemptId" TEXT,
    "userId" TEXT NOT NULL,
    "bank" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "version" TEXT,
    "correct" BOOLEAN NOT NULL,
    "chosen" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "first" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "item_response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "item_response_analysis_idx" ON "item_response"("itemKey", "version", "total", "correct", "chosen", "first", "position", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "item_response_quizAttemptId_itemKey_key" ON "item_response"("quizAttemptId", "itemKey");

-- CreateIndex
CREATE UNIQUE INDEX "item_response_assessmentAttemptId_itemKey_key" ON "item_response"("assessmentAttemptId", "itemKey");

-- CreateIndex
CREATE INDEX "user_lastActivityAt_idx" ON "user"("lastActivityAt");

-- CreateIndex
CREATE INDEX "lesson_progress_lessonKey_userId_idx" ON "lesson_progress"("lessonKey", "userId");

-- CreateIndex
CREATE INDEX "assessment_attempt_dashboard_idx" ON "assessment_attempt"("userId", "number", "status", "deadlineAt", "id", "outcome", "part1Score", "part2Score", "part3Score", "finalScore", "submittedAt");

-- AddForeignKey
ALTER TABLE "item_response" ADD CONSTRAINT "item_response_quizAttemptId_fkey" FOREIGN KEY ("quizAttemptId") REFERENCES "quiz_attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_response" ADD CONSTRAINT "item_response_assessmentAttemptId_fkey" FOREIGN KEY ("assessmentAttemptId") REFERENCES "assessment_attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

