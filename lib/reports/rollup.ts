import type { LearnerTasks } from "@/lib/assignments/summary";
import { inSubtree, type DepartmentNode } from "@/lib/departments/tree";

// The department report's arithmetic, pure: per-learner facts in, one row per department out,
// each department counting its own people and everyone below it (decision 033).

/** What the report needs to know about one learner. */
export type LearnerFacts = {
  departmentId: string | null;
  tasks: LearnerTasks | null; // null: nothing assigned (or not the chosen assignment)
  submitted: boolean; // has a submitted (closed) 结业考核 attempt
  released: { outcome: string | null; final: number | null; part1: number | null; part2: number | null; part3: number | null } | null; // the latest, when released
};

export type Totals = {
  learners: number;
  assigned: number;
  started: number;
  completed: number;
  overdue: number;
  submitted: number;
  passed: number;
  certified: number;
  scored: number; // learners whose latest released attempt has a final score: the averages' denominator
  finalSum: number;
  part1Sum: number;
  part2Sum: number;
  part3Sum: number;
};

export type Averages = { final: number | null; part1: number | null; part2: number | null; part3: number | null };

export type ReportRow = Totals & {
  id: string | null; // null: learners without a department
  name: string;
  names: string[];
  depth: number;
  parentId: string | null;
  hasChildren: boolean;
  averages: Averages;
};

export const emptyTotals = (): Totals => ({
  learners: 0, assigned: 0, started: 0, completed: 0, overdue: 0, submitted: 0, passed: 0, certified: 0, scored: 0, finalSum: 0, part1Sum: 0, part2Sum: 0, part3Sum: 0,
});

export function addLearner(totals: Totals, facts: LearnerFacts): void {
  totals.learners += 1;
  const { tasks, released } = facts;
  if (tasks) {
    totals.assigned += 1;
    if (tasks.started) totals.started += 1;
    if (tasks.status === "completed") totals.completed += 1;
    if (tasks.overdue > 0) totals.overdue += 1;
  }
  if (facts.submitted) totals.submitted += 1;
  if (released) {
    if (released.outcome === "passed" || released.outcome === "certified") totals.passed += 1;
    if (released.outcome === "certified") totals.certified += 1;
    if (released.final !== null) {
      totals.scored += 1;
      totals.finalSum += released.final;
      totals.part1Sum += released.part1 ?? 0;
      totals.part2Sum += released.part2 ?? 0;
      totals.part3Sum += released.part3 ?? 0;
    }
  }
}

function addTotals(into: Totals, from: Totals): void {
  for (const key of Object.keys(into) as (keyof Totals)[]) into[key] += from[key];
}

export const averagesOf = (t: Totals): Averages =>
  t.scored ? { final: t.finalSum / t.scored, part1: t.part1Sum / t.scored, part2: t.part2Sum / t.scored, part3: t.part3Sum / t.scored } : { final: null, part1: null, part2: null, part3: null };

export const NO_DEPARTMENT = "未分配部门";

/**
 * One row per department of `departments` (tree order, as `flatten` gives), each with the totals
 * of its subtree; then, when `withUnassigned`, a row for learners without a department. Learners
 * in departments outside the list are not counted (a department head's scope).
 */
export function rollUp(departments: readonly DepartmentNode[], byDepartment: ReadonlyMap<string | null, Totals>, withUnassigned: boolean): ReportRow[] {
  const rows: ReportRow[] = departments.map((node) => {
    const totals = emptyTotals();
    for (const other of departments) {
      if (!inSubtree(other.path, node.path)) continue;
      const own = byDepartment.get(other.id);
      if (own) addTotals(totals, own);
    }
    return { ...totals, id: node.id, name: node.name, names: node.names, depth: node.depth, parentId: node.parentId, hasChildren: node.children.length > 0, averages: averagesOf(totals) };
  });
  const minDepth = Math.min(...rows.map((r) => r.depth));
  for (const row of rows) row.depth -= minDepth; // a department head's subtree starts at 0
  if (withUnassigned) {
    const totals = byDepartment.get(null) ?? emptyTotals();
    if (totals.learners) rows.push({ ...totals, id: null, name: NO_DEPARTMENT, names: [NO_DEPARTMENT], depth: 0, parentId: null, hasChildren: false, averages: averagesOf(totals) });
  }
  return rows;
}
