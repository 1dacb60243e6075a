-- AlterTable
ALTER TABLE "user" ADD COLUMN "deactivatedAt" DATETIME;

