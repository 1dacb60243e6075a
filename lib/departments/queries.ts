// No "server-only" here: the demo seed (scripts/seed.ts) builds the demo company with it.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildTree, childPath, flatten, inSubtree, pathIds, type DepartmentNode, type DepartmentRow } from "@/lib/departments/tree";
import type { WebhookKind } from "@/lib/departments/rules";

type Tx = Prisma.TransactionClient;

const rowSelect = { id: true, name: true, parentId: true, path: true, depth: true, archivedAt: true } as const;

/** Every department (archived too) as a forest; small enough to read whole (hundreds of rows). */
export async function departmentTree(): Promise<DepartmentNode[]> {
  return buildTree(await db.department.findMany({ select: rowSelect }));
}

/** Every department in tree order, each with its names from the root: for pickers and filters. */
export async function departmentList(options: { includeArchived?: boolean } = {}): Promise<DepartmentNode[]> {
  const all = flatten(await departmentTree());
  return options.includeArchived ? all : all.filter((node) => !node.archivedAt);
}

export async function departmentById(id: string): Promise<DepartmentRow | null> {
  return db.department.findUnique({ where: { id }, select: rowSelect });
}

/**
 * A Prisma filter for users in the department with this path or below it: use it for every
 * subtree read (dashboard, reports, exports, a department head's scope).
 */
export const usersInSubtree = (path: string): Prisma.UserWhereInput => ({ department: { path: { startsWith: path } } });

/** The ids of the department at `path` and all below it. */
export async function subtreeIds(path: string, client: Tx | typeof db = db): Promise<string[]> {
  const rows = await client.department.findMany({ where: { path: { startsWith: path } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export type DepartmentWriteResult = { ok: true; id: string } | { ok: false; message: string };

async function siblingNamed(tx: Tx, parentId: string | null, name: string, exceptId?: string) {
  return tx.department.findFirst({ where: { parentId, name, archivedAt: null, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
}

/** A new department under `parentId` (null: a root). Inside the caller's transaction. */
export async function createDepartmentIn(tx: Tx, name: string, parentId: string | null): Promise<DepartmentWriteResult> {
  const parent = parentId ? await tx.department.findUnique({ where: { id: parentId }, select: rowSelect }) : null;
  if (parentId && !parent) return { ok: false, message: "上级部门不存在，可能已被删除。请刷新页面。" };
  if (parent?.archivedAt) return { ok: false, message: "上级部门已归档，不能在其下新建部门。" };
  if (await siblingNamed(tx, parentId, name)) return { ok: false, message: `同一上级下已有名为「${name}」的部门。` };
  const id = randomUUID();
  await tx.department.create({
    data: { id, name, parentId, path: childPath(parent?.path ?? null, id), depth: parent ? pathIds(parent.path).length : 0 },
  });
  return { ok: true, id };
}

export const createDepartment = (name: string, parentId: string | null) => db.$transaction((tx) => createDepartmentIn(tx, name, parentId));

export async function renameDepartment(id: string, name: string): Promise<DepartmentWriteResult> {
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id }, select: rowSelect });
    if (!department) return { ok: false, message: "部门不存在，可能已被删除。请刷新页面。" };
    if (await siblingNamed(tx, department.parentId, name, id)) return { ok: false, message: `同一上级下已有名为「${name}」的部门。` };
    await tx.department.update({ where: { id }, data: { name } });
    return { ok: true, id };
  });
}

/** Moves a department (with its subtree, people and assignments) under `parentId` (null: a root). */
export async function moveDepartment(id: string, parentId: string | null): Promise<DepartmentWriteResult> {
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id }, select: rowSelect });
    if (!department) return { ok: false, message: "部门不存在，可能已被删除。请刷新页面。" };
    const parent = parentId ? await tx.department.findUnique({ where: { id: parentId }, select: rowSelect }) : null;
    if (parentId && !parent) return { ok: false, message: "目标上级部门不存在，可能已被删除。请刷新页面。" };
    if (parent && inSubtree(parent.path, department.path)) return { ok: false, message: "不能把部门移到它自己或它的下级部门之下。" };
    if (parent?.archivedAt) return { ok: false, message: "目标上级部门已归档。" };
    if (await siblingNamed(tx, parentId, department.name, id)) return { ok: false, message: `目标上级下已有名为「${department.name}」的部门。` };
    const newPath = childPath(parent?.path ?? null, id);
    const depthChange = (parent ? pathIds(parent.path).length : 0) - department.depth;
    const subtree = await tx.department.findMany({ where: { path: { startsWith: department.path } }, select: { id: true, path: true, depth: true } });
    await tx.department.update({ where: { id }, data: { parentId } });
    for (const node of subtree) {
      await tx.department.update({
        where: { id: node.id },
        data: { path: newPath + node.path.slice(department.path.length), depth: node.depth + depthChange },
      });
    }
    return { ok: true, id };
  });
}

