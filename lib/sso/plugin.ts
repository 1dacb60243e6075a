import type { BetterAuthPlugin } from "better-auth";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { db } from "@/lib/db";
import { RATE_LIMIT_WINDOW_SECONDS } from "@/lib/security/rate-limit";
import { authorizationHash, providerConfig } from "@/lib/sso/presets";
import { activeSsoSettings, applySsoClaims, type SsoClaims } from "@/lib/sso/queries";
import { SSO_PROVIDER_ID, departmentNamesFromClaim, roleFromClaim, type SsoSettings } from "@/lib/sso/schema";

// Company sign-in as a better-auth plugin (decision 035). better-auth builds its providers once, at
// start, but the settings live in the database and change at run time. better-auth looks a
// provider up per request and accepts a function in its provider list (it awaits it), so this
// plugin adds one: it reads the settings and hands back the generic OAuth provider built for
// them, rebuilt only when they change (their fingerprint). Nothing else in the auth config moves.

/** Where every failed company sign-in lands (zh-CN page), whatever the step that failed. */
export const SSO_ERROR_PATH = "/sign-in/error";

type AuthContext = Parameters<NonNullable<BetterAuthPlugin["init"]>>[0];
type Provider = AuthContext["socialProviders"][number];

// What the identity provider said about a person, kept between reading their profile and
// creating their session (the same request, a moment later). Keyed by email; short-lived.
const pendingClaims = new Map<string, SsoClaims & { at: number }>();
const CLAIMS_TTL_MS = 60_000;

function rememberClaims(settings: SsoSettings, profile: Record<string, unknown>, email: string) {
  const now = Date.now();
  for (const [key, value] of pendingClaims) if (now - value.at > CLAIMS_TTL_MS) pendingClaims.delete(key);
  pendingClaims.set(email, {
    departmentNames: settings.departmentClaim ? departmentNamesFromClaim(profile[settings.departmentClaim]) : null,
    role: settings.roleClaim ? roleFromClaim(profile[settings.roleClaim]) : null,
    at: now,
  });
}

function takeClaims(email: string): SsoClaims | null {
  const claims = pendingClaims.get(email);
  pendingClaims.delete(email);
  return claims && Date.now() - claims.at <= CLAIMS_TTL_MS ? claims : null;
}

const DISCOVERY_TIMEOUT_MS = 10_000;

async function buildProvider(settings: SsoSettings, ctx: AuthContext): Promise<Provider | null> {
  const config = providerConfig(settings);
  const map = config.mapProfileToUser!;
  config.mapProfileToUser = async (profile) => {
    const mapped = await map(profile);
    const email = String(profile.email ?? "").toLowerCase();
    if (email) rememberClaims(settings, profile, email);
    return mapped;
  };
  const init = genericOAuth({ config: [config] }).init!;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), DISCOVERY_TIMEOUT_MS).unref());
  const built = await Promise.race([init({ ...ctx, socialProviders: [] } as AuthContext), timeout]);
  const providers = (built as { context?: { socialProviders?: Provider[] } } | null)?.context?.socialProviders ?? [];
  const provider = providers.find((p) => p.id === SSO_PROVIDER_ID);
  return provider ? hardened(provider, settings) : null;
}

/**
 * The provider, with a provider's failure while reading the profile (down, an error code, a
 * malformed answer) turned into "no profile": better-auth then redirects to the error page with
 * unable_to_get_user_info instead of answering 500. Token exchange failures it already catches.
 */
function hardened(provider: Provider, settings: SsoSettings): Provider {
  const hash = authorizationHash(settings.kind);
  return {
    ...provider,
    async getUserInfo(tokens) {
      try {
        return await provider.getUserInfo(tokens);
      } catch (error) {
        console.error(`[sso] reading the profile failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    },
    async createAuthorizationURL(data) {
      const url = await provider.createAuthorizationURL(data);
      if (hash) url.hash = hash;
      return url;
    },
  };
}

let current: { fingerprint: string; provider: Promise<Provider | null> } | null = null;

/** The provider for the settings as saved now; a stand-in no one asks for when SSO is off or down. */
async function currentProvider(ctx: AuthContext): Promise<Provider> {
  const off = { id: "sso-unavailable" } as Provider;
  const settings = await activeSsoSettings();
  if (!settings) return off;
  const fingerprint = JSON.stringify(settings);
  if (current?.fingerprint !== fingerprint) current = { fingerprint, provider: buildProvider(settings, ctx) };
  const entry = current;
  const provider = await entry.provider.catch(() => null);
  // Discovery failed (provider down, wrong address): try again on the next request.
  if (!provider && current === entry) current = null;
  return provider ?? off;
}

const isCallback = (path: string | undefined) => path?.startsWith("/callback/") ?? false;
const refuse = (code: string, message: string) => new APIError("FORBIDDEN", { code, message });

export const companySignIn = () =>
  ({
    id: "company-sign-in",
    init(ctx) {
      const lazy = (() => currentProvider(ctx)) as unknown as Provider;
      return {
        context: { socialProviders: [...ctx.socialProviders, lazy] },
        options: {
          // Failed OAuth callbacks (bad state, used code, provider down…) land on a zh-CN page.
          onAPIError: { errorURL: SSO_ERROR_PATH },
          // Local accounts never verify their email here (no verification mail): the identity
          // provider's verified email is what links (decision 035).
          account: { accountLinking: { enabled: true, requireLocalEmailVerified: false } },
          databaseHooks: {
            user: {
              create: {
                async before(user, context) {
                  if (isCallback(context?.path) && !user.emailVerified) throw refuse("email_not_verified", "企业账号的邮箱尚未验证，无法登录。");
                  if (context?.path === "/sign-up/email" && (await activeSsoSettings())?.ssoOnly) {
                    throw refuse("SSO_ONLY", "本站学员请使用企业账号登录，无需注册。");
                  }
                },
              },
            },
            session: {
              create: {
                async before(session, context) {
                  if (isCallback(context?.path)) {
                    const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true } });
                    const claims = user && takeClaims(user.email.toLowerCase());
                    if (claims) await applySsoClaims(session.userId, claims);
                    return;
                  }
                  if (context?.path !== "/sign-in/email") return;
                  const settings = await activeSsoSettings();
                  if (!settings?.ssoOnly) return;
                  const user = await db.user.findUnique({ where: { id: session.userId }, select: { role: true } });
                  if (user?.role === "learner") throw refuse("SSO_ONLY", `学员请使用「${settings.buttonLabel}」登录。`);
                },
              },
            },
          },
        },
      };
    },
    // A flood guard, not a password guard (the identity provider checks who someone is): an
    // office behind one NAT address signs many people in at 9:00.
    rateLimit: [
      { pathMatcher: (path) => path === "/sign-in/social" || isCallback(path), window: RATE_LIMIT_WINDOW_SECONDS, max: 60 },
    ],
  }) satisfies BetterAuthPlugin;
