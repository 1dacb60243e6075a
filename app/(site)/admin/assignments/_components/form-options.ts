import "server-only";
import { loadCourse } from "@/lib/content/load";
import { departmentList } from "@/lib/departments/queries";
import { beijingDay } from "@/lib/assignments/status";
import type { AssignmentFormValues } from "./assignment-form";

/** The form's choices: the course's modules and the open departments in tree order. */
export async function formOptions() {
  const modules = loadCourse().modules.map((m) => ({ value: m.slug, label: `模块 ${m.order} · ${m.title}` }));
  const departments = (await departmentList()).map((d) => ({ value: d.id, label: d.name, depth: d.depth }));
  return { modules, departments };
}

/** A new assignment: the whole course, from today for two weeks (Beijing days). */
export function newAssignmentValues(now = new Date()): AssignmentFormValues {
  const twoWeeks = new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000);
  return { title: "", scope: "course", moduleSlugs: [], startDate: beijingDay(now), dueDate: beijingDay(twoWeeks), departmentIds: [], people: [] };
}
