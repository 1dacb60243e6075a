import "server-only";
import { listAttempts, type AttemptRecord } from "@/lib/assessment/attempts";
import { nextStep, type NextStep } from "@/lib/assessment/next-step";
import { isStaff } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { getForAttempt } from "@/lib/certificates/queries";
import { loadAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { getCompletedLessonKeys } from "@/lib/progress/queries";
import { courseProgress, type CourseProgress } from "@/lib/progress/rules";

// Reads what the next step depends on (lib/assessment/next-step.ts decides it).

export type Journey = { step: NextStep; attempts: AttemptRecord[] };

/**
 * The learner's next step. `progress` when the caller has it already; `staffSkipsLessons`: the
 * 结业考核 page opens the assessment to trainers whatever their lessons (lib/assessment/access.ts),
 * the home page keeps them on the lessons until they are done, like everyone.
 */
export async function loadJourney(user: CurrentUser, options: { progress?: CourseProgress; staffSkipsLessons: boolean }): Promise<Journey> {
  const [progress, attempts] = await Promise.all([
    options.progress ?? getCompletedLessonKeys(user.id).then((done) => courseProgress(loadCourse(), done)),
    listAttempts(user.id),
  ]);
  const certifiedAttempt = attempts.findLast((a) => a.status === "released" && a.outcome === "certified");
  const certificate = certifiedAttempt ? await getForAttempt(user.id, certifiedAttempt.id) : null;
  const active = certificate && !certificate.revokedAt && certificate.printedName ? certificate : null;
  const step = nextStep({
    lessons: { done: progress.overall.done, total: progress.overall.total, nextTitle: progress.nextLesson?.title },
    unlocked: !progress.nextLesson || (options.staffSkipsLessons && isStaff(user.role)),
    attempts,
    config: loadAssessment().config,
    certificate: active ? { code: active.code, confirmed: active.nameConfirmedAt !== null || active.firstDownloadAt !== null } : null,
    now: Date.now(),
  });
  return { step, attempts };
}
