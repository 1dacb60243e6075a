import { describe, expect, it } from "vitest";
import { buildTree, flatten } from "@/lib/departments/tree";
import { addLearner, emptyTotals, rollUp, type LearnerFacts, type Totals } from "@/lib/reports/rollup";

const at = new Date(0);
const forest = buildTree([
  { id: "c", name: "公司", parentId: null, path: "c/", depth: 0, archivedAt: null },
  { id: "n", name: "华北", parentId: "c", path: "c/n/", depth: 1, archivedAt: null },
  { id: "b", name: "北京组", parentId: "n", path: "c/n/b/", depth: 2, archivedAt: at },
  { id: "e", name: "华东", parentId: "c", path: "c/e/", depth: 1, archivedAt: null },
]);
const departments = flatten(forest);

const facts = (over: Partial<LearnerFacts>): LearnerFacts => ({ departmentId: null, tasks: null, submitted: false, released: null, ...over });
const totalsOf = (list: LearnerFacts[]): Totals => {
  const t = emptyTotals();
  for (const f of list) addLearner(t, f);
  return t;
};

describe("rollUp", () => {
  const byDepartment = new Map<string | null, Totals>([
    ["b", totalsOf([
      facts({ tasks: { status: "overdue", assigned: 2, overdue: 1, completed: 1, started: true } }),
      facts({ submitted: true, released: { outcome: "certified", final: 90, part1: 95, part2: 88, part3: 85 } }),
    ])],
    ["n", totalsOf([facts({ tasks: { status: "completed", assigned: 1, overdue: 0, completed: 1, started: true }, submitted: true, released: { outcome: "failed", final: 50, part1: 60, part2: 50, part3: 40 } })])],
    ["e", totalsOf([facts({ submitted: true })])], // submitted, not released: no score
    [null, totalsOf([facts({})])],
  ]);

  it("adds every department's own people into each ancestor, in tree order", () => {
    const rows = rollUp(departments, byDepartment, true);
    expect(rows.map((r) => [r.name, r.depth, r.learners])).toEqual([["公司", 0, 4], ["华北", 1, 3], ["北京组", 2, 2], ["华东", 1, 1], ["未分配部门", 0, 1]]);
    expect(rows[1]).toMatchObject({ assigned: 2, started: 2, completed: 1, overdue: 1, submitted: 2, passed: 1, certified: 1, scored: 2, hasChildren: true });
    expect(rows[1].averages).toEqual({ final: 70, part1: 77.5, part2: 69, part3: 62.5 });
    expect(rows[3]).toMatchObject({ submitted: 1, scored: 0, averages: { final: null, part1: null, part2: null, part3: null } });
  });

  it("starts a subtree at depth 0 and leaves out learners without a department when asked", () => {
    const subtree = departments.filter((d) => d.path.startsWith("c/n/"));
    const rows = rollUp(subtree, byDepartment, false);
    expect(rows.map((r) => [r.name, r.depth, r.learners])).toEqual([["华北", 0, 3], ["北京组", 1, 2]]);
  });

  it("gives a row of zeros to a department nobody is in, and no 未分配部门 row when it is empty", () => {
    const rows = rollUp(departments, new Map(), true);
    expect(rows.map((r) => r.learners)).toEqual([0, 0, 0, 0]);
    expect(rows.every((r) => r.averages.final === null)).toBe(true);
  });
});
