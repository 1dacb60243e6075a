"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { adminOrNull, verifiedUserOrNull } from "@/lib/auth/guards";
import { getVerifiedSessionId } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { firstIssue } from "@/lib/security/input";
import { allowRequest } from "@/lib/security/rate-limit";
import { requestPasswordReset } from "@/lib/account/password-reset";
import { endOtherSessions, endOwnSession, setDeactivated } from "@/lib/account/queries";
import {
  deactivationFormSchema,
  endOtherSessionsFormSchema,
  endSessionFormSchema,
  forgotPasswordFormSchema,
  RESET_REQUESTED,
  type ActionState,
} from "@/lib/account/schema";

const SIGNED_OUT = "登录已失效，请重新登录。";
const FAILED = "操作失败，请稍后重试。";

/**
 * 忘记密码. The answer is the same for every well-formed email and is sent before the email is
 * looked up: the lookup, the token and the mail happen after it (next/server's `after`,
 * lib/account/password-reset.ts),
 * so neither the words nor the time of the answer say whether an account exists. Limited per
 * client address like sign-in.
 */
export async function requestPasswordResetAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const parsed = forgotPasswordFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  if (!(await allowRequest(`forgot-password:${clientAddress(await headers())}`, env.SIGN_IN_LIMIT_PER_MINUTE))) {
    return { ok: false, message: "尝试次数过多，请 1 分钟后再试。" };
  }
  const { email } = parsed.data;
  // Runs once the answer has been sent: nothing of the lookup shares its time.
  after(() => requestPasswordReset(email));
  return { ok: true, message: RESET_REQUESTED };
}

/** 退出该设备 on the account page: ends one of the asker's own other sessions. */
export async function endOwnSessionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await verifiedUserOrNull();
  if (!user) return { ok: false, message: SIGNED_OUT };
  const parsed = endSessionFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { sessionId } = parsed.data;
  if (sessionId === (await getVerifiedSessionId())) return { ok: false, message: "要退出本机，请使用页面顶部的「退出登录」。" };
  let ended: boolean;
  try {
    ended = await endOwnSession(user.id, sessionId);
  } catch {
    return { ok: false, message: FAILED };
  }
  revalidatePath("/account");
  return ended ? { ok: true, message: "已退出该设备，它的下一次访问需要重新登录。" } : { ok: false, message: "该登录已结束，请刷新页面。" };
}

/** 退出所有其他设备: ends every session of the asker but this one. */
export async function endOtherSessionsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await verifiedUserOrNull();
  const current = user ? await getVerifiedSessionId() : null;
  if (!user || !current) return { ok: false, message: SIGNED_OUT };
  const parsed = endOtherSessionsFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  let count: number;
  try {
    count = await endOtherSessions(user.id, current);
  } catch {
    return { ok: false, message: FAILED };
  }
  revalidatePath("/account");
  return { ok: true, message: count ? `已退出其他 ${count} 个设备。` : "没有其他设备登录。" };
}

/** 停用账号 / 恢复账号 on the admin learner page: admins only, never themselves. */
export async function setDeactivatedAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await adminOrNull();
  if (!actor) return { ok: false, message: "只有管理员可以停用或恢复账号。" };
  const parsed = deactivationFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，未做任何更改。") };
  const { userId } = parsed.data;
  const deactivate = parsed.data.deactivate === "yes";
  if (deactivate && userId === actor.id) return { ok: false, message: "不能停用自己的账号。如需停用，请由另一位管理员操作。" };
  let result: Awaited<ReturnType<typeof setDeactivated>>;
  try {
    result = await setDeactivated(userId, deactivate);
  } catch {
    return { ok: false, message: FAILED };
  }
  if (!result.ok) return { ok: false, message: "找不到该用户，可能已被删除。" };
  revalidatePath(`/admin/learners/${encodeURIComponent(userId)}`);
  return {
    ok: true,
    message: deactivate
      ? `已停用该账号，并结束了它的全部登录（${result.endedSessions} 个）。对方的下一次访问即被拒绝，学习记录保留。`
      : "已恢复该账号，对方可以重新登录。",
  };
}
