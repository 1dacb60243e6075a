// Kept apart from input.ts (which brings zod) so that code checking a single typed number in
// the browser can use it without zod.

/** Accepts what phones and Chinese IMEs type: full-width digits, "," or "，" separators, spaces. */
export function normalizeNumber(raw: string): string {
  return raw
    .replace(/[\uFF0B\uFF0D\uFF0E\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, "");
}
