import { issuerProfile } from "@/lib/badges/credential";
import { publicJson } from "@/lib/badges/http";
import { publicOrigin } from "@/lib/certificates/origin";

// Read per request: the public origin is configuration, not something to freeze into the build.
export const dynamic = "force-dynamic";

/** The Open Badges issuer Profile every credential names (decision 041). */
export function GET() {
  return publicJson(issuerProfile(publicOrigin(), true));
}
