"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { createDepartment, moveDepartment, renameDepartment, setDepartmentArchived, setDepartmentWebhook } from "@/lib/departments/queries";
import { departmentFormSchema, type DepartmentFormState } from "@/lib/departments/schema";
import { firstIssue } from "@/lib/security/input";

const DONE = {
  create: "已新建部门。",
  rename: "已改名。",
  move: "已移动（下级部门和成员随之移动）。",
  archive: "已归档（含下级部门）。成员和学习记录都保留。",
  restore: "已恢复。",
} as const;

/** Form action of /admin/departments: every change of the department tree, admins only. */
export async function departmentAction(_state: DepartmentFormState, form: FormData): Promise<DepartmentFormState> {
  if (!(await adminOrNull())) return { ok: false, message: "只有管理员可以管理部门。" };
  const parsed = departmentFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未做任何更改。") };
  const input = parsed.data;
  try {
    if (input.intent === "webhook") {
      const webhook = input.webhookUrl ? { kind: input.webhookKind, url: input.webhookUrl } : null;
      if (!(await setDepartmentWebhook(input.id, webhook))) return { ok: false, message: "部门不存在，可能已被删除。请刷新页面。" };
      revalidatePath("/admin/departments");
      return { ok: true, message: webhook ? "已保存群机器人。" : "已清除群机器人。" };
    }
    const result =
      input.intent === "create"
        ? await createDepartment(input.name, input.parentId)
        : input.intent === "rename"
          ? await renameDepartment(input.id, input.name)
          : input.intent === "move"
            ? await moveDepartment(input.id, input.parentId)
            : await setDepartmentArchived(input.id, input.intent === "archive");
    if (!result.ok) return result;
    revalidatePath("/admin/departments");
    return { ok: true, message: DONE[input.intent] };
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
}
