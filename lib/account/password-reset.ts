import "server-only";
import { auth } from "@/lib/auth/auth";

/**
 * better-auth's password-reset request, run after the 忘记密码 action has answered: it looks the
 * email up, writes a 1-hour single-use token for a known one and queues its mail
 * (lib/account/reset-options.ts). Nothing it does, or takes time to do, reaches the asker.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  try {
    await auth.api.requestPasswordReset({ body: { email } });
  } catch (error) {
    console.error("重置密码请求处理失败：", error);
  }
}
