import {
  describeEvent,
  formatEventTime,
  MAX_EVENTS_PER_ATTEMPT,
  pasteTargets,
  summarizeIntegrity,
  summaryLine,
  type IntegrityLogEntry,
} from "@/lib/assessment/integrity";
import type { Paper } from "@/lib/assessment/paper";
import styles from "./integrity-log.module.css";

/**
 * The integrity log (切屏记录) of one attempt for graders and admins: a summary line and every
 * event in Beijing time. Deliberately neutral: leaving a page has ordinary reasons, and the log
 * never decides a grade.
 */
export function IntegrityLog({ entries, paper }: { entries: readonly IntegrityLogEntry[]; paper: Pick<Paper, "case"> }) {
  if (entries.length === 0) return <p className="muted">未记录到离开页面或粘贴。</p>;
  const targets = pasteTargets(paper);
  return (
    <div className={styles.log}>
      <p>
        {summaryLine(summarizeIntegrity(entries))}
        {entries.length >= MAX_EVENTS_PER_ATTEMPT ? `（已达 ${MAX_EVENTS_PER_ATTEMPT} 条记录上限，之后的未保存）` : ""}
      </p>
      <details>
        <summary>逐条记录（{entries.length} 条，北京时间）</summary>
        <ol className={styles.list}>
          {entries.map((entry, i) => (
            <li key={i}>
              <time className={styles.time} dateTime={entry.at.toISOString()}>{formatEventTime(entry.at)}</time>
              {describeEvent(entry, targets)}
            </li>
          ))}
        </ol>
      </details>
      <p className="muted">离开页面可能有正常原因（查看消息、系统弹窗等）。此记录仅供批阅参考，不会自动影响成绩。</p>
    </div>
  );
}
