// No "server-only" here: lib/auth/auth.ts (through lib/sso/plugin.ts) reads these, and the start
// scripts (seed, back-fill) import the auth config outside Next.
import { db } from "@/lib/db";
import { departmentIdByNames } from "@/lib/departments/queries";
import { SSO_SETTING_KEY, ssoSettingsSchema, type SsoButton, type SsoForm, type SsoSettings, type SsoSettingsView } from "@/lib/sso/schema";
import { readSetting, writeSetting } from "@/lib/settings/stored";

/** The saved SSO settings, or null when none are saved (or the row no longer parses). */
export async function ssoSettings(): Promise<SsoSettings | null> {
  return readSetting(SSO_SETTING_KEY, ssoSettingsSchema);
}

/** The settings when company sign-in is switched on, else null. */
export async function activeSsoSettings(): Promise<SsoSettings | null> {
  const settings = await ssoSettings();
  return settings?.enabled ? settings : null;
}

/** For the settings page: the secret itself never leaves the server. */
export async function ssoSettingsView(): Promise<SsoSettingsView | null> {
  const settings = await ssoSettings();
  if (!settings) return null;
  const { clientSecret, ...rest } = settings;
  return { ...rest, hasSecret: clientSecret !== "" };
}

/** For the sign-in page: the company sign-in button's label, or null when SSO is off. */
export async function ssoButton(): Promise<SsoButton> {
  const settings = await activeSsoSettings();
  return settings ? { label: settings.buttonLabel } : null;
}

/** Saves the form; an empty secret keeps the one saved before. */
export async function saveSsoSettings(form: SsoForm): Promise<void> {
  const previous = await ssoSettings();
  await writeSetting(SSO_SETTING_KEY, ssoSettingsSchema, { ...form, clientSecret: form.clientSecret || previous?.clientSecret || "" });
}

export type SsoClaims = { departmentNames: string[] | null; role: "learner" | "dept_head" | null };

/**
 * After an SSO sign-in: the department and role the identity provider sent, applied to the user.
 * An unknown department changes nothing; a role claim never touches a trainer or an admin.
 */
export async function applySsoClaims(userId: string, claims: SsoClaims): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, departmentId: true } });
  if (!user) return;
  const data: { departmentId?: string; role?: string } = {};
  if (claims.departmentNames) {
    const departmentId = await departmentIdByNames(claims.departmentNames);
    if (departmentId && departmentId !== user.departmentId) data.departmentId = departmentId;
    if (!departmentId) console.warn(`[sso] unknown department ${claims.departmentNames.join(" / ")}: user ${userId} keeps their department`);
  }
  if (claims.role && (user.role === "learner" || user.role === "dept_head") && claims.role !== user.role) data.role = claims.role;
  if (Object.keys(data).length > 0) await db.user.update({ where: { id: userId }, data });
}
