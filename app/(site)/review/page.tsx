import type { Metadata } from "next";
import Link from "next/link";
import { beijingDay } from "@/lib/assignments/status";
import { requireUser } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { reviewQuestion } from "@/lib/review/questions";
import { reviewSummary, todaysCards } from "@/lib/review/queries";
import { suggestedRating } from "@/lib/review/schedule";
import { newShowing, showingOf, showingTokens } from "@/lib/review/showing";
import { ReviewSession } from "./_components/review-session";
import styles from "./review.module.css";

export const metadata: Metadata = { title: "今日复习" };

// The daily review: one card at a time. Before an answer the page carries only the public
// projection of the question under a new showing's tokens; an answer waiting for its rating
// (the learner left before rating) is shown with its key again, since it was answered.
export default async function ReviewPage() {
  const user = await requireUser("/review");
  const now = new Date();
  const course = loadCourse();
  const [cards, summary] = await Promise.all([todaysCards(user.id, now), reviewSummary(user.id, now)]);
  const current = cards.map((card) => ({ card, question: reviewQuestion(card.questionKey, course) })).find((c) => c.question);

  let session = null;
  if (current?.question) {
    const { card, question } = current;
    if (card.answeredShowing && card.answeredCorrect !== null) {
      const tokens = showingTokens(user.id, card.id, card.answeredShowing, question);
      const revealed = {
        correct: card.answeredCorrect,
        key: tokens.encode(question.id, question.answer),
        explanation: question.explanation,
        lessonHref: question.lessonHref,
        lessonTitle: question.lessonTitle,
        suggested: suggestedRating(card.answeredCorrect),
      };
      const shown = showingOf(user.id, card.id, card.answeredShowing, question);
      session = <ReviewSession key={card.answeredShowing} cardId={card.id} showingId={card.answeredShowing} question={shown} number={1} revealed={revealed} />;
    } else {
      const showing = newShowing(user.id, card.id, question);
      session = <ReviewSession key={showing.showingId} cardId={card.id} showingId={showing.showingId} question={showing.question} number={1} revealed={null} />;
    }
  }

  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / <Link href="/review/book">错题本</Link>
      </nav>
      <section className="card stack">
        <h1 className={styles.tight}>今日复习</h1>
        <dl className={styles.figures}>
          <div><dt>今天还要复习</dt><dd>{summary.due} 题</dd></div>
          <div><dt>连续复习</dt><dd>{summary.streak} 天</dd></div>
        </dl>
        {current ? (
          <p className="muted">
            {current.question!.source === "part1" ? "结业考核·理论知识测试" : "模块测验"} · {current.question!.moduleTitle}。先作答，提交后看答案和解析，再按记忆程度评分。
          </p>
        ) : null}
      </section>
      {session ?? (
        <section className="card stack" aria-labelledby="done-heading">
          <h2 id="done-heading" className={styles.tight}>{summary.finishedToday ? "今天的复习完成了" : "今天没有要复习的题目"}</h2>
          <p className="muted">错题会按遗忘规律（FSRS）安排到之后的日子再复习；记牢的题目会移出错题本。今天是 {beijingDay(now)}（北京时间）。</p>
          <p><Link className="button button--ghost" href="/review/book">查看错题本</Link></p>
        </section>
      )}
    </>
  );
}
