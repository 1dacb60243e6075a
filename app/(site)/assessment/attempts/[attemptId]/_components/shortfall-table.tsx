import { formatGap, formatScore, shortfall } from "@/lib/certificates/rules";
import type { AttemptRecord } from "@/lib/assessment/attempts";
import type { AssessmentConfig } from "@/lib/content/question-schema";

const PART_NAMES = { part1: "理论知识测试", part2: "实操案例分析", part3: "运营方案设计" } as const;

/** For a pass below the certificate mark: where the missing points are, part by part. */
export function ShortfallTable({ attempt, config }: { attempt: AttemptRecord; config: AssessmentConfig }) {
  const parts = { part1: attempt.part1Score ?? 0, part2: attempt.part2Score ?? 0, part3: attempt.part3Score ?? 0 };
  const s = shortfall(parts, config.weights, attempt.finalScore ?? 0, config.certificateScore);
  return (
    <section className="card stack" aria-labelledby="shortfall-h">
      <h2 id="shortfall-h">距离证书还差 {formatGap(s.gap)} 分</h2>
      <p className="muted">总分达到 {config.certificateScore} 分可获得京东认证运营专家证书。下表是各部分按权重折算后失分的位置：</p>
      <table className="progress-table">
        <thead>
          <tr><th scope="col">部分</th><th scope="col">折算得分 / 满分</th><th scope="col">失分</th><th scope="col">只靠本部分补足需再得</th></tr>
        </thead>
        <tbody>
          {s.parts.map((p) => (
            <tr key={p.part}>
              <th scope="row">{PART_NAMES[p.part]}</th>
              <td>{formatScore(p.contribution)} / {p.weight}</td>
              <td>{formatGap(p.lost)}</td>
              <td>{p.raiseNeeded === null ? "本部分剩余分数不足" : `本部分 +${formatGap(p.raiseNeeded)} 分（百分制）`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
