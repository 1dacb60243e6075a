import { PERSON_NAME_MAX, personNameSchema } from "@/lib/auth/schema";
import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

const id = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "编号无效");

// Printed as is on the certificate: a person's name (lib/auth/schema.ts) made of letters, a middle
// dot for names such as 阿卜杜·热合曼, spaces, and the period, hyphen and apostrophe of Latin names.
const PRINTED = /^(?=.*\p{L})[\p{L}\p{M}·.\-'’ ]+$/u;
const NOT_PRINTED = /[^\p{L}\p{M}·.\-'’ ]/gu; // for replace() only: a /g regex keeps state in test()

/** The only way to a PrintedName: the PDF, the verification page and the database take nothing else. */
export const printedNameField = personNameSchema
  .pipe(z.string().refine((s) => PRINTED.test(s), "证书姓名须包含文字，且只能包含文字、空格、间隔号（·）、连字符和撇号"))
  .brand<"PrintedName">();
export type PrintedName = z.infer<typeof printedNameField>;

export const printedNameSchema = z.object({ attemptId: id, printedName: printedNameField }).strict();

// Account names are longer-lived than this rule and may hold digits or symbols (学员1号), or even
// control characters when they predate the server check; more than enough input to clean.
const CLEAN_INPUT_MAX = 4 * PERSON_NAME_MAX;

/**
 * A stored or account name as the certificate prints it: unchanged when it passes
 * printedNameField, otherwise with what cannot be printed replaced by spaces and cut to the
 * length limit; null when nothing printable is left (the learner then types the name).
 */
export function printableName(name: string): PrintedName | null {
  const exact = printedNameField.safeParse(name);
  if (exact.success) return exact.data;
  const cleaned = [...name.slice(0, CLEAN_INPUT_MAX).normalize("NFC").replace(/\p{Zs}/gu, " ").replace(NOT_PRINTED, " ").replace(/ +/g, " ").trim()]
    .slice(0, PERSON_NAME_MAX)
    .join("");
  const parsed = printedNameField.safeParse(cleaned);
  return parsed.success ? parsed.data : null;
}

export const revokeSchema = z.object({ certificateId: id, reason: z.string().trim().min(2, "请填写撤销原因").max(200, "原因不能超过 200 字") }).strict();
export const reinstateSchema = z.object({ certificateId: id }).strict();

export const printedNameFormSchema = formInput(printedNameSchema);
export const revokeFormSchema = formInput(revokeSchema);
export const reinstateFormSchema = formInput(reinstateSchema);

export type CertificateFormState = { ok: boolean; message: string } | null;

/** The PDF route's `[code]`: any text up to a printed code's length; the lookup normalizes it. */
export const pdfParamsSchema = z.object({ code: z.string().trim().min(1).max(40) });
