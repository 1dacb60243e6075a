import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/role-labels";

// The import file's columns, limits and the template, shared by the reader, the checks, the page
// and the template downloads, so none of them can drift apart.

export const COLUMN_KEYS = ["name", "email", "department", "role", "employeeId"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_LABELS: Record<ColumnKey, string> = {
  name: "姓名",
  email: "邮箱",
  department: "部门",
  role: "角色",
  employeeId: "工号",
};

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ["name", "email", "department"];

// Header cells people actually write, lower-cased and without spaces, to their column.
const HEADER_ALIASES: Record<string, ColumnKey> = {
  姓名: "name", 名字: "name", 员工姓名: "name", name: "name", fullname: "name",
  邮箱: "email", 电子邮箱: "email", 邮件: "email", 邮箱地址: "email", email: "email", "e-mail": "email", mail: "email",
  部门: "department", 所属部门: "department", 部门路径: "department", department: "department", dept: "department",
  角色: "role", role: "role",
  工号: "employeeId", 员工编号: "employeeId", 员工号: "employeeId", employeeid: "employeeId", employee_id: "employeeId", "employee-id": "employeeId", staffid: "employeeId",
};

/** The column a header cell names, or undefined for a column the import ignores. */
export function columnOf(header: string): ColumnKey | undefined {
  const key = header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return Object.hasOwn(HEADER_ALIASES, key) ? HEADER_ALIASES[key] : undefined;
}

/** A role cell: its zh-CN label or its key; empty is handled by the caller (new accounts are 学员). */
export function roleOf(cell: string): Role | undefined {
  const text = cell.trim().toLowerCase();
  return ROLES.find((role) => role === text || ROLE_LABELS[role] === text);
}

export const ROLE_CHOICES = ROLES.map((role) => ROLE_LABELS[role]).join("、");

/**
 * Kept under the proxy's 1 MB request limit (lib/security/malformed.ts) with room for the form's
 * other fields: a 5,000-row file is about 250 KB as XLSX and 400 KB as CSV.
 */
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_ROWS = 5_000;
export const MAX_FILE_LABEL = "1 MB";

/** How long a new account's set-password link works. */
export const SET_PASSWORD_DAYS = 7;

export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  COLUMN_KEYS.map((key) => COLUMN_LABELS[key]),
  ["张伟", "zhang.wei@example.com", "京东商城/华北大区/北京一组", "学员", "JD0001"],
  ["李娜", "li.na@example.com", "京东商城/华北大区", "部门负责人", "JD0002"],
];

/** One problem of the file, placed as the spreadsheet shows it (the header is row 1). */
export type ImportProblem = { row: number; column: string; message: string };

export const problemText = (p: ImportProblem): string => `第 ${p.row} 行 · ${p.column}：${p.message}`;
