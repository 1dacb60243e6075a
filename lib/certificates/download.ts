import "server-only";
import { verifiedUserOrNull } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { pdfParamsSchema } from "@/lib/certificates/schema";

export const plainText = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** A download's headers: an attachment never cached by a shared cache nor indexed. */
export const attachmentHeaders = (contentType: string, asciiName: string, name: string) => ({
  "content-type": contentType,
  "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex, nofollow",
});

type Owned = { userId: string; revokedAt: Date | null };

/**
 * The guard every certificate download (`/certificates/<code>/<what>`) shares: a valid code, a
 * signed-in user (else to sign-in and back), and a certificate of theirs, or any for staff;
 * someone else's code answers exactly like an unknown one, a revoked one with `revoked`.
 */
export async function certificateForDownload<T extends Owned>(
  params: Promise<unknown>,
  what: "pdf" | "badge",
  find: (code: string) => Promise<T | null>,
  revoked: string,
): Promise<{ ok: true; cert: T; user: CurrentUser } | { ok: false; response: Response }> {
  const parsed = pdfParamsSchema.safeParse(await params);
  if (!parsed.success) return { ok: false, response: plainText("找不到这份证书。", 404) };
  const { code } = parsed.data;
  const user = await verifiedUserOrNull();
  // A relative Location: the browser stays on the host it asked.
  if (!user) return { ok: false, response: new Response(null, { status: 303, headers: { location: `/sign-in?next=${encodeURIComponent(`/certificates/${code}/${what}`)}` } }) };
  const cert = await find(code);
  if (!cert || (cert.userId !== user.id && !isStaff(user.role))) return { ok: false, response: plainText("找不到这份证书。", 404) };
  if (cert.revokedAt) return { ok: false, response: plainText(revoked, 410) };
  return { ok: true, cert, user };
}
