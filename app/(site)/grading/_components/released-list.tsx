import Link from "next/link";
import { OutcomeBadge } from "@/components/outcome-badge";
import { formatScore } from "@/lib/assessment/scoring";
import type { ReleasedItem } from "@/lib/grading/queries";
import styles from "../grading.module.css";

export const when = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—");

/** Released grades, newest first: who, when, score, status, released by. */
export function ReleasedList({ items }: { items: ReleasedItem[] }) {
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">学员</th>
          <th scope="col">发布时间</th>
          <th scope="col">总分</th>
          <th scope="col">结果</th>
          <th scope="col">发布人</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label="学员">
              <span>
                <Link href={`/grading/${item.id}`}>
                  {item.learnerName} · 第 {item.number} 次
                </Link>
                <span className={styles.email}>{item.learnerEmail}</span>
              </span>
            </td>
            <td data-label="发布时间" className={styles.when}>
              {when(item.releasedAt)}
            </td>
            <td data-label="总分" className={styles.score}>
              {item.finalScore === null ? "—" : formatScore(item.finalScore)}
            </td>
            <td data-label="结果">
              <span>
                <OutcomeBadge status="released" outcome={item.outcome} />
              </span>
            </td>
            <td data-label="发布人">{item.releasedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
