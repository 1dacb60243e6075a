-- AlterTable
ALTER TABLE "quiz_attempt" ADD COLUMN "sittingId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "quiz_attempt_sittingId_key" ON "quiz_attempt"("sittingId");

