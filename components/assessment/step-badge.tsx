import { OutcomeBadge } from "@/components/outcome-badge";
import type { NextStep } from "@/lib/assessment/next-step";

/** The assessment's status in the step's colour (未开始 neutral, like 待批阅); nothing while learning. */
export function StepBadge({ step }: { step: NextStep }) {
  if (!step.status) return null;
  if (!step.attempt) return <span className="status-badge status-badge--pending">{step.status}</span>;
  return <OutcomeBadge status={step.attempt.status} outcome={step.attempt.outcome} label={step.status} />;
}
