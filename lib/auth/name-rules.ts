import { APIError } from "better-auth/api";
import type { BetterAuthOptions } from "better-auth";
import { INVALID_NAME, personNameSchema } from "@/lib/auth/schema";

/** The name as stored, or a 400 with the schema's zh-CN message (shown by the sign-up form). */
function checkedName(name: unknown): string {
  const parsed = personNameSchema.safeParse(name);
  if (parsed.success) return parsed.data;
  throw new APIError("BAD_REQUEST", { code: INVALID_NAME, message: parsed.error.issues[0]?.message ?? "姓名无效。" });
}

/**
 * Every write of a user row goes through these, whatever endpoint made it (/sign-up/email,
 * /update-user, auth.api.* from the server), so a name the forms would refuse cannot be posted
 * straight to better-auth. Sign-up runs in a transaction: a refusal leaves no user behind.
 */
export const nameDatabaseHooks = {
  user: {
    create: {
      before: async (user) => ({ data: { ...user, name: checkedName(user.name) } }),
    },
    update: {
      before: async (user) => ("name" in user ? { data: { ...user, name: checkedName(user.name) } } : undefined),
    },
  },
} satisfies BetterAuthOptions["databaseHooks"];
