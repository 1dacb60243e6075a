import "server-only";
import { headers } from "next/headers";

/**
 * Absolute origin of this request (honouring a reverse proxy's forwarded headers), so the
 * verification link on the result page and the QR code in the PDF are the same URL.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
