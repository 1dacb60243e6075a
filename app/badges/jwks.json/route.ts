import { publicJson } from "@/lib/badges/http";
import { jwks } from "@/lib/badges/queries";
import { publicOrigin } from "@/lib/certificates/origin";

export const dynamic = "force-dynamic";

/** Every signing key generation's public key (decision 041): old credentials keep verifying. */
export async function GET() {
  return publicJson(await jwks(publicOrigin()));
}
