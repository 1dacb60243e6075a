import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/database-url";

// engine "js" runs Prisma's schema engine as WebAssembly: no native binary download.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
