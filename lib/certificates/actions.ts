"use server";

import { revalidatePath } from "next/cache";
import { staffOrNull, userOrNull } from "@/lib/auth/guards";
import { loadAssessment } from "@/lib/content/banks";
import { reinstateCertificate, revokeCertificate, setPrintedName } from "@/lib/certificates/queries";
import { printedNameFormSchema, reinstateFormSchema, revokeFormSchema, type CertificateFormState } from "@/lib/certificates/schema";
import { firstIssue } from "@/lib/security/input";

/** The learner confirms or edits the name printed on their certificate (until the first download). */
export async function printedNameAction(_state: CertificateFormState, form: FormData): Promise<CertificateFormState> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: "请先登录。" };
  const parsed = printedNameFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "姓名无效。") };
  // Scoped to the owner inside setPrintedName (where: { attemptId, userId }).
  if (!(await setPrintedName(user.id, parsed.data.attemptId, parsed.data.printedName))) {
    return { ok: false, message: "证书姓名已锁定（证书已下载）或没有可修改的证书。" };
  }
  revalidatePath(`/assessment/attempts/${parsed.data.attemptId}`);
  return { ok: true, message: "已确认证书姓名。" };
}

export async function revokeAction(_state: CertificateFormState, form: FormData): Promise<CertificateFormState> {
  if (!(await staffOrNull())) return { ok: false, message: "只有讲师和管理员可以撤销证书。" };
  const parsed = revokeFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  if (!(await revokeCertificate(parsed.data.certificateId, parsed.data.reason))) return { ok: false, message: "该证书不存在或已被撤销。" };
  revalidatePath("/admin/certificates");
  return { ok: true, message: "证书已撤销。" };
}

export async function reinstateAction(_state: CertificateFormState, form: FormData): Promise<CertificateFormState> {
  if (!(await staffOrNull())) return { ok: false, message: "只有讲师和管理员可以恢复证书。" };
  const parsed = reinstateFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { config } = loadAssessment();
  const result = await reinstateCertificate(parsed.data.certificateId, config);
  if (!result.ok) {
    return { ok: false, message: result.reason === "not-revoked" ? "该证书不存在或未被撤销。" : `当前成绩低于 ${config.certificateScore} 分，不能恢复证书。` };
  }
  revalidatePath("/admin/certificates");
  return { ok: true, message: "证书已恢复有效（证书编号不变）。" };
}
