-- CreateTable
CREATE TABLE "xapi_statement" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "xapi_statement_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "xapi_statement_id_key" ON "xapi_statement"("id");

-- CreateIndex
CREATE INDEX "xapi_statement_status_seq_idx" ON "xapi_statement"("status", "seq");

-- CreateIndex
CREATE INDEX "xapi_statement_userId_seq_idx" ON "xapi_statement"("userId", "seq");

-- AddForeignKey
ALTER TABLE "xapi_statement" ADD CONSTRAINT "xapi_statement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

