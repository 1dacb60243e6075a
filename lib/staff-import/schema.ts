import { formInput } from "@/lib/security/input";
import { MAX_FILE_BYTES, MAX_FILE_LABEL } from "@/lib/staff-import/columns";
import { z } from "@/lib/zod";
import type { ImportPreview, NewAccountLink } from "@/lib/staff-import/queries";

// The two forms of /admin/people/import: preview (the file) and confirm (the same file again with
// the preview's SHA-256, so the server needs to keep nothing between the two: decision 030).

const file = z
  .instanceof(File, { error: "请选择要上传的 CSV 或 XLSX 文件。" })
  .refine((f) => f.size > 0, "文件是空的，请选择填好的 CSV 或 XLSX 文件。")
  .refine((f) => f.size <= MAX_FILE_BYTES, `文件不能超过 ${MAX_FILE_LABEL}（约 5,000 行），请拆成几份分别导入。`);

export const previewFormSchema = formInput(z.object({ file }));

export const confirmFormSchema = formInput(
  z.object({ file, hash: z.string({ error: "缺少预览校验码，请重新预览。" }).regex(/^[0-9a-f]{64}$/, "预览校验码无效，请重新预览。") }),
);

export type PreviewState = { ok: false; message: string } | { ok: true; preview: ImportPreview };

export type ImportState =
  | { ok: false; message: string; problems?: string[] }
  | { ok: true; created: number; updated: number; unchanged: number; departments: number; links: NewAccountLink[]; linksCsv: string; expiresAt: string };
