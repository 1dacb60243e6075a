import { isStaff } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/load";
import { getCompletedLessonKeys } from "@/lib/progress/queries";
import { courseProgress } from "@/lib/progress/rules";

/** The 结业考核 opens when all 8 modules are complete; trainers and admins may always open it. */
export async function assessmentUnlocked(user: CurrentUser): Promise<boolean> {
  if (isStaff(user.role)) return true;
  return !courseProgress(loadCourse(), await getCompletedLessonKeys(user.id)).nextLesson;
}
