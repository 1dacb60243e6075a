-- CreateIndex
CREATE INDEX "assessment_answer_attemptId_updatedAt_idx" ON "assessment_answer"("attemptId", "updatedAt");

