import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalibrationChart } from "@/components/quiz/calibration-chart";
import { ConfidenceMark, ConfidenceScore } from "@/components/quiz/confidence-result";
import { ReviewItem } from "@/components/quiz/review-item";
import { requireUser } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { findModule, moduleHref } from "@/lib/content/navigation";
import { getCalibration, getQuizAttempt } from "@/lib/quiz/queries";
import { formatPercent } from "@/lib/assessment/scoring";
import { AddToBook } from "@/components/review/add-to-book";
import { quizQuestionKey } from "@/lib/review/questions";
import { bookKeys } from "@/lib/review/queries";

type Props = { params: Promise<{ moduleSlug: string; attemptId: string }> };

export const metadata: Metadata = { title: "测验结果" };

export default async function QuizResultPage({ params }: Props) {
  const { moduleSlug, attemptId } = await params;
  const user = await requireUser(`/modules/${moduleSlug}/quiz/${attemptId}`);
  const mod = findModule(loadCourse(), moduleSlug);
  const attempt = await getQuizAttempt(user.id, attemptId);
  if (!mod || !attempt || attempt.moduleSlug !== mod.slug) notFound();
  const marked = attempt.confidencePoints !== null;
  const [inBook, levels] = await Promise.all([
    bookKeys(user.id, attempt.review.map((item) => quizQuestionKey(mod.slug, item.id))),
    marked ? getCalibration(user.id) : null,
  ]);
  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / <Link href={moduleHref(mod)}>{mod.title}</Link>
      </nav>
      <section className="card stack">
        <h1>测验结果：{mod.title}</h1>
        <p className="quiz-score">
          得分 <strong>{formatPercent(attempt.score)}</strong> 分（答对 {attempt.correct}/{attempt.total} 题）
        </p>
        {marked ? <ConfidenceScore points={attempt.confidencePoints!} questions={attempt.total} /> : null}
        <p>
          <Link className="button" href={`/modules/${mod.slug}/quiz`}>
            再测一次
          </Link>{" "}
          <Link className="button button--ghost" href={moduleHref(mod)}>
            返回模块
          </Link>{" "}
          <Link className="button button--ghost" href="/review/book">
            错题本
          </Link>
        </p>
      </section>
      {levels ? (
        <section className="card stack" aria-labelledby="calibration">
          <h2 id="calibration">信心校准</h2>
          <CalibrationChart levels={levels} />
        </section>
      ) : null}
      <h2>逐题解析</h2>
      <ol className="stack review-list">
        {attempt.review.map((item, i) => (
          <ReviewItem key={item.id} number={i + 1} question={item} chosen={item.chosen}>
            <ConfidenceMark confidence={item.confidence} correct={item.correct} answered={item.chosen.length > 0} />
            <p>
              <Link href={`/modules/${mod.slug}/${item.lesson}`}>回到课程复习 →</Link>
            </p>
            <AddToBook attemptId={attempt.id} questionId={item.id} inBook={inBook.has(quizQuestionKey(mod.slug, item.id))} />
          </ReviewItem>
        ))}
      </ol>
    </>
  );
}
