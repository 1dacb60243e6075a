import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createSetPasswordTokens, setPasswordUrl } from "@/lib/auth/set-password-links";
import { ensureDepartmentPath } from "@/lib/departments/queries";
import { displayPath } from "@/lib/departments/tree";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { checkRows, type StaffRow } from "@/lib/staff-import/check";
import { problemText, SET_PASSWORD_DAYS, type ImportProblem } from "@/lib/staff-import/columns";
import { planCounts, planImport, type Account, type Plan } from "@/lib/staff-import/plan";
import { readSheet } from "@/lib/staff-import/read-file";

type Client = Prisma.TransactionClient | typeof db;

export const fileHash = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

const accountSelect = { id: true, name: true, email: true, role: true, employeeId: true, departmentId: true } as const;

/** The file read, checked and planned against the database `client` sees; no writes. */
async function planFile(client: Client, bytes: Uint8Array, actorId: string): Promise<{ ok: false; message: string } | { ok: true; plan: Plan }> {
  const read = await readSheet(bytes);
  if (!read.ok) return read;
  // Without the right columns every row would fail the same way: the header's problems alone say it.
  if (read.sheet.problems.length) return { ok: true, plan: { entries: [], problems: read.sheet.problems, newDepartments: [] } };
  const checked = checkRows(read.sheet.rows);
  const rows: StaffRow[] = checked.rows;
  const emails = rows.map((r) => r.email);
  const employeeIds = rows.flatMap((r) => (r.employeeId ? [r.employeeId] : []));
  const [byEmail, byEmployeeId, departments] = await Promise.all([
    client.user.findMany({ where: { email: { in: emails } }, select: accountSelect }),
    employeeIds.length ? client.user.findMany({ where: { employeeId: { in: employeeIds } }, select: accountSelect }) : [],
    client.department.findMany({ select: { id: true, name: true, parentId: true, path: true, depth: true, archivedAt: true } }),
  ]);
  const plan = planImport({
    rows,
    accountsByEmail: new Map(byEmail.map((a: Account) => [a.email, a])),
    accountsByEmployeeId: new Map(byEmployeeId.map((a: Account) => [a.employeeId as string, a])),
    departments,
    actorId,
  });
  plan.problems = [...checked.problems, ...plan.problems].sort((a, b) => a.row - b.row);
  return { ok: true, plan };
}

export type PreviewRow = { row: number; name: string; email: string; department: string; action: "新建" | "更新" | "不变"; changes: string };
export type ImportPreview = {
  hash: string;
  counts: ReturnType<typeof planCounts>;
  newDepartments: string[];
  problems: string[];
  rows: PreviewRow[];
};

/** What importing this file would do now; writes nothing. */
export async function previewImport(bytes: Uint8Array, actorId: string): Promise<{ ok: false; message: string } | { ok: true; preview: ImportPreview }> {
  const planned = await planFile(db, bytes, actorId);
  if (!planned.ok) return planned;
  const { plan } = planned;
  return {
    ok: true,
    preview: {
      hash: fileHash(bytes),
      counts: planCounts(plan),
      newDepartments: plan.newDepartments,
      problems: plan.problems.map(problemText),
      rows: plan.entries.map((entry) => ({
        row: entry.row.row,
        name: entry.row.name,
        email: entry.row.email,
        department: displayPath(entry.row.departmentNames),
        action: entry.kind === "new" ? "新建" : entry.kind === "update" ? "更新" : "不变",
        changes: entry.kind === "update" ? entry.changes.join("、") : "",
      })),
    },
  };
}

export type NewAccountLink = { name: string; email: string; url: string };
export type ImportOutcome =
  | { ok: false; message: string; problems?: string[] }
  | { ok: true; counts: ReturnType<typeof planCounts>; links: NewAccountLink[]; expiresAt: Date };

class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super("import refused");
  }
}

/**
 * The whole file in one transaction, planned again inside it: a problem found now (someone took
 * an employee id, archived a department since the preview) writes nothing at all.
 */
export async function runImport(bytes: Uint8Array, actor: { id: string }, now = new Date()): Promise<ImportOutcome> {
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_DAYS * 24 * 60 * 60 * 1000);
  try {
    return await db.$transaction(
      async (tx) => {
        const planned = await planFile(tx, bytes, actor.id);
        if (!planned.ok) return planned;
        const { plan } = planned;
        if (plan.problems.length) throw new ImportRefused(plan.problems);
        const departmentIds = await ensureDepartments(tx, plan);
        const departmentOf = (row: StaffRow) => departmentIds.get(displayPath(row.departmentNames)) as string;

        const created = plan.entries.flatMap((e) => (e.kind === "new" ? [{ id: randomUUID(), row: e.row }] : []));
        await tx.user.createMany({
          data: created.map(({ id, row }) => ({
            id,
            name: row.name,
            email: row.email,
            role: row.role ?? "learner",
            employeeId: row.employeeId,
            departmentId: departmentOf(row),
          })),
        });
        for (const entry of plan.entries) {
          if (entry.kind !== "update") continue;
          const { row } = entry;
          await tx.user.update({
            where: { id: entry.account.id },
            data: { name: row.name, departmentId: departmentOf(row), ...(row.role ? { role: row.role } : {}), ...(row.employeeId ? { employeeId: row.employeeId } : {}) },
          });
        }
        const tokens = await createSetPasswordTokens(tx, created.map((c) => c.id), expiresAt);
        const links: NewAccountLink[] = [];
        for (const { id, row } of created) {
          const url = setPasswordUrl(tokens.get(id) as string);
          links.push({ name: row.name, email: row.email, url });
          await enqueueEmail(tx, { dedupeKey: `staff-import:set-password:${id}`, to: row.email, ...setPasswordEmail(row.name, url) });
        }
        return { ok: true as const, counts: planCounts(plan), links, expiresAt };
      },
      // A 5,000-row file is a few thousand statements: well past Prisma's 5 s default.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof ImportRefused) {
      return { ok: false, message: `发现 ${error.problems.length} 个问题，未导入任何人员。请修改文件后重新预览。`, problems: error.problems.map(problemText) };
    }
    console.error("staff import failed", error);
    return { ok: false, message: "导入失败（数据库繁忙或数据刚被他人修改），未导入任何人员。请重新预览后再试。" };
  }
}

/** Every department path of the file: found by the plan, or created level by level (ensureDepartmentPath). */
async function ensureDepartments(tx: Prisma.TransactionClient, plan: Plan): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { row, departmentId } of plan.entries) {
    const key = displayPath(row.departmentNames);
    if (ids.has(key)) continue;
    if (departmentId) {
      ids.set(key, departmentId);
      continue;
    }
    const result = await ensureDepartmentPath(tx, row.departmentNames);
    if (!result.ok) throw new ImportRefused([{ row: row.row, column: "部门", message: result.message }]);
    ids.set(key, result.id);
  }
  return ids;
}

function setPasswordEmail(name: string, url: string) {
  return {
    subject: "京东运营线上培训：请设置你的登录密码",
    text: [
      `${name}，你好：`,
      "",
      "管理员已为你开通京东运营线上培训的账号。请打开下面的链接设置登录密码（链接只能使用一次，" + `${SET_PASSWORD_DAYS} 天内有效）：`,
      url,
      "",
      "如果链接已失效，请联系你的培训管理员重新发送。",
    ].join("\n"),
  };
}
