import { ROLE_LABELS, type Role } from "@/lib/auth/role-labels";
import { displayPath, type DepartmentRow } from "@/lib/departments/tree";
import { sortProblems, type StaffRow } from "@/lib/staff-import/check";
import { COLUMN_LABELS, type ImportProblem } from "@/lib/staff-import/columns";

// What an import will do, decided from the checked rows and the database as it is: the preview
// shows it, and the import decides it again inside its transaction. Pure.
//
// Identity is the email (the sign-in name). The employee id must not belong to another account:
// a row whose email is new but whose employee id is someone's is refused, never an email change.
// An empty role or employee id cell leaves an existing account's value as it is (decision 030).

export type Account = { id: string; name: string; email: string; role: string; employeeId: string | null; departmentId: string | null };

/** departmentId: the existing department the row names, or null when the import creates (part of) its path. */
export type PlanEntry = { row: StaffRow; departmentId: string | null } & (
  | { kind: "new" }
  | { kind: "update"; account: Account; changes: string[] }
  | { kind: "unchanged"; account: Account }
);

export type Plan = { entries: PlanEntry[]; problems: ImportProblem[]; newDepartments: string[] };

type Resolved = { departmentId: string } | { missingFrom: number } | { archived: string };

/** The department these names lead to: the active one where an archived sibling shares a name (as ensureDepartmentPath picks). */
export function departmentResolver(departments: readonly DepartmentRow[]) {
  const children = new Map<string, DepartmentRow[]>();
  for (const d of departments) {
    const key = `${d.parentId ?? ""}\u0000${d.name}`;
    children.set(key, [...(children.get(key) ?? []), d]);
  }
  return (names: readonly string[]): Resolved => {
    let parentId: string | null = null;
    for (const [index, name] of names.entries()) {
      const found: DepartmentRow[] = children.get(`${parentId ?? ""}\u0000${name}`) ?? [];
      const active = found.find((d) => !d.archivedAt);
      if (!active && found.length) return { archived: name };
      if (!active) return { missingFrom: index };
      parentId = active.id;
    }
    return { departmentId: parentId as string };
  };
}

export type PlanInput = {
  rows: readonly StaffRow[];
  accountsByEmail: ReadonlyMap<string, Account>;
  accountsByEmployeeId: ReadonlyMap<string, Account>;
  departments: readonly DepartmentRow[];
  actorId: string;
};

export function planImport({ rows, accountsByEmail, accountsByEmployeeId, departments, actorId }: PlanInput): Plan {
  const resolve = departmentResolver(departments);
  const problems: ImportProblem[] = [];
  const entries: PlanEntry[] = [];
  const newDepartments = new Set<string>();
  for (const row of rows) {
    const before = problems.length;
    const account = accountsByEmail.get(row.email);
    const department = resolve(row.departmentNames);
    if ("archived" in department) {
      problems.push({ row: row.row, column: COLUMN_LABELS.department, message: `部门「${department.archived}」已归档，不能再加入成员` });
    }
    if (row.employeeId) {
      const owner = accountsByEmployeeId.get(row.employeeId);
      if (owner && owner.id !== account?.id) {
        problems.push({ row: row.row, column: COLUMN_LABELS.employeeId, message: `工号 ${row.employeeId} 已属于另一个账号（${owner.email}）` });
      }
    }
    if (account && account.id === actorId && row.role && row.role !== account.role) {
      problems.push({ row: row.row, column: COLUMN_LABELS.role, message: "不能通过导入修改你自己的角色，请由另一位管理员操作" });
    }
    if (problems.length > before) continue;
    if ("missingFrom" in department) {
      for (let depth = department.missingFrom + 1; depth <= row.departmentNames.length; depth++) {
        newDepartments.add(displayPath(row.departmentNames.slice(0, depth)));
      }
    }
    const departmentId = "departmentId" in department ? department.departmentId : null;
    if (!account) {
      entries.push({ kind: "new", row, departmentId });
      continue;
    }
    const changes = changesOf(row, account, departmentId);
    entries.push(changes.length ? { kind: "update", row, departmentId, account, changes } : { kind: "unchanged", row, departmentId, account });
  }
  return { entries, problems: sortProblems(problems), newDepartments: [...newDepartments] };
}

/** The fields an import would change on an existing account (labels for the preview). */
function changesOf(row: StaffRow, account: Account, departmentId: string | null): string[] {
  const changes: string[] = [];
  if (row.name !== account.name) changes.push(COLUMN_LABELS.name);
  if (departmentId === null || departmentId !== account.departmentId) changes.push(COLUMN_LABELS.department);
  if (row.role && row.role !== account.role) changes.push(COLUMN_LABELS.role);
  if (row.employeeId && row.employeeId !== account.employeeId) changes.push(COLUMN_LABELS.employeeId);
  return changes;
}

export const roleLabel = (role: Role | null): string => (role ? ROLE_LABELS[role] : `${ROLE_LABELS.learner}（默认）`);

export function planCounts(plan: Plan) {
  const count = (kind: PlanEntry["kind"]) => plan.entries.filter((e) => e.kind === kind).length;
  return { created: count("new"), updated: count("update"), unchanged: count("unchanged"), departments: plan.newDepartments.length };
}
