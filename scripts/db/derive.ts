// npm run db:derive: rewrites prisma/postgres/schema.prisma from prisma/schema.prisma.
import { readFileSync, writeFileSync } from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema";

writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
console.log(`Wrote ${POSTGRES_SCHEMA}.`);
