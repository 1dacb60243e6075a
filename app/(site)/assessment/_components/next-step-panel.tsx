import Link from "next/link";
import { StepBadge } from "@/components/assessment/step-badge";
import type { NextStep } from "@/lib/assessment/next-step";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { StartDialog } from "./start-dialog";
import styles from "./next-step-panel.module.css";

type Props = { step: NextStep; config: Pick<AssessmentConfig, "attemptsAllowed" | "timeLimitMinutes"> };

/** Where the learner stands and the one thing to do next, first on the 结业考核 page. */
export function NextStepPanel({ step, config }: Props) {
  const start = (label: string, ghost = false) => <StartDialog label={label} attemptsLeft={step.attemptsLeft} timeLimitMinutes={config.timeLimitMinutes} ghost={ghost} />;
  const resultHref = step.attempt ? `/assessment/attempts/${step.attempt.id}` : null;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="assessment-h" data-state={step.state}>
      <div className={styles.head}>
        <h1 id="assessment-h">结业考核</h1>
        <StepBadge step={step} />
      </div>
      <p className={styles.detail}>{step.detail}</p>
      <div className={styles.actions}>
        {step.state === "ready" ? start("开始考核") : null}
        {step.state === "retry" ? start("再考一次") : null}
        {step.state !== "ready" && step.state !== "retry" ? (
          <Link className="button" href={step.href}>
            {step.label}
          </Link>
        ) : null}
        {step.state === "passed" && step.canStart ? start("再考一次，争取证书", true) : null}
        {step.state === "certified" && resultHref && step.href !== resultHref ? (
          <Link className="button button--ghost" href={resultHref}>
            查看成绩
          </Link>
        ) : null}
        {step.state === "learning" ? (
          <Link className="button button--ghost" href="/progress">
            查看学习进度
          </Link>
        ) : null}
      </div>
      {step.state !== "learning" ? (
        <p className="muted">
          剩余考核次数：{step.attemptsLeft} / {config.attemptsAllowed}
        </p>
      ) : null}
    </section>
  );
}
