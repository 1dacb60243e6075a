-- CreateTable
CREATE TABLE "attempt_integrity_event" (
    "id" SERIAL NOT NULL,
    "attemptId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "itemKey" TEXT,
    "detail" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attempt_integrity_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attempt_integrity_event_attemptId_at_idx" ON "attempt_integrity_event"("attemptId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "attempt_integrity_event_attemptId_clientId_key" ON "attempt_integrity_event"("attemptId", "clientId");

-- AddForeignKey
ALTER TABLE "attempt_integrity_event" ADD CONSTRAINT "attempt_integrity_event_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

