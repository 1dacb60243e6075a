import { OB_CONTEXT, VC_CONTEXT, achievement } from "@/lib/badges/credential";
import { publicJson } from "@/lib/badges/http";
import { publicOrigin } from "@/lib/certificates/origin";
import { loadAssessment } from "@/lib/content/banks";

export const dynamic = "force-dynamic";

/** The Achievement (京东认证运营专家证书) with its criteria, as every credential embeds it. */
export function GET() {
  return publicJson({ "@context": [VC_CONTEXT, OB_CONTEXT], ...achievement(publicOrigin(), loadAssessment().config) });
}
