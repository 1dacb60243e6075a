import { CERTIFICATE_TITLE, displayCode } from "@/lib/certificates/rules";
import { formatIssueDate } from "@/lib/certificates/format";
import type { BadgeVerdictState } from "@/lib/badges/schema";
import type { Verdict } from "@/lib/badges/verify";

/** What the verification page says about an uploaded credential. */
export function verdictState(v: Verdict): BadgeVerdictState {
  switch (v.kind) {
    case "valid":
      return {
        ok: true, kind: v.kind, title: "✓ 有效：本机构签发的电子徽章，证书有效",
        lines: [`${CERTIFICATE_TITLE}`, `持证人：${v.printedName ?? "（持证人尚未确认姓名）"}`, `发证日期：${formatIssueDate(v.issuedAt)}`, `证书编号：${displayCode(v.code)}`],
      };
    case "revoked":
      return {
        ok: true, kind: v.kind, title: "✗ 已撤销：签名真实，但证书已被撤销，不再有效",
        lines: [v.revokedAt ? `撤销日期：${formatIssueDate(v.revokedAt)}` : "该证书已不存在。", `证书编号：${displayCode(v.code)}`],
      };
    case "bad-signature":
      return { ok: true, kind: v.kind, title: "✗ 签名无效：内容被改动过，或不是用本机构的密钥签发的", lines: ["请向持证人索取从本平台下载的原始文件。"] };
    case "foreign":
      return { ok: true, kind: v.kind, title: "✗ 不是本机构签发", lines: [v.issuer ? `签发方：${v.issuer.slice(0, 200)}` : "凭证没有写明签发方。", "本页只核验本课程平台签发的电子徽章。"] };
    case "expired":
      return { ok: true, kind: v.kind, title: "✗ 已过期：凭证已超过有效期", lines: [] };
    case "unreadable":
      return { ok: true, kind: v.kind, title: "无法识别：这不是 Open Badges 3.0 电子徽章", lines: ["请上传从本平台下载的 .jwt 文件，或粘贴其中的全部文本。"] };
  }
}
