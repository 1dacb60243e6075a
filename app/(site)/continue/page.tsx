import { redirect } from "next/navigation";
import { lessonHref } from "@/lib/content/navigation";
import { loadLearnerCourse } from "@/lib/progress/learner";

/** 继续学习: the first unfinished lesson in reading order. */
export default async function ContinuePage() {
  const { progress } = await loadLearnerCourse("/continue");
  redirect(progress.nextLesson ? lessonHref(progress.nextLesson) : "/progress");
}
