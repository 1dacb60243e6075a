-- CreateTable
CREATE TABLE "xapi_statement" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    CONSTRAINT "xapi_statement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "xapi_statement_id_key" ON "xapi_statement"("id");

-- CreateIndex
CREATE INDEX "xapi_statement_status_seq_idx" ON "xapi_statement"("status", "seq");

-- CreateIndex
CREATE INDEX "xapi_statement_userId_seq_idx" ON "xapi_statement"("userId", "seq");

