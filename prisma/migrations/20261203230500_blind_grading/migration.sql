-- AlterTable
ALTER TABLE "assessment_attempt" ADD COLUMN "doubleGrading" TEXT;

-- CreateTable
CREATE TABLE "blind_grade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "graderId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "finalisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "blind_grade_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "blind_grade_finalisedAt_idx" ON "blind_grade"("finalisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "blind_grade_attemptId_role_key" ON "blind_grade"("attemptId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "blind_grade_attemptId_graderId_key" ON "blind_grade"("attemptId", "graderId");

