"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { firstIssue } from "@/lib/security/input";
import { saveSsoSettings } from "@/lib/sso/queries";
import { ssoFormSchema, type SsoFormState } from "@/lib/sso/schema";

/** /admin/settings: saves company sign-in (an empty secret keeps the saved one). */
export async function saveSsoAction(_state: SsoFormState, form: FormData): Promise<SsoFormState> {
  if (!(await adminOrNull())) return { ok: false, message: "只有管理员可以修改系统设置。" };
  const parsed = ssoFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "设置无效，未保存。") };
  try {
    await saveSsoSettings(parsed.data);
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
  revalidatePath("/admin/settings");
  revalidatePath("/sign-in");
  return {
    ok: true,
    message: parsed.data.enabled ? "已保存企业登录设置。登录页将显示企业登录按钮。" : "已保存企业登录设置（未启用，登录页不显示企业登录按钮）。",
  };
}
