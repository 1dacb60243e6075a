-- AlterTable
ALTER TABLE "quiz_attempt" ADD COLUMN "confidencePoints" INTEGER;

-- AlterTable
ALTER TABLE "item_response" ADD COLUMN "confidence" INTEGER;

-- CreateIndex
CREATE INDEX "item_response_confidence_idx" ON "item_response"("confidence", "itemKey", "correct", "first", "userId");

