-- CreateTable
CREATE TABLE "installation_secret" (
    "id" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "installation_secret_pkey" PRIMARY KEY ("id")
);

