import type { AssignmentTargetView } from "@/lib/assignments/queries";

/** "部门：华北大区、华东大区；学员：张三" */
export function TargetsText({ targets }: { targets: AssignmentTargetView }) {
  const parts = [
    targets.departments.length ? `部门：${targets.departments.map((d) => d.name).join("、")}` : null,
    targets.people.length ? `学员：${targets.people.map((p) => p.name).join("、")}` : null,
  ].filter(Boolean);
  return <>{parts.join("；") || "—"}</>;
}