/**
 * Archives a department and everything below it, or brings them back. Nobody loses a record: people
 * stay in it (and are reported under it), it only leaves the pickers and cannot take new members.
 */
export async function setDepartmentArchived(id: string, archived: boolean): Promise<DepartmentWriteResult> {
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id }, select: rowSelect });
    if (!department) return { ok: false, message: "部门不存在，可能已被删除。请刷新页面。" };
    if (!archived && department.parentId) {
      const parent = await tx.department.findUnique({ where: { id: department.parentId }, select: { archivedAt: true } });
      if (parent?.archivedAt) return { ok: false, message: "上级部门已归档，请先恢复上级部门。" };
    }
    if (!archived && (await siblingNamed(tx, department.parentId, department.name, id))) {
      return { ok: false, message: `同一上级下已有名为「${department.name}」的部门，请先改名再恢复。` };
    }
    await tx.department.updateMany({
      where: { path: { startsWith: department.path } },
      data: { archivedAt: archived ? new Date() : null },
    });
    return { ok: true, id };
  });
}

export async function setDepartmentWebhook(id: string, webhook: { kind: WebhookKind; url: string } | null): Promise<boolean> {
  const updated = await db.department.updateMany({ where: { id }, data: { webhookKind: webhook?.kind ?? null, webhookUrl: webhook?.url ?? null } });
  return updated.count === 1;
}

/**
 * The department at these names from the root (["京东商城", "华北大区"]), created level by level
 * where missing, inside the caller's transaction (the staff import). Refuses an archived level.
 */
export async function ensureDepartmentPath(tx: Tx, names: readonly string[]): Promise<DepartmentWriteResult> {
  let parentId: string | null = null;
  for (const name of names) {
    const existing: { id: string; archivedAt: Date | null } | null = await tx.department.findFirst({
      where: { parentId, name },
      select: { id: true, archivedAt: true },
      orderBy: { archivedAt: { sort: "asc", nulls: "first" } },
    });
    if (existing?.archivedAt) return { ok: false, message: `部门「${name}」已归档，不能再加入成员。` };
    if (existing) {
      parentId = existing.id;
      continue;
    }
    const created = await createDepartmentIn(tx, name, parentId);
    if (!created.ok) return created;
    parentId = created.id;
  }
  if (!parentId) return { ok: false, message: "部门路径为空。" };
  return { ok: true, id: parentId };
}

/** People per department, each department counting its whole subtree, for the tree page. */
export async function peopleCounts(forest: readonly DepartmentNode[]): Promise<Map<string, number>> {
  const rows = await db.user.groupBy({ by: ["departmentId"], _count: { _all: true }, where: { departmentId: { not: null } } });
  const own = new Map(rows.map((row) => [row.departmentId!, row._count._all]));
  const totals = new Map<string, number>();
  const total = (node: DepartmentNode): number => {
    const sum = (own.get(node.id) ?? 0) + node.children.reduce((acc, child) => acc + total(child), 0);
    totals.set(node.id, sum);
    return sum;
  };
  forest.forEach(total);
  return totals;
}

export type DepartmentWebhook = { kind: WebhookKind | null; url: string | null };

/** Each department's group robot, for the tree page (URLs are staff-only data). */
export async function departmentWebhooks(): Promise<Map<string, DepartmentWebhook>> {
  const rows = await db.department.findMany({ select: { id: true, webhookKind: true, webhookUrl: true } });
  return new Map(rows.map((row) => [row.id, { kind: (row.webhookKind as WebhookKind | null) ?? null, url: row.webhookUrl }]));
}

/** The active department at exactly these names from the root, or null (never created: single sign-on claims, decision 035). */
export async function departmentIdByNames(names: readonly string[]): Promise<string | null> {
  let parentId: string | null = null;
  for (const name of names) {
    const found: { id: string } | null = await db.department.findFirst({ where: { parentId, name, archivedAt: null }, select: { id: true } });
    if (!found) return null;
    parentId = found.id;
  }
  return parentId;
}
