import { z } from "@/lib/zod";

/** What an action answers when its argument is not what its form or caller sends. */
export const NOT_A_FORM = "请求格式不正确：需要表单数据。请刷新页面后重试。";

/**
 * A form's fields as a null-prototype record: a field named `__proto__` or `constructor` is just
 * a key here, never a prototype. Several values under one name keep the last; files stay files
 * (a schema that wants text refuses them).
 */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  const fields: Record<string, FormDataEntryValue> = Object.create(null);
  for (const [name, value] of form.entries()) {
    // React's own fields of a form submitted before hydration; never the app's data.
    if (name.startsWith("$ACTION_")) continue;
    Object.defineProperty(fields, name, { value, enumerable: true, configurable: true, writable: true });
  }
  return fields;
}

/**
 * The one way a form action reads its argument: anything but FormData (a string, an object, no
 * argument at all, as a hand-made request may send) is refused with a zh-CN message; FormData
 * becomes `formFields` and then goes through `schema`.
 */
export function formInput<T extends z.ZodType<unknown, Record<string, FormDataEntryValue>>>(schema: T) {
  return z
    .instanceof(FormData, { error: NOT_A_FORM })
    .transform(formFields)
    .pipe(schema);
}

/** The message of a refused input: its first issue (zh-CN by lib/zod), for the user to act on. */
export function firstIssue(error: z.ZodError, fallback = "请求无效。"): string {
  return error.issues[0]?.message || fallback;
}
