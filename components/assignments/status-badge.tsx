import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from "@/lib/assignments/status";

// One tone per 学习任务 status wherever it shows (globals.css .status-badge--*): overdue reads as
// a failure, completed as a pass.
const TONES: Record<AssignmentStatus, string> = { upcoming: "pending", not_started: "pending", in_progress: "progress", completed: "pass", overdue: "fail" };

export function AssignmentStatusBadge({ status, late = false }: { status: AssignmentStatus; late?: boolean }) {
  return (
    <span className={`status-badge status-badge--${TONES[status]}`} data-status={status}>
      {ASSIGNMENT_STATUS_LABELS[status]}
      {late ? "（逾期完成）" : ""}
    </span>
  );
}
