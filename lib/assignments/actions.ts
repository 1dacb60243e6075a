"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminOrNull } from "@/lib/auth/guards";
import { firstIssue } from "@/lib/security/input";
import { createAssignment, setAssignmentArchived, updateAssignment, type WriteResult } from "@/lib/assignments/queries";
import { archiveFormSchema, assignmentFormSchema, type AssignmentFormState } from "@/lib/assignments/schema";

const NOT_ADMIN = "只有管理员可以管理学习任务。";

async function save(form: FormData, editing: boolean): Promise<AssignmentFormState> {
  const actor = await adminOrNull();
  if (!actor) return { ok: false, message: NOT_ADMIN };
  const parsed = assignmentFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未保存。") };
  const input = parsed.data;
  if (editing && !input.id) return { ok: false, message: "请求无效：缺少任务编号。" };
  let result: WriteResult;
  try {
    result = editing ? await updateAssignment(input.id!, input) : await createAssignment(input, actor.id);
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
  if (!result.ok) return result;
  revalidatePath("/admin/assignments");
  redirect(`/admin/assignments/${encodeURIComponent(result.id)}?saved=1`);
}

/** Form action of /admin/assignments/new. */
export async function createAssignmentAction(_state: AssignmentFormState, form: FormData): Promise<AssignmentFormState> {
  return save(form, false);
}

/** Form action of /admin/assignments/<id>/edit. */
export async function updateAssignmentAction(_state: AssignmentFormState, form: FormData): Promise<AssignmentFormState> {
  return save(form, true);
}

/** Form action of an assignment's page: archive (learners stop seeing it) or restore. */
export async function archiveAssignmentAction(_state: AssignmentFormState, form: FormData): Promise<AssignmentFormState> {
  if (!(await adminOrNull())) return { ok: false, message: NOT_ADMIN };
  const parsed = archiveFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未做任何更改。") };
  const { id, archived } = parsed.data;
  try {
    if (!(await setAssignmentArchived(id, archived))) return { ok: false, message: "学习任务不存在，可能已被删除。请刷新页面。" };
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  revalidatePath("/admin/assignments");
  revalidatePath(`/admin/assignments/${encodeURIComponent(id)}`);
  return { ok: true, message: archived ? "已归档：学员不再看到该任务，也不再收到提醒。" : "已恢复：学员重新看到该任务。" };
}
