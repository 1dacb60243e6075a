-- CreateTable
CREATE TABLE "department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "webhookKind" TEXT,
    "webhookUrl" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "moduleSlugs" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "assignment_target" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "departmentId" TEXT,
    "userId" TEXT,
    CONSTRAINT "assignment_target_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "assignment_target_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "assignment_target_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "assignmentId" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "notice_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbound_message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastActivityAt" DATETIME,
    "departmentId" TEXT,
    "employeeId" TEXT,
    "canGrade" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "user_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_user" ("createdAt", "email", "emailVerified", "id", "image", "lastActivityAt", "name", "role", "updatedAt") SELECT "createdAt", "email", "emailVerified", "id", "image", "lastActivityAt", "name", "role", "updatedAt" FROM "user";
DROP TABLE "user";
ALTER TABLE "new_user" RENAME TO "user";
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE UNIQUE INDEX "user_employeeId_key" ON "user"("employeeId");
CREATE INDEX "user_lastActivityAt_idx" ON "user"("lastActivityAt");
CREATE INDEX "user_departmentId_idx" ON "user"("departmentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "department_path_key" ON "department"("path");

-- CreateIndex
CREATE INDEX "department_parentId_name_idx" ON "department"("parentId", "name");

-- CreateIndex
CREATE INDEX "assignment_dueAt_idx" ON "assignment"("dueAt");

-- CreateIndex
CREATE INDEX "assignment_target_departmentId_idx" ON "assignment_target"("departmentId");

-- CreateIndex
CREATE INDEX "assignment_target_userId_idx" ON "assignment_target"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_target_assignmentId_departmentId_key" ON "assignment_target"("assignmentId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_target_assignmentId_userId_key" ON "assignment_target"("assignmentId", "userId");

-- CreateIndex
CREATE INDEX "notice_userId_createdAt_idx" ON "notice"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notice_userId_day_key" ON "notice"("userId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "outbound_message_dedupeKey_key" ON "outbound_message"("dedupeKey");

-- CreateIndex
CREATE INDEX "outbound_message_status_nextAttemptAt_idx" ON "outbound_message"("status", "nextAttemptAt");

