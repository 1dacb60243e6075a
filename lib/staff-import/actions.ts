"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { csvText } from "@/lib/csv";
import { firstIssue } from "@/lib/security/input";
import { fileHash, previewImport, runImport } from "@/lib/staff-import/queries";
import { confirmFormSchema, previewFormSchema, type ImportState, type PreviewState } from "@/lib/staff-import/schema";

const NOT_ADMIN = "只有管理员可以导入人员。";

/** Reads and checks the file against the database as it is now; writes nothing. */
export async function previewStaffImportAction(form: FormData): Promise<PreviewState> {
  const actor = await adminOrNull();
  if (!actor) return { ok: false, message: NOT_ADMIN };
  const parsed = previewFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请选择要上传的文件。") };
  try {
    return await previewImport(new Uint8Array(await parsed.data.file.arrayBuffer()), actor.id);
  } catch (error) {
    console.error("staff import preview failed", error);
    return { ok: false, message: "无法读取这个文件：请上传用模板填写的 .xlsx 或 .csv 文件。" };
  }
}

/** Imports the file the preview showed (same SHA-256), all rows or none. */
export async function confirmStaffImportAction(form: FormData): Promise<ImportState> {
  const actor = await adminOrNull();
  if (!actor) return { ok: false, message: NOT_ADMIN };
  const parsed = confirmFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未导入。请重新预览。") };
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
  if (fileHash(bytes) !== parsed.data.hash) return { ok: false, message: "文件与预览时不一致（可能已被修改），未导入。请重新预览。" };
  const outcome = await runImport(bytes, actor);
  if (!outcome.ok) return outcome;
  revalidatePath("/admin");
  const { counts, links, expiresAt } = outcome;
  // Written here: lib/csv.ts (csv-stringify) needs Node's Buffer, and the cells its formula guard.
  const linksCsv = csvText([["姓名", "邮箱", "设置密码链接"], ...links.map((l) => [l.name, l.email, l.url])], { bom: true });
  return { ok: true, ...counts, links, linksCsv, expiresAt: expiresAt.toISOString() };
}
