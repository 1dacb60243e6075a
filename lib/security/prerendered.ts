import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

// Lesson pages are prerendered at build (decision 011). Their HTML is the same for everyone, so it
// cannot carry a per-request nonce: their CSP lists the hashes of the page's inline code instead.

/** A lesson URL: /modules/<module>/<lesson>, but not the module's quiz. */
export function isLessonPath(pathname: string): boolean {
  return /^\/modules\/[a-z0-9-]+\/[a-z0-9-]+$/.test(pathname) && !pathname.endsWith("/quiz");
}

export type InlineHashes = { scripts: string[]; styles: string[] };

const INLINE_CODE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/** CSP hash-sources of every inline <script> and <style> of a page (not of <script src>). */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, tag, attributes, body] of html.matchAll(INLINE_CODE)) {
    if (tag.toLowerCase() === "style") styles.add(sha256(body));
    else if (!/\bsrc\s*=/i.test(attributes)) scripts.add(sha256(body));
  }
  return { scripts: [...scripts], styles: [...styles] };
}

const APP_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "server", "app");
const known = new Map<string, InlineHashes>();

/**
 * The hashes of the prerendered HTML `next start` serves for this lesson, or null when there is
 * none: `next dev` prerenders nothing, and an unknown lesson's 404 is rendered per request (with
 * the nonce), like every URL that `app/(site)/[...missing]` catches.
 */
export function prerenderedHashes(page: string): InlineHashes | null {
  const cached = known.get(page);
  if (cached) return cached;
  let html: string;
  try {
    html = readFileSync(path.join(APP_DIR, `${page}.html`), "utf8");
  } catch {
    return null; // not remembered: the URL comes from the visitor
  }
  const hashes = inlineHashes(html);
  known.set(page, hashes);
  return hashes;
}
