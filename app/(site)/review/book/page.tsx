import type { Metadata } from "next";
import Link from "next/link";
import { beijingDay } from "@/lib/assignments/status";
import { requireUser } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { reviewQuestion, WRAP_UP } from "@/lib/review/questions";
import { bookCards, reviewSummary } from "@/lib/review/queries";
import { endOfReviewDay } from "@/lib/review/schedule";
import styles from "../review.module.css";

export const metadata: Metadata = { title: "错题本" };

const ORIGIN_LABELS: Record<string, string> = { quiz_wrong: "模块测验答错", part1_wrong: "结业考核答错", added: "自己加入" };

/** The learner's 错题本: the questions still in it, by module in course order, each with its lesson and next review day. */
export default async function BookPage() {
  const user = await requireUser("/review/book");
  const now = new Date();
  const course = loadCourse();
  const [cards, summary] = await Promise.all([bookCards(user.id), reviewSummary(user.id, now)]);
  const open = cards.filter((c) => !c.retiredAt).flatMap((card) => {
    const question = reviewQuestion(card.questionKey, course);
    return question ? [{ card, question }] : [];
  });
  const retained = cards.filter((c) => c.retiredAt).length;
  const today = endOfReviewDay(now);
  const groups = [...course.modules.map((m) => ({ slug: m.slug, title: m.title })), { slug: WRAP_UP, title: "课程结业" }]
    .map((mod) => ({ ...mod, items: open.filter((o) => o.question.moduleSlug === mod.slug) }))
    .filter((g) => g.items.length);

  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / 错题本
      </nav>
      <section className="card stack">
        <h1 className={styles.tight}>错题本</h1>
        <p className="muted">
          模块测验和结业考核（理论知识测试，可查看答案后）答错的题目会自动收进来，也可以在测验结果里「加入错题本」。每道题按遗忘规律安排复习，记牢后（记忆稳定度超过 30 天）移出错题本。
        </p>
        <dl className={styles.figures}>
          <div><dt>错题本中</dt><dd>{open.length} 题</dd></div>
          <div><dt>今天要复习</dt><dd>{summary.due} 题</dd></div>
          <div><dt>已掌握移出</dt><dd>{retained} 题</dd></div>
        </dl>
        {summary.due > 0 ? <p><Link className="button" href="/review">开始今日复习（{summary.due} 题）</Link></p> : null}
      </section>
      {groups.length ? (
        groups.map((group) => (
          <section key={group.slug} className="card stack" aria-labelledby={`book-${group.slug}`}>
            <h2 id={`book-${group.slug}`} className={styles.tight}>{group.title}（{group.items.length} 题）</h2>
            <ul className={styles.book}>
              {group.items.map(({ card, question }) => (
                <li key={card.id}>
                  <p className={styles.prompt}>{question.prompt}</p>
                  <p className={`${styles.meta} muted`}>
                    <span>{ORIGIN_LABELS[card.origin] ?? ""}</span>
                    <span>{card.due < today ? "今天复习" : `下次复习 ${beijingDay(card.due)}`}</span>
                    <Link href={question.lessonHref}>课程：{question.lessonTitle}</Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p className="card muted">错题本还是空的。做完模块测验后，答错的题目会出现在这里。</p>
      )}
    </>
  );
}
