import { NOT_A_FORM } from "@/lib/security/input";
import { z } from "@/lib/zod";
import { ASSIGNMENT_SCOPES } from "@/lib/assignments/status";

// The 学习任务 form (create and edit share it) and the archive form. Module, department and
// person checkboxes repeat one field name, so the form is read with getAll into fixed keys
// (never user-chosen ones); whether the ids exist is checked against the database by the action.

const id = z.string().trim().min(1, "编号无效").max(64, "编号无效");

/** A calendar day typed in a date field, YYYY-MM-DD (read as a Beijing day). */
const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 年-月-日`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2000-01-01" && s <= "2100-12-31";
    }, `${label}不是有效的日期`);

// The title reaches learners' homes, reminder emails and group-robot messages: one line, no
// control or invisible format characters (bidi overrides), spaces collapsed.
const title = z
  .string({ error: "请填写任务名称" })
  .transform((text) => text.normalize("NFC").replace(/\s+/gu, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "请填写任务名称")
      .refine((text) => [...text].length <= 80, "任务名称不能超过 80 个字")
      .refine((text) => !/[\p{C}\p{Zl}\p{Zp}]/u.test(text), "任务名称不能包含控制字符或不可见字符"),
  );

export const assignmentSchema = z
  .object({
    id: id.optional(),
    title,
    scope: z.enum(ASSIGNMENT_SCOPES, { error: "请选择学习内容：整门课程、指定模块或结业考核" }),
    moduleSlugs: z.array(z.string().trim().min(1).max(100), { error: "模块选择无效" }).max(50, "模块选择无效"),
    startDate: day("开始日期"),
    dueDate: day("截止日期"),
    departmentIds: z.array(id).max(500, "一次最多指派 500 个部门"),
    userIds: z.array(id).max(500, "一次最多指派 500 人"),
  })
  .superRefine((value, ctx) => {
    if (value.dueDate < value.startDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "截止日期不能早于开始日期" });
    if (value.scope === "modules" && !value.moduleSlugs.length) ctx.addIssue({ code: "custom", path: ["moduleSlugs"], message: "请至少选择一个模块" });
    if (!value.departmentIds.length && !value.userIds.length) ctx.addIssue({ code: "custom", path: ["departmentIds"], message: "请至少选择一个部门或一名学员" });
  })
  .transform((value) => ({
    ...value,
    moduleSlugs: value.scope === "modules" ? [...new Set(value.moduleSlugs)] : [],
    departmentIds: [...new Set(value.departmentIds)],
    userIds: [...new Set(value.userIds)],
  }));
export type AssignmentInput = z.infer<typeof assignmentSchema>;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return value === null ? undefined : value;
};

/** The form as data: only these keys, each read by name; a file where text belongs is refused by the schema. */
export const assignmentFormSchema = z.instanceof(FormData, { error: NOT_A_FORM }).transform((form, ctx) => {
  const parsed = assignmentSchema.safeParse({
    id: text(form, "id"),
    title: text(form, "title"),
    scope: text(form, "scope"),
    moduleSlugs: form.getAll("moduleSlugs"),
    startDate: text(form, "startDate"),
    dueDate: text(form, "dueDate"),
    departmentIds: form.getAll("departmentIds"),
    userIds: form.getAll("userIds"),
  });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});

export const archiveFormSchema = z
  .instanceof(FormData, { error: NOT_A_FORM })
  .transform((form) => ({ id: text(form, "id"), archived: text(form, "archived") }))
  .pipe(z.object({ id, archived: z.enum(["true", "false"], { error: "请求无效" }).transform((v) => v === "true") }));

export type AssignmentFormState = { ok: boolean; message: string; id?: string } | null;

/** The people search of the form (a GET route): a name or email fragment. */
/** An assignment id from a URL: what the app makes (uuid/cuid), nothing else reaches a query. */
export const assignmentIdSchema = z.string().regex(/^[\w-]{1,64}$/);

export const personQuerySchema = z.string().trim().min(1, "请输入姓名或邮箱").max(100, "搜索词不能超过 100 个字");
