import type { Metadata } from "next";
import Link from "next/link";
import { requireGrader } from "@/lib/auth/scope";
import { gradingQueue, releasedGrades, type DoubleState, type QueueItem } from "@/lib/grading/queries";
import { ReleaseButton, type HeldGrade } from "./_components/release-button";
import { ReleaseNotice } from "./_components/release-notice";
import { ReleasedList, when } from "./_components/released-list";
import styles from "./grading.module.css";

export const metadata: Metadata = { title: "批阅" };

const RELEASED_SHOWN = 50;

const held = (item: QueueItem): HeldGrade => ({
  attemptId: item.id,
  version: item.gradeVersion,
  learnerName: item.learnerName,
  number: item.number,
  finalScore: item.finalScore,
  outcome: item.outcome,
});

const DOUBLE_LABELS: Record<DoubleState, string> = {
  open: "双评 · 待评分",
  draft: "双评 · 你的草稿",
  "mine-done": "双评 · 你已评分，等待另一位批阅人",
  taken: "双评 · 两位批阅人已认领",
  moderation: "双评分歧 · 待仲裁",
  "moderation-mine": "双评分歧 · 等待第三位批阅人仲裁",
};

function Row({ item, children }: { item: QueueItem; children?: React.ReactNode }) {
  return (
    <li className={`card ${styles.row}`}>
      <span className={styles.who}>
        <Link href={`/grading/${item.id}`}>
          {item.learnerName} · 第 {item.number} 次
        </Link>
        <span className={styles.email}>{item.learnerEmail}</span>
      </span>
      <span className={styles.meta}>提交于 {when(item.submittedAt)}</span>
      {item.double ? <span className={styles.double}>{DOUBLE_LABELS[item.double]}</span> : null}
      {children}
    </li>
  );
}

export default async function GradingQueuePage() {
  const { user, scope } = await requireGrader("/grading");
  const [{ waiting, held: heldItems }, released] = await Promise.all([gradingQueue(scope, user.id), releasedGrades(RELEASED_SHOWN, scope)]);
  return (
    <ReleaseNotice>
      <section className="card stack">
        <h1>批阅结业考核</h1>
        <p>
          待批阅 <strong>{waiting.length}</strong> 份 · 已批阅待发布 <strong>{heldItems.length}</strong> 份 · 已发布{" "}
          <strong>{released.total}</strong> 份
        </p>
        <p className="muted">按提交时间先后排列。完成批阅的成绩须发布后学员才能看到。标有“双评”的答卷由两位批阅人各自独立评分（互不可见），分差过大时由第三位批阅人仲裁。</p>
      </section>
      <h2>待批阅（{waiting.length}）</h2>
      {waiting.length ? (
        <ol className={styles.queue}>{waiting.map((item) => <Row key={item.id} item={item} />)}</ol>
      ) : (
        <p className="muted">没有待批阅的答卷。</p>
      )}
      <h2>已批阅，待发布（{heldItems.length}）</h2>
      {heldItems.length ? (
        <>
          {heldItems.length > 1 ? (
            <p>
              <ReleaseButton grades={heldItems.map(held)} label={`发布全部 ${heldItems.length} 份成绩`} />
            </p>
          ) : null}
          <ol className={styles.queue}>
            {heldItems.map((item) => (
              <Row key={item.id} item={item}>
                <ReleaseButton grades={[held(item)]} label="发布" />
              </Row>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">没有待发布的成绩。</p>
      )}
      <h2>已发布（{released.total}）</h2>
      {released.items.length ? (
        <>
          {released.total > released.items.length ? <p className="muted">显示最近发布的 {released.items.length} 份。</p> : null}
          <ReleasedList items={released.items} />
        </>
      ) : (
        <p className="muted">还没有发布的成绩。</p>
      )}
    </ReleaseNotice>
  );
}
