import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { AssignmentForm } from "../_components/assignment-form";
import { formOptions, newAssignmentValues } from "../_components/form-options";

export const metadata: Metadata = { title: "新建学习任务" };

export default async function NewAssignmentPage() {
  await requireAdmin("/admin/assignments/new");
  const { modules, departments } = await formOptions();
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / <Link href="/admin/assignments">学习任务</Link> / 新建</p>
      <h1>新建学习任务</h1>
      <AssignmentForm values={newAssignmentValues()} modules={modules} departments={departments} />
    </>
  );
}
