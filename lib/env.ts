import { z } from "@/lib/zod";

// Read once, validated, so a misconfigured server fails at start with a clear message.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset: the installation generates its own and keeps it in the database (decision 013).
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  BETTER_AUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  // Attempts allowed per client address per minute (the end-to-end suite raises them: it signs
  // many users up and in from one address).
  SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
  SIGN_UP_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  // How long a learner's session may be read from its signed cookie without asking the database:
  // the longest a signed-out or ended session keeps working (decision 010).
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(1).max(60).default(30),
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
