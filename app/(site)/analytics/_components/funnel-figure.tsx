import { formatPercent, rate } from "@/lib/analytics/cohort";
import type { Funnel } from "@/lib/analytics/queries";
import { FunnelChart } from "./funnel-chart";
import styles from "../analytics.module.css";

/** Learners at each step: signed up, finished module 1 … 8, submitted the 结业考核. */
export function FunnelFigure({ funnel }: { funnel: Funnel }) {
  const steps = [
    { label: "注册学员", title: "注册的学员", learners: funnel.learners },
    ...funnel.modules.map((m) => ({ label: `模块${m.order}`, title: `学完模块 ${m.order} · ${m.title}`, learners: m.completed })),
    { label: "提交考核", title: "提交了结业考核", learners: funnel.submitted },
  ];
  const summary = `学习漏斗：${steps.map((s) => `${s.title} ${s.learners} 人`).join("，")}`;
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>学习漏斗（学完模块全部课程的学员数）</figcaption>
      <div role="img" aria-label={summary} className={styles.chart}>
        <FunnelChart steps={steps.map(({ label, learners }) => ({ label, learners }))} />
      </div>
      <details>
        <summary>数据表</summary>
        <table className="progress-table">
          <thead>
            <tr><th scope="col">步骤</th><th scope="col">学员数</th><th scope="col">占注册学员</th></tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.label}>
                <th scope="row">{s.title}</th>
                <td>{s.learners}</td>
                <td>{formatPercent(rate(s.learners, funnel.learners))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
