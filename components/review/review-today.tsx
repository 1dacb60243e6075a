import Link from "next/link";
import { reviewSummary } from "@/lib/review/queries";

/** 今日复习 N 题 on the learner's home: only when something is due today or a streak is running. */
export async function ReviewToday({ userId }: { userId: string }) {
  const { due, streak } = await reviewSummary(userId);
  if (due === 0 && streak === 0) return null;
  return (
    <section className="card stack" aria-labelledby="review-today">
      <h2 id="review-today" style={{ margin: 0 }}>今日复习 {due} 题</h2>
      <p className="muted" style={{ margin: 0 }}>
        {streak > 0 ? `已连续复习 ${streak} 天。` : ""}
        {due > 0 ? "错题按遗忘规律安排复习，几分钟就能做完。" : "今天的复习已完成，明天继续。"}
      </p>
      <p style={{ margin: 0 }}>
        {due > 0 ? <Link className="button" href="/review">开始复习</Link> : null} <Link href="/review/book">查看错题本</Link>
      </p>
    </section>
  );
}
