import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

export const dismissNoticeSchema = formInput(z.object({ noticeId: z.string().min(1, "缺少提醒编号。").max(100, "提醒编号无效。") }));
export type DismissNoticeState = { ok: boolean; message: string } | null;
