import "server-only";
import { requireUser } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { getCompletedLessonKeys } from "@/lib/progress/queries";
import { courseProgress } from "@/lib/progress/rules";

/** What every course page needs: the signed-in learner, the course and their progress. */
export async function loadLearnerCourse(returnTo: string) {
  const user = await requireUser(returnTo);
  const course = loadCourse();
  const completed = await getCompletedLessonKeys(user.id);
  return { user, course, completed, progress: courseProgress(course, completed) };
}
