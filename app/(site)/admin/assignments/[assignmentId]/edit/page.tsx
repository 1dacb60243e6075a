import { assignmentIdSchema } from "@/lib/assignments/schema";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { assignmentDefinition } from "@/lib/assignments/queries";
import { beijingDay } from "@/lib/assignments/status";
import { AssignmentForm } from "../../_components/assignment-form";
import { formOptions } from "../../_components/form-options";

export const metadata: Metadata = { title: "修改学习任务" };

type Props = { params: Promise<{ assignmentId: string }> };

export default async function EditAssignmentPage({ params }: Props) {
  const { assignmentId } = await params;
  await requireAdmin(`/admin/assignments/${encodeURIComponent(assignmentId)}/edit`);
  const a = assignmentIdSchema.safeParse(assignmentId).success ? await assignmentDefinition(assignmentId) : null;
  if (!a) notFound();
  const { modules, departments } = await formOptions();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/assignments">学习任务</Link> / <Link href={`/admin/assignments/${a.id}`}>{a.title}</Link> / 修改
      </p>
      <h1>修改学习任务</h1>
      {a.archivedAt ? (
        <p className="form__error">该学习任务已归档，恢复后才能修改。</p>
      ) : (
        <AssignmentForm
          values={{
            id: a.id, title: a.title, scope: a.scope, moduleSlugs: a.moduleSlugs,
            startDate: beijingDay(a.startsAt), dueDate: beijingDay(a.dueAt),
            departmentIds: a.targets.departments.map((d) => d.id), people: a.targets.people,
          }}
          modules={modules}
          departments={departments}
        />
      )}
    </>
  );
}
