import { learnerStatusLabel, type AttemptStatus, type Outcome } from "@/lib/assessment/schema";

/** The one tone per 结业考核 state, the same on every page (globals.css: .status-badge--*). */
export type StatusTone = "pass" | "cert" | "fail" | "pending" | "progress";

export function toneOf(status: AttemptStatus, outcome: Outcome | null): StatusTone {
  if (status === "in_progress") return "progress";
  if (status !== "released" || !outcome) return "pending";
  return outcome === "certified" ? "cert" : outcome === "passed" ? "pass" : "fail";
}

/** 通过 green, 通过并获证 gold, 未通过 red, 待批阅 neutral; the label is always written out. */
export function OutcomeBadge({ status, outcome, label }: { status: AttemptStatus; outcome: Outcome | null; label?: string }) {
  const tone = toneOf(status, outcome);
  return <span className={`status-badge status-badge--${tone}`}>{label ?? learnerStatusLabel(status, outcome)}</span>;
}
