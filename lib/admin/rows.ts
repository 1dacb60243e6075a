import { LEARNER_STATES, type LearnerState } from "@/lib/admin/schema";
import { tally, type Tally } from "@/lib/progress/rules";

// Raw SQL rows differ by database: SQLite returns computed timestamps as ISO text and counts as
// BigInt; PostgreSQL returns Date and BigInt (or numeric strings). Everything becomes app types here.

export type RawLearnerRow = {
  id: string;
  name: string;
  email: string;
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
  };
}
