import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssessmentPlayer } from "@/components/assessment/assessment-player";
import { LessonBody } from "@/components/mdx/lesson-body";
import { publicPaper } from "@/lib/assessment/public-paper";
import { listAttempts, loadAttempt } from "@/lib/assessment/attempts";
import { attemptTokens, encodeAnswers, part1Review } from "@/lib/assessment/rules";
import { requireUser } from "@/lib/auth/guards";
import { getForAttempt } from "@/lib/certificates/queries";
import { publicOrigin } from "@/lib/certificates/origin";
import { loadAssessment } from "@/lib/content/banks";
import { compileLesson } from "@/lib/content/compile";
import { AttemptResult } from "./_components/attempt-result";

export const metadata: Metadata = { title: "结业考核" };

type Props = { params: Promise<{ attemptId: string }> };

export default async function AttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const user = await requireUser(`/assessment/attempts/${attemptId}`);
  const attempt = await loadAttempt(user.id, attemptId);
  if (!attempt) notFound();
  if (attempt.status !== "in_progress") {
    const { config } = loadAssessment();
    const [certificate, attempts] = await Promise.all([
      attempt.status === "released" ? getForAttempt(user.id, attempt.id) : null,
      listAttempts(user.id),
    ]);
    const review = part1Review(config.review.part1, attempt, {
      used: attempts.length,
      allowed: config.attemptsAllowed,
      open: attempts.some((a) => a.status === "in_progress"),
    });
    return <AttemptResult attempt={attempt} config={config} review={review} certificate={certificate} origin={publicOrigin()} />;
  }

  // Only the public projection of the paper crosses to the browser: no keys, no rubric, and
  // options named by this attempt's tokens.
  const tokens = attemptTokens(attempt);
  const paper = publicPaper(attempt.paper, tokens);
  const { code } = await compileLesson(paper.case.data, `assessment case ${attempt.paper.case.study.id}`);
  return (
    <>
      <h1>结业考核 · 第 {attempt.number} 次</h1>
      <AssessmentPlayer
        attemptId={attempt.id}
        paper={paper}
        caseData={<LessonBody code={code} />}
        serverAnswers={encodeAnswers(attempt.paper, tokens, attempt.answers)}
        deadline={attempt.deadlineAt.toISOString()}
        renderedAt={Date.now()}
        integrityLog={loadAssessment().config.integrityLog}
      />
    </>
  );
}
