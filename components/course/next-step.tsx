import Link from "next/link";
import { StepBadge } from "@/components/assessment/step-badge";
import { loadJourney } from "@/lib/assessment/journey";
import type { CurrentUser } from "@/lib/auth/session";
import type { CourseProgress } from "@/lib/progress/rules";
import styles from "./next-step.module.css";

/**
 * The home page's one next step: the next lesson while there are lessons left, then the
 * 结业考核's status and what to do about it (start, continue, wait, see the result, download).
 */
export async function NextStep({ user, progress }: { user: CurrentUser; progress: CourseProgress }) {
  const { step } = await loadJourney(user, { progress, staffSkipsLessons: false });
  if (step.state === "learning") {
    return (
      <div className={styles.actions}>
        <Link className="button" href={step.href}>
          {step.label}
        </Link>
        {progress.nextLesson ? <span className="muted">下一课：{progress.nextLesson.title}</span> : null}
      </div>
    );
  }
  return (
    <section className={styles.step} aria-labelledby="next-step-h" data-state={step.state}>
      <p className={styles.done}>你已学完全部课程。</p>
      <div className={styles.head}>
        <h2 id="next-step-h" className={styles.title}>
          结业考核
        </h2>
        <StepBadge step={step} />
      </div>
      <p className={styles.detail}>{step.detail}</p>
      <div className={styles.actions}>
        <Link className="button" href={step.href}>
          {step.label}
        </Link>
        {step.href !== "/assessment" ? (
          <Link className="button button--ghost" href="/assessment">
            结业考核详情
          </Link>
        ) : null}
      </div>
    </section>
  );
}
