import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

/** A VC-JWT of ours is about 3 KB; 16 KB leaves room and keeps garbage cheap to refuse. */
export const CREDENTIAL_MAX_BYTES = 16 * 1024;
const TOO_LARGE = "凭证内容过大（最多 16 KB），请上传从本平台下载的电子徽章文件。";
// Three base64url parts: what a compact JWS is made of (RFC 7515 §7.1).
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const pasted = z.string().max(CREDENTIAL_MAX_BYTES, TOO_LARGE).optional();
const file = z.file().max(CREDENTIAL_MAX_BYTES, TOO_LARGE).optional();

/** The upload form: a file or pasted text (the file wins when both are given). */
export const badgeUploadSchema = z
  .object({ file: z.union([file, z.literal("")]).optional(), credential: pasted })
  .transform(async ({ file, credential }, ctx) => {
    const text = (file instanceof File && file.size > 0 ? await file.text() : (credential ?? "")).trim();
    if (!text) {
      ctx.addIssue({ code: "custom", message: "请选择电子徽章文件，或粘贴凭证内容。" });
      return z.NEVER;
    }
    if (!COMPACT_JWS.test(text)) {
      ctx.addIssue({ code: "custom", message: "无法识别：这不是 Open Badges 3.0 电子徽章（VC-JWT，三段以“.”分隔的文本）。" });
      return z.NEVER;
    }
    return text;
  });

export const badgeUploadFormSchema = formInput(badgeUploadSchema);

export type BadgeVerdictState =
  | { ok: true; kind: "valid" | "revoked" | "bad-signature" | "foreign" | "expired" | "unreadable"; title: string; lines: string[] }
  | { ok: false; message: string }
  | null;
