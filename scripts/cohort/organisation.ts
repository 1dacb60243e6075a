import { endOfBeijingDay, startOfBeijingDay, beijingDay } from "@/lib/assignments/status";
import type { Prisma } from "@/lib/generated/prisma/client";
import { childPath } from "@/lib/departments/tree";
import { DAY, headEmail, type CohortContext } from "./context";
import { rngFor, weightedPick } from "./random";
import type { TableRows } from "./writer";

// The cohort's company (issue 16): 京东商城 → 8 大区 → 5 小组 (40 leaf departments of uneven
// size), one 部门负责人 per 大区, and four 学习任务 with due dates behind and ahead of the run:
// the course to three 大区 (overdue), modules 1–3 to two 大区 (due soon), the 结业考核 to one
// 大区 (just overdue), module 1 to a few 小组 (due later). Two 大区 have nothing assigned.
// Ids start with "cohort-", so --reset finds the company again whatever the seed.

export const COMPANY = "京东商城";
export const REGIONS = ["华北大区", "东北大区", "华东大区", "华中大区", "华南大区", "西南大区", "西北大区", "京津冀大区"] as const;
export const GROUPS = ["店铺运营组", "商品运营组", "活动运营组", "客服组", "数据分析组"] as const;
export const COHORT_ID_PREFIX = "cohort-";

type DepartmentRow = Prisma.DepartmentCreateManyInput & { id: string; path: string };

export type CohortOrganisation = {
  departments: DepartmentRow[]; // parents first
  leaves: DepartmentRow[];
  regions: DepartmentRow[];
  /** The leaf department of learner `index`: the same for the same seed and index. */
  leafOf: (index: number) => string;
  /** The company's rows (departments, heads, assignments), written before the learners. */
  tables: (credential: (userId: string, at: Date) => Prisma.AccountCreateManyInput) => TableRows[];
};

export function planOrganisation(ctx: Pick<CohortContext, "seed" | "now" | "course" | "trainerIds">): CohortOrganisation {
  const at = new Date(ctx.now - 200 * DAY);
  const row = (id: string, name: string, parent: DepartmentRow | null): DepartmentRow => ({
    id, name, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id), depth: parent ? Number(parent.depth) + 1 : 0, createdAt: at, updatedAt: at,
  });
  const company = row(`${COHORT_ID_PREFIX}d-0`, COMPANY, null);
  const regions = REGIONS.map((name, r) => row(`${COHORT_ID_PREFIX}d-${r + 1}`, name, company));
  const leaves = regions.flatMap((region, r) => GROUPS.map((name, g) => row(`${COHORT_ID_PREFIX}d-${r + 1}-${g + 1}`, name, region)));
  // Uneven sizes, as in a real company: some groups are five times others.
  const weights = leaves.map((_, i) => 1 + ((i * 7) % 5));

  const day = (offset: number) => beijingDay(new Date(ctx.now + offset * DAY));
  const [m1, m2, m3] = ctx.course.modules.map((m) => m.slug);
  const assignments = [
    { key: "a1", title: "京东运营全课程（秋季必修）", scope: "course", modules: "", starts: -150, due: -20, targets: regions.slice(0, 3) },
    { key: "a2", title: "新店开业必修：模块 1–3", scope: "modules", modules: [m1, m2, m3].join(","), starts: -45, due: 10, targets: regions.slice(3, 5) },
    { key: "a3", title: "结业考核（西南大区）", scope: "assessment", modules: "", starts: -40, due: -3, targets: [regions[5]] },
    { key: "a4", title: "客服与数据岗：模块 1", scope: "modules", modules: m1, starts: -5, due: 30, targets: [leaves[3], leaves[4], leaves[8], leaves[9]] },
  ];

  return {
    departments: [company, ...regions, ...leaves],
    leaves,
    regions,
    leafOf: (index) => weightedPick(rngFor(ctx.seed, "department", index), leaves, weights).id,
    tables: (credential) => {
      const heads: Prisma.UserCreateManyInput[] = regions.map((region, r) => ({
        id: `${COHORT_ID_PREFIX}head-${r + 1}`, name: `${region.name.slice(0, 2)}负责人`, email: headEmail(r), role: "dept_head", departmentId: region.id, canGrade: r === 0, createdAt: at, updatedAt: at,
      }));
      return [
        ["department", [company, ...regions, ...leaves]],
        ["user", heads],
        ["account", heads.map((h) => credential(h.id!, at))],
        ["assignment", assignments.map((a) => ({
          id: `${COHORT_ID_PREFIX}${a.key}`, title: a.title, scope: a.scope, moduleSlugs: a.modules,
          startsAt: startOfBeijingDay(day(a.starts)), dueAt: endOfBeijingDay(day(a.due)), createdById: ctx.trainerIds[0], createdAt: at,
        }))],
        ["assignment_target", assignments.flatMap((a) => a.targets.map((t) => ({ id: `${COHORT_ID_PREFIX}${a.key}-${t.id}`, assignmentId: `${COHORT_ID_PREFIX}${a.key}`, departmentId: t.id })))],
      ];
    },
  };
}
