-- CreateIndex
CREATE INDEX "lesson_progress_lessonKey_userId_idx" ON "lesson_progress"("lessonKey", "userId");

-- CreateIndex
CREATE INDEX "assessment_attempt_dashboard_idx" ON "assessment_attempt"("userId", "number", "status", "deadlineAt", "id", "outcome", "part1Score", "part2Score", "part3Score", "finalScore", "submittedAt");

