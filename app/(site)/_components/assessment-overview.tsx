import type { CSSProperties } from "react";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import styles from "./public-course.module.css";

type Props = { config: AssessmentConfig; certificateTitle: string };

/** How the 结业考核 works, every figure from content/assessment/config.yaml. */
export function AssessmentOverview({ config, certificateTitle }: Props) {
  const part1Count = Object.values(config.part1Draw).reduce((a, b) => a + b, 0);
  const parts = [
    { name: "第一部分 理论知识测试", weight: config.weights.part1, what: `${part1Count} 道选择题，系统当场判分。` },
    { name: "第二部分 实操案例分析", weight: config.weights.part2, what: "读一家店铺的数据，诊断问题并提出优化方案，讲师按评分细则批阅。" },
    { name: "第三部分 运营方案设计", weight: config.weights.part3, what: "按指定品类与目标写一份完整的运营方案，讲师按评分细则批阅。" },
  ];
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">结业考核</h2>
      <ol className={styles.parts}>
        {parts.map((part) => (
          <li key={part.name} className="card">
            <h3>{part.name}</h3>
            <p className={styles.weight}>
              占总分 <strong>{part.weight}%</strong>
            </p>
            <p>{part.what}</p>
          </li>
        ))}
      </ol>
      <div className={`card stack ${styles.scoring}`}>
        <p>
          总分为三部分得分（百分制）按权重相加。<strong>{config.passScore} 分</strong>及以上为通过，
          <strong>{config.certificateScore} 分</strong>及以上获得<strong>{certificateTitle}</strong>。
        </p>
        <div className={styles.scale} style={scaleLines(config)} aria-hidden="true">
          <span className={styles.pass} style={{ left: `${config.passScore}%` }}>{config.passScore} 通过</span>
          <span className={styles.cert} style={{ left: `${config.certificateScore}%` }}>{config.certificateScore} 获证</span>
        </div>
        <p className="muted">
          学完全部模块后开放；限时 {config.timeLimitMinutes} 分钟，作答自动保存，共可参加 {config.attemptsAllowed} 次。
        </p>
      </div>
    </section>
  );
}

const scaleLines = (config: AssessmentConfig) =>
  ({ "--pass": `${config.passScore}%`, "--cert": `${config.certificateScore}%` }) as CSSProperties;
