"use server";

import { revalidatePath } from "next/cache";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { adminOrNull } from "@/lib/auth/guards";
import { endUserSessions } from "@/lib/auth/user-sessions";
import { setUserAccess, type AccessResult } from "@/lib/admin/queries";
import { endSessionsFormSchema, roleChangeFormSchema, type EndSessionsState, type RoleFormState } from "@/lib/admin/schema";
import { firstIssue } from "@/lib/security/input";

const ACCESS_REFUSALS: Record<Exclude<AccessResult, "ok">, string> = {
  "no-user": "找不到该用户，可能已被删除。",
  "no-department": "找不到该部门，可能已被删除。请刷新页面后重新选择。",
  archived: "该部门已归档，不能加入成员。请选择其他部门。",
};

/** Form action of /admin/roles: an admin sets another user's role, department and 批阅权限. */
export async function changeRoleAction(_state: RoleFormState, form: FormData): Promise<RoleFormState> {
  const actor = await adminOrNull();
  if (!actor) return { ok: false, message: "只有管理员可以修改用户角色。" };
  const parsed = roleChangeFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未修改。") };
  const { userId, role, departmentId, canGrade } = parsed.data;
  // Also guarantees the site always keeps at least one admin: the one acting.
  if (userId === actor.id && role !== "admin") return { ok: false, message: "不能降低自己的角色。如需变更，请由另一位管理员操作。" };
  let result: AccessResult;
  try {
    result = await setUserAccess(userId, { role, departmentId, canGrade: canGrade === "on" });
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
  if (result !== "ok") return { ok: false, message: ACCESS_REFUSALS[result] };
  revalidatePath("/admin/roles");
  const grading = role === "dept_head" ? (canGrade ? "，可批阅本部门答卷" : "，无批阅权限") : "";
  return { ok: true, message: `已将角色设为「${ROLE_LABELS[role]}」${grading}，对方下次打开页面时生效。` };
}

/** Form action of the admin learner page: an admin signs a user out on every device. */
export async function endSessionsAction(_state: EndSessionsState, form: FormData): Promise<EndSessionsState> {
  if (!(await adminOrNull())) return { ok: false, message: "只有管理员可以结束用户的登录。" };
  const parsed = endSessionsFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未做任何更改。") };
  const { userId } = parsed.data;
  let ended: number | null;
  try {
    ended = await endUserSessions(userId);
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  if (ended === null) return { ok: false, message: "找不到该用户，可能已被删除。" };
  revalidatePath(`/admin/learners/${encodeURIComponent(userId)}`);
  return {
    ok: true,
    message: ended
      ? `已结束该用户的全部登录（${ended} 个）。对方的下一次访问需要重新登录。`
      : "该用户当前没有登录，无需结束。",
  };
}
