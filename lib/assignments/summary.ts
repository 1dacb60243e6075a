import type { AssignmentState, AssignmentStatus } from "@/lib/assignments/status";

// One learner's 学习任务 as one status, for the dashboard column, its filter and the reports
// (decision 033). A learner with several assignments shows the most urgent: overdue first,
// then in progress, not started, not yet open, and completed only when every one is completed.

/** The statuses the dashboard filter and the report count, most urgent first. */
export const LEARNER_TASK_ORDER: readonly AssignmentStatus[] = ["overdue", "in_progress", "not_started", "upcoming", "completed"];

export type LearnerTasks = { status: AssignmentStatus; assigned: number; overdue: number; completed: number; started: boolean };

/** A pair counts as started when anything asked was done or the 结业考核 was opened. */
export const isStarted = (state: AssignmentState): boolean => state.done > 0 || state.status === "in_progress" || state.status === "completed";

/** The summary of one learner's assignment states; null when nothing is assigned to them. */
export function learnerTasks(states: readonly AssignmentState[]): LearnerTasks | null {
  if (!states.length) return null;
  const rank = (status: AssignmentStatus) => LEARNER_TASK_ORDER.indexOf(status);
  const status = states.reduce<AssignmentStatus>((worst, s) => (rank(s.status) < rank(worst) ? s.status : worst), "completed");
  return {
    status,
    assigned: states.length,
    overdue: states.filter((s) => s.status === "overdue").length,
    completed: states.filter((s) => s.status === "completed").length,
    started: states.some(isStarted),
  };
}

/** Groups (learner, assignment) pairs by learner and summarises each. */
export function tasksByLearner(pairs: readonly { userId: string; state: AssignmentState }[]): Map<string, LearnerTasks> {
  const grouped = new Map<string, AssignmentState[]>();
  for (const pair of pairs) {
    const list = grouped.get(pair.userId);
    if (list) list.push(pair.state);
    else grouped.set(pair.userId, [pair.state]);
  }
  const out = new Map<string, LearnerTasks>();
  for (const [userId, states] of grouped) out.set(userId, learnerTasks(states)!);
  return out;
}
