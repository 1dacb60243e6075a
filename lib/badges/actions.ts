"use server";

import { headers } from "next/headers";
import { allowVerifyLookup, VERIFY_LIMIT_PER_MINUTE } from "@/lib/certificates/queries";
import { publicOrigin } from "@/lib/certificates/origin";
import { badgeUploadFormSchema, type BadgeVerdictState } from "@/lib/badges/schema";
import { verdictState } from "@/lib/badges/verdict";
import { verifyCredential } from "@/lib/badges/verify";
import { clientAddress } from "@/lib/security/client-address";
import { firstIssue } from "@/lib/security/input";

/** Public, like the verification page: anyone may check a credential, within its rate limit. */
export async function verifyBadgeAction(_state: BadgeVerdictState, form: FormData): Promise<BadgeVerdictState> {
  if (!(await allowVerifyLookup(clientAddress(await headers())))) {
    return { ok: false, message: `查询过于频繁：同一网络每分钟最多核验 ${VERIFY_LIMIT_PER_MINUTE} 次。请稍后再试。` };
  }
  const parsed = await badgeUploadFormSchema.safeParseAsync(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "无法读取上传的凭证。") };
  return verdictState(await verifyCredential(publicOrigin(), parsed.data));
}
