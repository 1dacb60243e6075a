import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/guards";
import { gradingQueue, type QueueItem } from "@/lib/grading/queries";
import { ReleaseButton } from "./_components/release-button";

export const metadata: Metadata = { title: "批阅" };

const when = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—");

function Row({ item, children }: { item: QueueItem; children?: React.ReactNode }) {
  return (
    <li className="card lesson-row">
      <span className="lesson-row__title">
        <Link href={`/grading/${item.id}`}>
          {item.learnerName}（{item.learnerEmail}）· 第 {item.number} 次
        </Link>
      </span>
      <span className="lesson-row__minutes">提交于 {when(item.submittedAt)}</span>
      {children}
    </li>
  );
}

export default async function GradingQueuePage() {
  await requireStaff("/grading");
  const { waiting, held } = await gradingQueue();
  return (
    <>
      <section className="card stack">
        <h1>批阅结业考核</h1>
        <p>
          待批阅 <strong>{waiting.length}</strong> 份 · 已批阅待发布 <strong>{held.length}</strong> 份
        </p>
        <p className="muted">按提交时间先后排列。完成批阅的成绩须发布后学员才能看到。</p>
      </section>
      <h2>待批阅（{waiting.length}）</h2>
      {waiting.length ? (
        <ol className="lesson-list">{waiting.map((item) => <Row key={item.id} item={item} />)}</ol>
      ) : (
        <p className="muted">没有待批阅的答卷。</p>
      )}
      <h2>已批阅，待发布（{held.length}）</h2>
      {held.length ? (
        <>
          <p><ReleaseButton target={{ all: true }} label={`发布全部 ${held.length} 份成绩`} /></p>
          <ol className="lesson-list">
            {held.map((item) => (
              <Row key={item.id} item={item}>
                <ReleaseButton target={{ attemptId: item.id }} label="发布" />
              </Row>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">没有待发布的成绩。</p>
      )}
    </>
  );
}
