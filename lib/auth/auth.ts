import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { isPostgresUrl } from "@/lib/database-url";
import { SESSION_SECRET } from "@/lib/auth/server-secret";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { nameDatabaseHooks } from "@/lib/auth/name-rules";
import { withOneStatementSessionRead } from "@/lib/auth/session-read";
import { RATE_LIMIT_WINDOW_SECONDS } from "@/lib/security/rate-limit";
import { SESSION_CACHE_SECONDS, SESSION_SECONDS } from "@/lib/auth/session-lifetimes";
import { sessionDatabaseHooks } from "@/lib/account/deactivation";
import { passwordResetOptions } from "@/lib/account/reset-options";
import { companySignIn } from "@/lib/sso/plugin";

export const SIGN_IN_LIMIT = { window: RATE_LIMIT_WINDOW_SECONDS, max: env.SIGN_IN_LIMIT_PER_MINUTE };

export const auth = betterAuth({
  appName: "京东运营线上培训",
  // Never a value from the source (decision 013).
  secret: SESSION_SECRET,
  // A fixed BETTER_AUTH_URL in production; otherwise any port on this machine (npm start, tests).
  baseURL: env.BETTER_AUTH_URL ?? {
    allowedHosts: ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", ...env.AUTH_ALLOWED_HOSTS],
    fallback: `http://localhost:${env.PORT}`,
  },
  database: prismaAdapter(withOneStatementSessionRead(db), { provider: isPostgresUrl() ? "postgresql" : "sqlite" }),
  // 忘记密码 (issue 17): 1-hour single-use links mailed through the outbox (lib/account).
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, ...passwordResetOptions },
  // The reset is requested through lib/account/actions.ts, which answers before any lookup; the
  // endpoint itself would answer an unknown email faster than a known one (decision 036).
  disabledPaths: ["/request-password-reset"],
  user: {
    additionalFields: {
      // input: false: a sign-up request cannot choose its own role.
      role: { type: "string", required: false, defaultValue: "learner", input: false },
      // Set and cleared by admins only (lib/account); read by the session hook below.
      deactivatedAt: { type: "date", required: false, input: false },
    },
  },
  // Names are checked on every user write, not only in the forms (lib/auth/name-rules.ts); no
  // session is ever created for a deactivated user (lib/account/deactivation.ts).
  databaseHooks: { ...nameDatabaseHooks, ...sessionDatabaseHooks },
  session: {
    expiresIn: SESSION_SECONDS,
    updateAge: 60 * 60 * 24,
    // The session and user, signed, in a cookie trusted for SESSION_CACHE_SECONDS (30 s): a
    // learner's page or write skips the session query. Staff checks bypass it
    // (lib/auth/session.ts); decision 010 has the trade-off.
    cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS },
  },
  rateLimit: {
    enabled: true,
    storage: "database",
    window: RATE_LIMIT_WINDOW_SECONDS,
    max: 100,
    customRules: {
      "/sign-in/email": SIGN_IN_LIMIT,
      "/change-password": SIGN_IN_LIMIT,
      "/sign-up/email": { window: RATE_LIMIT_WINDOW_SECONDS, max: env.SIGN_UP_LIMIT_PER_MINUTE },
    },
  },
  // Limits count per client address: the one scripts/serve.ts writes into x-forwarded-for from the
  // socket (decision 014). No other header, and no trusted-proxy walk here: that happened there.
  // joins: a session is asked for with its user in one query, which lib/auth/session-read.ts
  // answers with one statement (decision 027).
  advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] }, database: { joins: true } },
  telemetry: { enabled: false },
  // Company sign-in (OIDC, 企业微信, 钉钉, 飞书) configured on /admin/settings (decision 035).
  plugins: [nextCookies(), companySignIn()],
});

export type Session = typeof auth.$Infer.Session;
