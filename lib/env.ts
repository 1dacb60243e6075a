import { z } from "@/lib/zod";

// Read once, validated, so a misconfigured server fails at start with a clear message.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  BETTER_AUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  // Attempts allowed per client address per minute (the end-to-end suite raises them: it signs
  // many users up and in from one address).
  SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
  SIGN_UP_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  // Extra host names (comma-separated) the app answers on when BETTER_AUTH_URL is not set.
  AUTH_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((h) => h.trim()).filter(Boolean)),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}
export const env = parsed.data;

// Without a configured secret, sessions are signed with a fixed development secret; this is
// fine for the embedded demo but README tells operators to set BETTER_AUTH_SECRET.
export const authSecret =
  env.BETTER_AUTH_SECRET ?? "dev-only-secret-change-me-in-production-0123456789";
