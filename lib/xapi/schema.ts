import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

// The LRS statements are sent to (/admin/xapi). One Setting row under XAPI_SETTING_KEY, present
// exactly while an LRS is configured: events queue statements only then (the lesson completion
// checks for the row inside its own SQL, lib/xapi/enqueue.ts). Read back through the same schema.

export const XAPI_SETTING_KEY = "xapi";
export const ACTOR_KINDS = ["email", "employeeId"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const httpUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(500, "地址过长。")
    .pipe(z.url({ protocol: /^https?$/, error: message }));

/** The xAPI endpoint as given, always ending in "/" so `statements` resolves beneath it. */
const endpoint = httpUrl("LRS 地址必须是 http:// 或 https:// 开头的网址，例如 https://lrs.example.com/xapi/。").transform((url) => (url.endsWith("/") ? url : `${url}/`));
const key = z.string().trim().min(1, "请填写 LRS 的 Key（Basic 认证用户名）。").max(200, "Key 过长。").regex(/^[^:]*$/, "Key 不能包含冒号。");
const secret = z.string().max(500, "Secret 过长。");

export const lrsSettingsSchema = z.object({
  endpoint,
  key,
  secret,
  actor: z.enum(ACTOR_KINDS),
  // account.homePage of an actor named by employee id: the company's system that issues the ids.
  homePage: z.union([z.literal(""), httpUrl("账号主页必须是 http:// 或 https:// 开头的网址。")]),
});
export type LrsSettings = z.infer<typeof lrsSettingsSchema>;
/** What the page receives: everything but the secret, and whether one is saved. */
export type LrsSettingsView = Omit<LrsSettings, "secret"> & { hasSecret: boolean };

/** The form: an empty secret keeps the saved one (the browser never receives it). */
export const lrsFormSchema = formInput(
  z
    .object({
      endpoint,
      key,
      secret: secret.default(""),
      actor: z.enum(ACTOR_KINDS, { error: "请选择学员身份的标识方式。" }),
      homePage: z.union([z.literal(""), httpUrl("账号主页必须是 http:// 或 https:// 开头的网址。")]).default(""),
    })
    .refine((form) => form.actor !== "employeeId" || form.homePage !== "", { message: "按工号标识学员时，请填写账号主页（签发工号的系统地址）。", path: ["homePage"] }),
);
export type LrsForm = z.infer<typeof lrsFormSchema>;

export const emptyFormSchema = formInput(z.object({}));

/** What the LRS form typed, handed back with a refusal so React's form reset keeps it (never the secret). */
export type LrsFormValues = { endpoint: string; key: string; actor: string; homePage: string };
export type XapiFormState = { ok: boolean; message: string; values?: LrsFormValues } | null;

/** The typed values of a refused LRS form, as plain bounded strings (anything else: empty). */
export function typedValues(form: unknown): LrsFormValues {
  const text = (name: string) => {
    const value = form instanceof FormData ? form.get(name) : null;
    return typeof value === "string" ? value.slice(0, 500) : "";
  };
  return { endpoint: text("endpoint"), key: text("key"), actor: text("actor"), homePage: text("homePage") };
}
