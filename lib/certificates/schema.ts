import { z } from "zod";

const id = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "编号无效");

// Printed as is on the certificate: letters, a middle dot for names such as 阿卜杜·热合曼, spaces.
export const printedNameSchema = z
  .object({
    attemptId: id,
    printedName: z
      .string()
      .trim()
      .min(1, "请填写证书上的姓名")
      .max(30, "姓名不能超过 30 个字")
      .regex(/^[\p{L}\p{M}·.\- ]+$/u, "姓名只能包含文字、空格和间隔号"),
  })
  .strict();

export const revokeSchema = z.object({ certificateId: id, reason: z.string().trim().min(2, "请填写撤销原因").max(200, "原因不能超过 200 字") }).strict();
export const reinstateSchema = z.object({ certificateId: id }).strict();

export type CertificateFormState = { ok: boolean; message: string } | null;
