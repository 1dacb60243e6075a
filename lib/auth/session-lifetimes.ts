import { env } from "@/lib/env";

// How long sessions live, apart from lib/auth/auth.ts so that scripts can read them without
// loading better-auth (which reads the installation secret from the database when loaded).
export const SESSION_SECONDS = 60 * 60 * 24 * 30;
/** How long a learner's session may be read from its signed cookie (decision 010). */
export const SESSION_CACHE_SECONDS = env.SESSION_CACHE_SECONDS;
