import "server-only";
import { DEFAULT_DOUBLE_GRADING, DOUBLE_GRADING_KEY, doubleGradingSettingsSchema, type DoubleGradingSettings } from "@/lib/grading/double";
import { readSetting, writeSetting } from "@/lib/settings/stored";

/** The saved double-grading settings, or the defaults (off, 20% tolerance). */
export async function doubleGradingSettings(): Promise<DoubleGradingSettings> {
  return (await readSetting(DOUBLE_GRADING_KEY, doubleGradingSettingsSchema)) ?? DEFAULT_DOUBLE_GRADING;
}

export async function saveDoubleGradingSettings(settings: DoubleGradingSettings): Promise<void> {
  await writeSetting(DOUBLE_GRADING_KEY, doubleGradingSettingsSchema, settings);
}
