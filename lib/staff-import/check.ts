import type { Role } from "@/lib/auth/role-labels";
import { personNameSchema } from "@/lib/auth/schema";
import { departmentNameSchema } from "@/lib/departments/rules";
import { displayPath, splitNamePath } from "@/lib/departments/tree";
import { COLUMN_LABELS, ROLE_CHOICES, roleOf, type ColumnKey, type ImportProblem } from "@/lib/staff-import/columns";
import type { SheetRow } from "@/lib/staff-import/read-file";
import { z } from "@/lib/zod";

// The checks one row can fail on its own, and the ones between rows of the same file. Pure: what
// the database says (accounts, departments) is lib/staff-import/plan.ts.

export type StaffRow = {
  row: number;
  name: string;
  email: string;
  departmentNames: string[];
  /** Null when the cell is empty: 学员 for a new account, unchanged for an existing one. */
  role: Role | null;
  /** Null when the cell is empty: none for a new account, unchanged for an existing one. */
  employeeId: string | null;
};

const emailSchema = z
  .string()
  .trim()
  .min(1, "请填写邮箱")
  .max(254, "邮箱太长")
  .pipe(z.email("邮箱格式不正确"))
  // better-auth keeps emails lower-case (sign-up lower-cases them): so does the import.
  .transform((email) => email.toLowerCase());

const employeeIdSchema = z
  .string()
  .transform((id) => id.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .max(40, "工号最多 40 个字符")
      .regex(/^[\p{L}\p{N}_.\-]*$/u, "工号只能包含字母、数字、下划线、点和连字符"),
  );

const departmentSchema = z
  .string()
  .transform((text) => splitNamePath(text))
  .pipe(z.array(departmentNameSchema).min(1, "请填写部门，如“京东商城/华北大区/北京一组”").max(10, "部门最多 10 级"));

const roleSchema = z
  .string()
  .transform((text, ctx) => {
    if (!text.trim()) return null;
    const role = roleOf(text);
    if (!role) ctx.addIssue({ code: "custom", message: `角色须为${ROLE_CHOICES}之一（留空即为学员）` });
    return role ?? null;
  });

const FIELDS = { name: personNameSchema, email: emailSchema, department: departmentSchema, role: roleSchema, employeeId: employeeIdSchema };

export type CheckedRows = { rows: StaffRow[]; problems: ImportProblem[] };

/** Each row's cells parsed, every problem kept (not only the first); rows with a problem are left out. */
export function checkRows(sheet: readonly SheetRow[]): CheckedRows {
  const problems: ImportProblem[] = [];
  const rows: StaffRow[] = [];
  for (const { row, cells } of sheet) {
    const parsed: Partial<Record<ColumnKey, unknown>> = {};
    let ok = true;
    for (const key of Object.keys(FIELDS) as ColumnKey[]) {
      const result = FIELDS[key].safeParse(cells[key] ?? "");
      if (result.success) parsed[key] = result.data;
      else {
        ok = false;
        problems.push({ row, column: COLUMN_LABELS[key], message: result.error.issues[0]?.message ?? "内容无效" });
      }
    }
    if (!ok) continue;
    rows.push({
      row,
      name: parsed.name as string,
      email: parsed.email as string,
      departmentNames: parsed.department as string[],
      role: parsed.role as Role | null,
      employeeId: (parsed.employeeId as string) || null,
    });
  }
  problems.push(...duplicates(rows, "email", (r) => r.email), ...duplicates(rows, "employeeId", (r) => r.employeeId));
  const dropped = new Set(problems.map((p) => p.row));
  return { rows: rows.filter((r) => !dropped.has(r.row)), problems: sortProblems(problems) };
}

/** A second row with the same value as an earlier one: each later row names the first. */
function duplicates(rows: readonly StaffRow[], key: "email" | "employeeId", value: (row: StaffRow) => string | null): ImportProblem[] {
  const first = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const v = value(row);
    if (!v) continue;
    const earlier = first.get(v.toLowerCase());
    if (earlier === undefined) first.set(v.toLowerCase(), row.row);
    else problems.push({ row: row.row, column: COLUMN_LABELS[key], message: `与第 ${earlier} 行重复（${v}），同一文件中每人只能出现一次` });
  }
  return problems;
}

export const sortProblems = (problems: ImportProblem[]): ImportProblem[] => problems.sort((a, b) => a.row - b.row);

export const departmentText = (row: StaffRow): string => displayPath(row.departmentNames);
