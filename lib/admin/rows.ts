import { LEARNER_STATES, type LearnerState } from "@/lib/admin/schema";
import type { LearnerTasks } from "@/lib/assignments/summary";
import { tally, type Tally } from "@/lib/progress/rules";

// Raw SQL rows differ by database: SQLite returns computed timestamps as ISO text and counts as
// BigInt; PostgreSQL returns Date and BigInt (or numeric strings). Everything becomes app types here.

export type RawLearnerRow = {
  id: string;
  name: string;
  email: string;
  department_id?: string | null;
  done: unknown;
  attempts: unknown;
  exam_number: unknown;
  part1: unknown;
  part2: unknown;
  part3: unknown;
  final: unknown;
  submitted_at: unknown;
  last_at: unknown;
  state: unknown;
  total?: unknown;
};

export type LatestAttempt = {
  number: number;
  part1: number | null;
  part2: number | null;
  part3: number | null;
  final: number | null;
  submittedAt: Date | null;
};

export type LearnerRow = {
  id: string;
  name: string;
  email: string;
  progress: Tally;
  lastActivityAt: Date | null;
  attempts: number;
  /** The latest submitted (closed) attempt. */
  latest: LatestAttempt | null;
  state: LearnerState;
  /** Best module-quiz score (0–100) per module slug; absent = never taken. */
  quizBest: Record<string, number>;
  departmentId: string | null;
  /** "京东商城 / 华北大区 / 北京一组", filled in with the 学习任务 by lib/admin/organisation.ts. */
  department: string | null;
  /** The learner's 学习任务 (of the filtered assignment, when one is chosen); null: none assigned. */
  tasks: LearnerTasks | null;
};

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : typeof value === "string" || typeof value === "number" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

export function toState(value: unknown): LearnerState {
  return (LEARNER_STATES as readonly unknown[]).includes(value) ? (value as LearnerState) : "pending";
}

export function toLearnerRow(row: RawLearnerRow, totalLessons: number): LearnerRow {
  const number = toNumber(row.exam_number);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    progress: tally(toNumber(row.done) ?? 0, totalLessons),
    lastActivityAt: toDate(row.last_at),
    attempts: toNumber(row.attempts) ?? 0,
    latest:
      number === null
        ? null
        : {
            number,
            part1: toNumber(row.part1),
            part2: toNumber(row.part2),
            part3: toNumber(row.part3),
            final: toNumber(row.final),
            submittedAt: toDate(row.submitted_at),
          },
    state: toState(row.state),
    quizBest: {},
    departmentId: row.department_id ?? null,
    department: null,
    tasks: null,
  };
}

/** Counts over the learners the dashboard's filters match (see summarySql). */
export type DashboardSummary = {
  learners: number;
  /** Learners who completed every lesson of the course. */
  completed: number;
  /** Learners with at least one submitted 结业考核 attempt. */
  submitted: number;
  /** Learners whose latest submitted attempt is released, and of them those passed (certified included) and certified. */
  released: number;
  passed: number;
  certified: number;
  /** Attempts waiting for a grader, the learners they belong to, and attempts graded but not yet released. */
  waiting: number;
  waitingLearners: number;
  held: number;
};

const SUMMARY_KEYS = {
  learners: "learners",
  completed: "completed",
  submitted: "submitted",
  released: "released",
  passed: "passed",
  certified: "certified",
  waiting: "waiting",
  waitingLearners: "waiting_learners",
  held: "held",
} as const satisfies Record<keyof DashboardSummary, string>;

/** An aggregate row (SUM over no rows is NULL) → counts. */
export function toSummary(row: Record<string, unknown> | undefined): DashboardSummary {
  const entries = Object.entries(SUMMARY_KEYS).map(([key, column]) => [key, toNumber(row?.[column]) ?? 0]);
  return Object.fromEntries(entries) as DashboardSummary;
}
