import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { MigratePrismaPg } from "./prisma/postgres/migrate-adapter";
import { databaseUrl, isPostgresUrl } from "./lib/database-url";

// engine "js" runs Prisma's schema engine as WebAssembly: no native binary download.
// DATABASE_URL picks the database; each has its own schema file and migrations (decision 007).
const postgres = isPostgresUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    postgres ? new MigratePrismaPg({ connectionString: databaseUrl() }) : new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 }),
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
});
