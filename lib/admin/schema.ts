import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";
import { ROLES } from "@/lib/auth/roles";
import { ASSIGNMENT_STATUS_LABELS } from "@/lib/assignments/status";

// The dashboard's whole state lives in the URL. Each parameter is parsed on its own, so one bad
// value (a hand-edited link) resets only that parameter and the page says so in zh-CN.

export const PAGE_SIZE = 25;

/** A learner's place in the 结业考核, from their attempts (see lib/admin/learner-sql.ts). */
export const LEARNER_STATES = ["not_started", "in_progress", "pending", "failed", "passed", "certified"] as const;
export type LearnerState = (typeof LEARNER_STATES)[number];
export const STATE_LABELS: Record<LearnerState, string> = {
  not_started: "未开始",
  in_progress: "进行中",
  pending: "待批阅",
  failed: "未通过",
  passed: "通过",
  certified: "通过并获证",
};

export const SORT_KEYS = ["name", "progress", "score", "activity"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = { name: "姓名", progress: "学习进度", score: "总分", activity: "最近活动" };
/** Direction a sort starts in when the link does not say: names A→Z, numbers and dates high first. */
export const DEFAULT_DIR: Record<SortKey, Dir> = { name: "asc", progress: "desc", score: "desc", activity: "desc" };
export type Dir = "asc" | "desc";

export const DATE_FIELDS = ["activity", "submitted"] as const;
export type DateField = (typeof DATE_FIELDS)[number];
export const DATE_FIELD_LABELS: Record<DateField, string> = { activity: "最近活动时间", submitted: "最近一次考核提交时间" };

export const MODULE_STATES = ["done", "not_done"] as const;
export type ModuleState = (typeof MODULE_STATES)[number];
export const MODULE_STATE_LABELS: Record<ModuleState, string> = { done: "已学完", not_done: "未学完" };

/** The 学习任务 status filter (issue 16): a learner's most urgent status, or one assignment's. */
export const TASK_STATES = ["overdue", "in_progress", "not_started", "completed"] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  overdue: ASSIGNMENT_STATUS_LABELS.overdue,
  in_progress: ASSIGNMENT_STATUS_LABELS.in_progress,
  not_started: ASSIGNMENT_STATUS_LABELS.not_started,
  completed: ASSIGNMENT_STATUS_LABELS.completed,
};

export type DashboardFilters = {
  q: string;
  dept?: string; // a department id: its learners and those of every department below it
  task?: TaskState;
  assignment?: string; // an assignment id: only the learners it reaches (task then means its status)
  status?: LearnerState;
  min?: number;
  max?: number;
  dateField: DateField;
  from?: string; // YYYY-MM-DD, China time
  to?: string;
  module?: string;
  moduleState: ModuleState;
  sort: SortKey;
  dir: Dir;
  page: number;
};

export const DEFAULT_FILTERS: DashboardFilters = { q: "", dateField: "activity", moduleState: "done", sort: "activity", dir: "desc", page: 1 };

const score = z.coerce
  .number()
  .min(0)
  .max(100)
  .refine((n) => Math.round(n * 10) === n * 10, "one decimal at most");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  });

const id = z.string().regex(/^[\w-]{1,64}$/);

const FIELDS = {
  q: { schema: z.string().trim().max(100), label: "搜索" },
  dept: { schema: id, label: "部门" },
  task: { schema: z.enum(TASK_STATES), label: "学习任务状态" },
  assignment: { schema: id, label: "学习任务" },
  status: { schema: z.enum(LEARNER_STATES), label: "考核状态" },
  min: { schema: score, label: "最低总分" },
  max: { schema: score, label: "最高总分" },
  dateField: { schema: z.enum(DATE_FIELDS), label: "日期类型" },
  from: { schema: day, label: "开始日期" },
  to: { schema: day, label: "结束日期" },
  moduleState: { schema: z.enum(MODULE_STATES), label: "模块完成情况" },
  sort: { schema: z.enum(SORT_KEYS), label: "排序" },
  dir: { schema: z.enum(["asc", "desc"]), label: "排序方向" },
  page: { schema: z.coerce.number().int().min(1).max(100_000), label: "页码" },
} as const;

export type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Dashboard filters from the query string. Empty values mean "not set"; invalid ones fall back
 * to the default with a note. `moduleSlugs` are the course's modules (the only valid `module`).
 */
export function parseDashboardParams(raw: RawParams, moduleSlugs: readonly string[]): { filters: DashboardFilters; notes: string[] } {
  const notes: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, { schema, label }] of Object.entries(FIELDS)) {
    const value = first(raw[name])?.trim();
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out[name] = parsed.data;
    else notes.push(`「${label}」的值“${value.slice(0, 40)}”无效，已忽略。`);
  }
  const moduleValue = first(raw.module)?.trim();
  if (moduleValue) {
    if (moduleSlugs.includes(moduleValue)) out.module = moduleValue;
    else notes.push(`「模块」的值“${moduleValue.slice(0, 40)}”不是本课程的模块，已忽略。`);
  }
  const filters = { ...DEFAULT_FILTERS, ...out } as DashboardFilters;
  if (out.sort && !out.dir) filters.dir = DEFAULT_DIR[filters.sort];
  if (filters.min !== undefined && filters.max !== undefined && filters.min > filters.max) {
    notes.push("最低总分高于最高总分，已忽略总分范围。");
    delete filters.min;
    delete filters.max;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    notes.push("开始日期晚于结束日期，已忽略日期范围。");
    delete filters.from;
    delete filters.to;
  }
  return { filters, notes };
}

/** The query string of `filters` (defaults left out), with `changes` applied; page 1 unless given. */
export function dashboardQuery(filters: DashboardFilters, changes: Partial<DashboardFilters> = {}): string {
  const next: DashboardFilters = { ...filters, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.dept) params.set("dept", next.dept);
  if (next.assignment) params.set("assignment", next.assignment);
  if (next.task) params.set("task", next.task);
  if (next.status) params.set("status", next.status);
  if (next.min !== undefined) params.set("min", String(next.min));
  if (next.max !== undefined) params.set("max", String(next.max));
  if (next.from || next.to) params.set("dateField", next.dateField);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.module) {
    params.set("module", next.module);
    params.set("moduleState", next.moduleState);
  }
  if (next.sort !== DEFAULT_FILTERS.sort || next.dir !== DEFAULT_FILTERS.dir) {
    params.set("sort", next.sort);
    params.set("dir", next.dir);
  }
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const roleChangeSchema = z
  .object({
    userId: z.string().trim().min(1, "用户编号无效").max(64, "用户编号无效"),
    role: z.enum(ROLES, { error: "角色须为学员、部门负责人、讲师或管理员" }),
    // Absent: the department stays as it is; "" (无部门): none.
    departmentId: z
      .string({ error: "部门无效" })
      .trim()
      .max(64, "部门无效")
      .transform((id) => id || null)
      .optional(),
    // 批阅权限 (a checkbox: "on" when ticked, absent otherwise); only a department head keeps it.
    canGrade: z.literal("on", { error: "批阅权限的值无效" }).optional(),
  })
  .strict();
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;
export const roleChangeFormSchema = formInput(roleChangeSchema);

export type RoleFormState = { ok: boolean; message: string } | null;

export const endSessionsSchema = z
  .object({ userId: z.string({ error: "用户编号无效" }).trim().min(1, "用户编号无效").max(64, "用户编号无效") })
  .strict();

export const endSessionsFormSchema = formInput(endSessionsSchema);

export type EndSessionsState = { ok: boolean; message: string } | null;

export const userSearchSchema = z.string().trim().max(100);
