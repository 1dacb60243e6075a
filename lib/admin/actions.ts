"use server";

import { revalidatePath } from "next/cache";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { adminOrNull } from "@/lib/auth/guards";
import { setUserRole } from "@/lib/admin/queries";
import { roleChangeFormSchema, type RoleFormState } from "@/lib/admin/schema";
import { firstIssue } from "@/lib/security/input";

/** Form action of /admin/roles: an admin sets another user's role. */
export async function changeRoleAction(_state: RoleFormState, form: FormData): Promise<RoleFormState> {
  const actor = await adminOrNull();
  if (!actor) return { ok: false, message: "只有管理员可以修改用户角色。" };
  const parsed = roleChangeFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未修改。") };
  const { userId, role } = parsed.data;
  // Also guarantees the site always keeps at least one admin: the one acting.
  if (userId === actor.id && role !== "admin") return { ok: false, message: "不能降低自己的角色。如需变更，请由另一位管理员操作。" };
  try {
    if (!(await setUserRole(userId, role))) return { ok: false, message: "找不到该用户，可能已被删除。" };
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
  revalidatePath("/admin/roles");
  return { ok: true, message: `已将角色设为「${ROLE_LABELS[role]}」，对方下次打开页面时生效。` };
}
