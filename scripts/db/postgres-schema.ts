// prisma/schema.prisma (SQLite) is the one source of truth; the PostgreSQL schema is derived
// from it, because Prisma fixes the datasource provider per schema file (decision 007).

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
export const SQLITE_MIGRATIONS = "prisma/migrations";
export const POSTGRES_MIGRATIONS = "prisma/postgres/migrations";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:derive\`: do not edit by hand.\n`;

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`schema.prisma: expected to find ${pattern}`);
  return text.replace(pattern, replacement);
}

export function derivePostgresSchema(sqliteSchema: string): string {
  let out = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  out = replaceOnce(out, /url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"');
  out = replaceOnce(out, /output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/prisma-postgres"');
  return HEADER + out;
}
