import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";
import { departmentNameSchema, WEBHOOK_KINDS } from "@/lib/departments/rules";

// The forms of /admin/departments: one action, the form's `intent` says which change it asks.

const id = z.string().trim().min(1, "请求无效：缺少部门。").max(64, "请求无效。");
/** The parent picker: "" is 顶级 (no parent). */
const parent = z
  .string()
  .trim()
  .max(64, "请求无效。")
  .transform((value) => value || null);

const webhookUrl = z
  .string()
  .trim()
  .max(500, "机器人地址最多 500 个字符。")
  .refine((value) => {
    if (!value) return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "机器人地址须是以 https:// 开头的完整网址（从群机器人的设置里复制）。");

export const departmentFormSchema = formInput(
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("create"), name: departmentNameSchema, parentId: parent }),
      z.object({ intent: z.literal("rename"), id, name: departmentNameSchema }),
      z.object({ intent: z.literal("move"), id, parentId: parent }),
      z.object({ intent: z.literal("archive"), id }),
      z.object({ intent: z.literal("restore"), id }),
      z.object({ intent: z.literal("webhook"), id, webhookKind: z.enum(WEBHOOK_KINDS, { error: "请选择机器人类型。" }), webhookUrl }),
    ],
    { error: "请求无效：未知的操作。请刷新页面后重试。" },
  ),
);

export type DepartmentFormState = { ok: boolean; message: string } | null;
