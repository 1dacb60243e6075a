-- CreateIndex
CREATE INDEX "assessment_attempt_status_releasedAt_idx" ON "assessment_attempt"("status", "releasedAt");

