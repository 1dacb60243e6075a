import "server-only";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { safeNextPath } from "@/lib/auth/next-path";
import { isStaff } from "@/lib/auth/roles";
import { getVerifiedUser, type CurrentUser } from "@/lib/auth/session";
import { usersInSubtree } from "@/lib/departments/queries";
import { inSubtree } from "@/lib/departments/tree";

// Whose records a staff member may see (issue 16). Trainers and admins see everyone; a 部门负责人
// (dept_head) sees the people of their department's subtree only, and none when they have no
// department. Every staff read of learners (dashboard, learner pages, reports, exports, grading)
// goes through `scopedUsers` or `inScope`, and every page through `requireScopedStaff`.

export type StaffScope =
  | { kind: "all" }
  | { kind: "department"; departmentId: string | null; path: string | null; departmentName: string | null; canGrade: boolean };

/** The scope of a verified staff user (trainer, admin, dept_head); null for anyone else. */
export async function scopeOf(user: CurrentUser): Promise<StaffScope | null> {
  if (isStaff(user.role)) return { kind: "all" };
  if (user.role !== "dept_head") return null;
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { canGrade: true, department: { select: { id: true, path: true, name: true } } },
  });
  return {
    kind: "department",
    departmentId: row?.department?.id ?? null,
    path: row?.department?.path ?? null,
    departmentName: row?.department?.name ?? null,
    canGrade: row?.canGrade ?? false,
  };
}

/** A Prisma filter for the users this scope may see. */
export function scopedUsers(scope: StaffScope): Prisma.UserWhereInput {
  if (scope.kind === "all") return {};
  return scope.path ? usersInSubtree(scope.path) : { id: { in: [] } };
}

/**
 * The same filter for raw SQL, on the user table aliased `u`: TRUE for everyone, the subtree's
 * departments otherwise (a prefix range on department.path; the department table is small).
 */
export function scopedUsersSql(scope: StaffScope): Prisma.Sql {
  if (scope.kind === "all") return Prisma.sql`1 = 1`;
  if (!scope.path) return Prisma.sql`1 = 0`;
  return Prisma.sql`u."departmentId" IN (SELECT d."id" FROM "department" d WHERE d."path" LIKE ${`${scope.path}%`})`;
}

/** Whether this scope may see a user in the department with this path (null: no department). */
export function inScope(scope: StaffScope, departmentPath: string | null): boolean {
  if (scope.kind === "all") return true;
  return Boolean(scope.path && departmentPath && inSubtree(departmentPath, scope.path));
}

/** A page for staff who see learners (trainers, admins, department heads), with their scope. */
export async function requireScopedStaff(returnTo: string): Promise<{ user: CurrentUser; scope: StaffScope }> {
  const user = (await getVerifiedUser()) ?? redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(returnTo))}`);
  const scope = await scopeOf(user);
  if (!scope) forbidden();
  return { user, scope };
}

/** The same check for actions and route handlers: null when the asker may see no learners. */
export async function scopedStaffOrNull(): Promise<{ user: CurrentUser; scope: StaffScope } | null> {
  const user = await getVerifiedUser();
  const scope = user ? await scopeOf(user) : null;
  return user && scope ? { user, scope } : null;
}

/** Who may grade: trainers and admins (every attempt), a department head given 批阅权限 (their subtree's). */
export const mayGrade = (scope: StaffScope): boolean => scope.kind === "all" || scope.canGrade;

/** A grading page: trainers, admins and department heads with 批阅权限; anyone else gets the 403 page. */
export async function requireGrader(returnTo: string): Promise<{ user: CurrentUser; scope: StaffScope }> {
  const staff = await requireScopedStaff(returnTo);
  if (!mayGrade(staff.scope)) forbidden();
  return staff;
}

/** The same check for grading actions: null when the asker may not grade. */
export async function graderOrNull(): Promise<{ user: CurrentUser; scope: StaffScope } | null> {
  const staff = await scopedStaffOrNull();
  return staff && mayGrade(staff.scope) ? staff : null;
}
