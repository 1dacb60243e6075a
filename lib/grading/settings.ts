import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_DOUBLE_GRADING, DOUBLE_GRADING_KEY, doubleGradingSettingsSchema, type DoubleGradingSettings } from "@/lib/grading/double";

/** The saved double-grading settings, or the defaults (off, 20% tolerance). */
export async function doubleGradingSettings(): Promise<DoubleGradingSettings> {
  const row = await db.setting.findUnique({ where: { key: DOUBLE_GRADING_KEY }, select: { value: true } });
  if (!row) return DEFAULT_DOUBLE_GRADING;
  try {
    const parsed = doubleGradingSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_DOUBLE_GRADING;
  } catch {
    return DEFAULT_DOUBLE_GRADING;
  }
}

export async function saveDoubleGradingSettings(settings: DoubleGradingSettings): Promise<void> {
  const value = JSON.stringify(doubleGradingSettingsSchema.parse(settings));
  await db.setting.upsert({ where: { key: DOUBLE_GRADING_KEY }, create: { key: DOUBLE_GRADING_KEY, value }, update: { value } });
}
