// Imported first by index.ts: lib/db.ts reads DATABASE_URL when it is imported, and the bench's
// own Prisma client (cohort size, reading writes back) must open the bench database.
import { BENCH_DATABASE_URL } from "./env";

process.env.DATABASE_URL = BENCH_DATABASE_URL;
