import { z } from "@/lib/zod";

/** A department's name: what the tree, the import file and the reports show. */
export const departmentNameSchema = z
  .string()
  .transform((name) => name.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .min(1, "请填写部门名称。")
      .max(40, "部门名称最多 40 个字。")
      .refine((name) => !/[/／>\\]/.test(name), "部门名称不能包含 / 或 > 或 \\（它们用来分隔上下级部门）。")
      .refine((name) => !/\p{Cc}/u.test(name), "部门名称不能包含控制字符。"),
  );

export const WEBHOOK_KINDS = ["wecom", "dingtalk", "feishu"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
export const WEBHOOK_KIND_LABELS: Record<WebhookKind, string> = { wecom: "企业微信", dingtalk: "钉钉", feishu: "飞书" };
