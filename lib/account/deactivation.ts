import { APIError } from "better-auth/api";
import type { BetterAuthOptions } from "better-auth";
import { db } from "@/lib/db";
import { ACCOUNT_DEACTIVATED, ACCOUNT_DEACTIVATED_MESSAGE } from "@/lib/account/schema";

// Imported by lib/auth/auth.ts (and so by the seeder): no "server-only" here.

export { ACCOUNT_DEACTIVATED, ACCOUNT_DEACTIVATED_MESSAGE };

/**
 * Every session better-auth creates, by whatever path (password sign-in, sign-up, change password,
 * reset then sign-in, a future SSO callback), passes through here: none is created for a
 * deactivated user. The user is read through better-auth's own adapter, which joins the
 * endpoint's transaction (change-password creates the session inside one).
 */
export const sessionDatabaseHooks = {
  session: {
    create: {
      before: async (session, ctx) => {
        const user = (ctx
          ? await ctx.context.internalAdapter.findUserById(session.userId)
          : await db.user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } })) as { deactivatedAt?: unknown } | null;
        if (user?.deactivatedAt) throw new APIError("FORBIDDEN", { code: ACCOUNT_DEACTIVATED, message: ACCOUNT_DEACTIVATED_MESSAGE });
      },
    },
  },
} satisfies BetterAuthOptions["databaseHooks"];
