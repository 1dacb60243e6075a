"use server";

import { revalidatePath } from "next/cache";
import { userOrNull } from "@/lib/auth/guards";
import { dismissNotice } from "@/lib/reminders/queries";
import { dismissNoticeSchema, type DismissNoticeState } from "@/lib/reminders/schema";
import { firstIssue } from "@/lib/security/input";

/** The learner closes today's reminder on their home page. */
export async function dismissNoticeAction(_state: DismissNoticeState, form: FormData): Promise<DismissNoticeState> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: "登录已过期，请重新登录。" };
  const parsed = dismissNoticeSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，请刷新页面。") };
  try {
    if (!(await dismissNotice(user.id, parsed.data.noticeId))) return { ok: false, message: "找不到这条提醒，请刷新页面。" };
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  revalidatePath("/");
  return { ok: true, message: "已关闭今天的提醒。" };
}
