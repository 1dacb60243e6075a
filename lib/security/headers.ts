// Security headers for every page and route response, set by proxy.ts. Pure functions, so the
// policy is unit-tested without a server.

/**
 * Which inline code may run. A nonce, fresh per request, for pages rendered per request: Next puts
 * it on its own scripts. Hashes of a prerendered page's inline scripts and styles for pages served
 * as the same HTML to everyone (decision 011), which cannot carry a per-request nonce.
 */
export type InlineSource = { nonce: string } | { hashes: { scripts: string[]; styles: string[] } };

export type SecurityHeaderOptions = {
  source: InlineSource;
  pathname: string;
  /** `next dev` needs eval (React rebuilds server error stacks in the browser) and inline styles (CSS hot reload). */
  dev?: boolean;
};

/** Pages whose URL is a secret-ish certificate code: never send it anywhere, never index them. */
const CERTIFICATE_PATHS = /^\/(verify|certificates)(\/|$)/;

function scriptSources(source: InlineSource): string[] {
  // 'strict-dynamic' lets Next's nonced scripts load the chunks they import (lazy calculators,
  // route chunks); host allow-lists and 'unsafe-inline' are ignored by browsers that know it.
  if ("nonce" in source) return ["'self'", `'nonce-${source.nonce}'`, "'strict-dynamic'"];
  // Hashes: the page's <script src> tags and the chunks they load are ours ('self'); inline
  // scripts run only if byte-for-byte the ones prerendered.
  return ["'self'", ...source.hashes.scripts.map((hash) => `'${hash}'`)];
}

function styleSources(source: InlineSource): string[] {
  if ("nonce" in source) return ["'self'", `'nonce-${source.nonce}'`];
  return ["'self'", ...source.hashes.styles.map((hash) => `'${hash}'`)];
}

export function contentSecurityPolicy({ source, dev = false }: Pick<SecurityHeaderOptions, "source" | "dev">): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // No 'unsafe-eval' in production: MDX is compiled and evaluated on the server only.
    ["script-src", ...scriptSources(source), ...(dev ? ["'unsafe-eval'"] : [])],
    // Style sheets and <style> elements: ours ('self') or Next's nonced (or hashed) ones.
    ["style-src", ...(dev ? ["'self'", "'unsafe-inline'"] : styleSources(source))],
    // style="" attributes stay allowed: lesson bar charts, funnels and progress bars set widths
    // with them, and recharts server-renders its SVG with them. An attribute cannot run script or
    // load anything (url() still obeys img-src and font-src), so this does not reopen XSS.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Powerful browser features, all denied: the app uses none of them, so a script that got in (or a
 * page that frames another) cannot ask for the camera or a payment. Only names Chromium knows: an
 * unknown one is logged as an error on every page (Chromium 156 does not know bluetooth or
 * web-share; tests/e2e/security-headers.spec.ts watches for it).
 */
const DENIED_FEATURES = [
  "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
  "fullscreen", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi",
  "payment", "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/**
 * Lesson pages are prerendered: the same HTML for everyone, which Next marks as storable by any
 * cache. They are for signed-in learners only (proxy.ts checks the cookie), so a shared cache must
 * never keep one; the browser revalidates, so a sign-out is honoured on the next visit.
 */
export const LESSON_CACHE_CONTROL = "private, no-cache";
/** The sign-in redirect a signed-out visitor gets instead of a lesson: never stored anywhere. */
export const REDIRECT_CACHE_CONTROL = "private, no-store";

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const certificate = CERTIFICATE_PATHS.test(options.pathname);
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // A verification URL carries the certificate code: do not leak it, not even as an origin.
    "Referrer-Policy": certificate ? "no-referrer" : "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    // Browsers without CSP frame-ancestors (old ones) still refuse to frame the app.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // A window this app opens, or that opens it, gets no handle on the other (no window.opener tricks).
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(certificate ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
  };
}

/** 128 random bits, base64: unguessable and valid in a CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
