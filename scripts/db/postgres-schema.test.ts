import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema";

describe("the PostgreSQL schema", () => {
  it("is derived from prisma/schema.prisma (run npm run db:derive after editing it)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("changes only the provider, the offline URL and the client's output", () => {
    const derived = derivePostgresSchema('generator client {\n  output     = "../lib/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n  url      = "file:../data/app.db"\n}\nmodel A { id String @id }\n');
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output     = "../../lib/generated/prisma-postgres"');
    expect(derived).toContain("model A { id String @id }");
    expect(derived).not.toContain("sqlite");
  });

  it("refuses a schema it does not recognise", () => {
    expect(() => derivePostgresSchema("model A { id String @id }")).toThrow(/expected to find/);
  });
});
