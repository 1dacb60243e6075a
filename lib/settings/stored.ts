// No "server-only": lib/sso/queries.ts reads through this outside Next (start scripts, auth config).
import type { z } from "zod";
import { db } from "@/lib/db";

// The admin-edited settings (SMTP, company sign-in, LRS, double grading): one JSON row per key,
// validated by its zod schema on read and on write.

/** The row's value as the schema reads it; null when there is none or it no longer parses. */
export async function readSetting<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Validates, then writes (or replaces) the row. */
export async function writeSetting<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void> {
  const json = JSON.stringify(schema.parse(value));
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
