"use client";

import { useActionState } from "react";
import { TableScroll } from "@/components/table-scroll";
import { retryFailedAction } from "@/lib/outbox/actions";
import type { OutboxStatus } from "@/lib/outbox/queries";
import styles from "./settings.module.css";
import { ActionStatus } from "@/components/action-status";

const CHANNEL_LABELS: Record<string, string> = { email: "邮件", webhook: "群机器人" };
const STATUS_LABELS: Record<string, string> = { pending: "等待重试", failed: "已放弃" };
const time = (at: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(at);

/** The outbox: what waits, what failed and why, and 重新发送 for the failed. */
export function OutboxPanel({ status }: { status: OutboxStatus }) {
  const [state, action, pending] = useActionState(retryFailedAction, null);
  return (
    <section className="card stack" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">消息发送状态</h2>
      <ul className={styles.figures}>
        <li>待发送 <strong>{status.pending}</strong></li>
        <li>发送失败 <strong>{status.failed}</strong></li>
      </ul>
      <p className="muted">失败的消息每隔 1、2、4……分钟（最长 1 小时）自动重试，连续失败 10 次后放弃。</p>
      {status.recentErrors.length ? (
        <TableScroll label="最近的发送错误">
          <table className={`progress-table ${styles.table}`}>
            <thead>
              <tr><th scope="col">渠道</th><th scope="col">收件方</th><th scope="col">状态</th><th scope="col">次数</th><th scope="col">错误</th><th scope="col">下次重试</th></tr>
            </thead>
            <tbody>
              {status.recentErrors.map((row) => (
                <tr key={row.id}>
                  <td>{CHANNEL_LABELS[row.channel] ?? row.channel}</td>
                  <td>{row.channel === "email" ? row.recipient : (row.subject ?? "部门群")}</td>
                  <td>{STATUS_LABELS[row.status] ?? row.status}</td>
                  <td>{row.attempts}</td>
                  <td className={styles.error}>{row.lastError}</td>
                  <td>{row.status === "pending" ? time(row.nextAttemptAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">最近没有发送错误。</p>
      )}
      <form action={action} className={styles.actions}>
        <button className="button button--ghost" type="submit" disabled={pending || status.failed === 0}>{pending ? "处理中…" : "重新发送失败的消息"}</button>
        <ActionStatus state={state} />
      </form>
    </section>
  );
}
