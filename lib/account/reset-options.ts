import type { BetterAuthOptions } from "better-auth";

// Imported by lib/auth/auth.ts (and so by the seeder): no "server-only" here; the mail module,
// which is, loads only when a reset is requested.

/** How long a 忘记密码 link works (README, decision 036). Staff-import links keep their 7 days. */
export const RESET_LINK_SECONDS = 60 * 60;

/** better-auth's password-reset options: 1-hour single-use tokens, mail through the outbox, other sessions end. */
export const passwordResetOptions = {
  resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
  revokeSessionsOnPasswordReset: true,
  sendResetPassword: async ({ user, token }) => {
    const { queueResetMail } = await import("@/lib/account/reset-mail");
    await queueResetMail(user.id, token);
  },
} satisfies Partial<NonNullable<BetterAuthOptions["emailAndPassword"]>>;
