"use client";

import { useActionState } from "react";
import { TableScroll } from "@/components/table-scroll";
import { RETENTION_DAYS } from "@/lib/retention/rules";
import { retryNowAction } from "@/lib/xapi/actions";
import type { XapiOutboxStatus } from "@/lib/xapi/queries";
import styles from "../../settings/_components/settings.module.css";
import { ActionStatus } from "@/components/action-status";

const time = (at: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" }).format(at);
const VERB_LABELS: Record<string, string> = { completed: "完成", attempted: "开始作答", scored: "获得成绩", passed: "通过", failed: "未通过", earned: "获得证书", voided: "撤销证书" };

/** The statement outbox: waiting, sent, failing (with the last error and the next try), and 立即重试. */
export function XapiOutbox({ status, configured }: { status: XapiOutboxStatus; configured: boolean }) {
  const [state, action, pending] = useActionState(retryNowAction, null);
  return (
    <section className="card stack" aria-labelledby="xapi-outbox-heading">
      <h2 id="xapi-outbox-heading">发送状态</h2>
      <ul className={styles.figures}>
        <li>待发送 <strong>{status.queued}</strong></li>
        <li>已发送 <strong>{status.sent}</strong>（保留 {RETENTION_DAYS} 天）</li>
        <li>发送失败、等待重试 <strong>{status.failing}</strong></li>
        <li>最近一次发送 <strong>{status.lastSentAt ? time(status.lastSentAt) : "—"}</strong></li>
      </ul>
      <p className="muted">
        记录按发生顺序发送，每批最多 50 条；失败后每隔 10 秒、20 秒、40 秒……（最长 1 小时）自动重试，永不放弃。
        同一学员的记录不会越过其前一条未送达的记录。
      </p>
      {status.failures.length ? (
        <TableScroll label="发送失败的记录">
          <table className={`progress-table ${styles.table}`}>
            <caption className="visually-hidden">发送失败的记录（最早的 20 条）</caption>
            <thead>
              <tr><th scope="col">序号</th><th scope="col">学员</th><th scope="col">动作</th><th scope="col">次数</th><th scope="col">错误</th><th scope="col">下次重试</th></tr>
            </thead>
            <tbody>
              {status.failures.map((row) => (
                <tr key={row.seq}>
                  <td>{row.seq}</td>
                  <td>{row.learner}</td>
                  <td>{VERB_LABELS[row.verb] ?? row.verb}</td>
                  <td>{row.attempts}</td>
                  <td className={styles.error}>{row.lastError}</td>
                  <td>{time(row.nextAttemptAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">没有发送失败的记录。</p>
      )}
      <form action={action} className={styles.actions}>
        <button className="button button--ghost" type="submit" disabled={pending || !configured || status.queued === 0}>{pending ? "发送中…" : "立即重试"}</button>
        <ActionStatus state={state} />
      </form>
    </section>
  );
}
