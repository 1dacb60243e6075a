import { CBM_MARKS, CONFIDENCE_LEVELS, CONFIDENCE_LABELS } from "@/lib/quiz/confidence";
import styles from "./confidence.module.css";

/** How a confidence-marked quiz is scored, shown above its questions. */
export function ConfidenceRules() {
  return (
    <>
      <p>本测验使用信心标记：每题选好答案后，再选择「我有多确定？」。计分如下（另有按对错计的普通得分）：</p>
      <ul className={styles.rules}>
        {CONFIDENCE_LEVELS.map((level) => (
          <li key={level}>
            {CONFIDENCE_LABELS[level]}：答对 {CBM_MARKS[level].correct} 分，答错 {CBM_MARKS[level].wrong === 0 ? "0" : `扣 ${-CBM_MARKS[level].wrong}`} 分
          </li>
        ))}
      </ul>
      <p className="muted">没把握就选「低」，不会扣分；只有很确定（约八成以上把握）时选「高」才划算。</p>
    </>
  );
}
