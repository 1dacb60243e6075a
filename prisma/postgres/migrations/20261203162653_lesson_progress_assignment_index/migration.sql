-- CreateIndex
CREATE INDEX "lesson_progress_assignment_idx" ON "lesson_progress"("userId", "moduleSlug", "lessonKey", "completedAt");

