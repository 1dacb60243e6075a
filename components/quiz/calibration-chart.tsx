import { CALIBRATION_BANDS, type CalibrationLevel } from "@/lib/quiz/confidence";
import styles from "./confidence.module.css";

// Server-rendered SVG (no chart script reaches the phone, decision 002): one bar per confidence
// level at the learner's accuracy, over the band in which that level earns the most (decision 039).

const W = 360;
const H = 230;
const PLOT = { left: 44, right: 12, top: 24, bottom: 48 };
const plotH = H - PLOT.top - PLOT.bottom;
const colW = (W - PLOT.left - PLOT.right) / 3;
const y = (share: number) => PLOT.top + plotH * (1 - share);
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function calibrationSummary(levels: readonly CalibrationLevel[]): string {
  return levels
    .map((l) => `${l.label}：${l.answers} 题${l.accuracy === null ? "" : `，答对 ${l.correct} 题（${pct(l.accuracy)}）`}，合适范围 ${pct(CALIBRATION_BANDS[l.confidence].from)}–${pct(CALIBRATION_BANDS[l.confidence].to)}`)
    .join("；");
}

export function CalibrationChart({ levels }: { levels: readonly CalibrationLevel[] }) {
  const answered = levels.reduce((sum, l) => sum + l.answers, 0);
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>信心校准：各信心程度的答对率（全部信心标记测验）</figcaption>
      {answered === 0 ? (
        <p className="muted">还没有信心标记的作答。</p>
      ) : (
        <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`信心校准图。${calibrationSummary(levels)}`}>
          {[0, 0.5, 1].map((t) => (
            <g key={t}>
              <line x1={PLOT.left} x2={W - PLOT.right} y1={y(t)} y2={y(t)} stroke="#e3e6ea" />
              <text x={PLOT.left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#4b5563">{pct(t)}</text>
            </g>
          ))}
          {levels.map((l, i) => {
            const band = CALIBRATION_BANDS[l.confidence];
            const x = PLOT.left + i * colW;
            const cx = x + colW / 2;
            return (
              <g key={l.confidence}>
                <rect x={x + 6} width={colW - 12} y={y(band.to)} height={y(band.from) - y(band.to)} fill="#eaf7ee" stroke="#1a7f37" strokeDasharray="4 3" />
                {l.accuracy !== null ? (
                  <>
                    <rect x={cx - 18} width={36} y={y(l.accuracy)} height={y(0) - y(l.accuracy)} fill="#1f6feb" />
                    <text x={cx} y={y(l.accuracy) - 6} textAnchor="middle" fontSize="13" fontWeight="700" fill="#1f2937">{pct(l.accuracy)}</text>
                  </>
                ) : null}
                <text x={cx} y={H - PLOT.bottom + 18} textAnchor="middle" fontSize="13" fontWeight="700" fill="#1f2937">{l.label}</text>
                <text x={cx} y={H - PLOT.bottom + 36} textAnchor="middle" fontSize="12" fill="#4b5563">{l.answers} 题</text>
              </g>
            );
          })}
        </svg>
      )}
      <p className="muted">蓝柱是你的答对率，绿色虚线框是该信心程度最划算的答对率范围：低 0–67%，中 67%–80%，高 80%–100%。柱子高于框，说明可以更有信心；低于框，说明信心偏高。</p>
      <table className="progress-table">
        <caption className="visually-hidden">信心校准数据</caption>
        <thead>
          <tr><th scope="col">信心程度</th><th scope="col">作答题数</th><th scope="col">答对题数</th><th scope="col">答对率</th></tr>
        </thead>
        <tbody>
          {levels.map((l) => (
            <tr key={l.confidence}>
              <th scope="row">{l.label}</th>
              <td>{l.answers}</td>
              <td>{l.correct}</td>
              <td>{l.accuracy === null ? "—" : pct(l.accuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
