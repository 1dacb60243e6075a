import { TableScroll } from "@/components/table-scroll";
import type { AttemptRecord } from "@/lib/assessment/attempts";

/** The released rubric grades and comments of parts 2 and 3, as the learner sees them. */
export function Feedback({ attempt }: { attempt: AttemptRecord }) {
  const parts = [
    { title: "实操案例分析", prefix: "p2", rubric: attempt.paper.case.study.rubric },
    { title: "运营方案设计", prefix: "p3", rubric: attempt.paper.prompt.rubric },
  ];
  return (
    <section className="stack" aria-labelledby="feedback">
      <h2 id="feedback">讲师评语</h2>
      {attempt.gradeComment ? <p className="card">{attempt.gradeComment}</p> : null}
      {parts.map((part) => (
        <TableScroll key={part.prefix} label={part.title}>
          <table className="compare">
            <caption>{part.title}</caption>
            <thead>
              <tr>
                <th scope="col">评分项</th>
                <th scope="col">得分</th>
                <th scope="col">评语</th>
              </tr>
            </thead>
            <tbody>
              {part.rubric.map((criterion) => {
                const grade = attempt.gradeScores[`${part.prefix}:${criterion.id}`];
                return (
                  <tr key={criterion.id}>
                    <th scope="row">{criterion.criterion}</th>
                    <td>
                      {grade?.points ?? 0}/{criterion.points}
                    </td>
                    <td>{grade?.comment || "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}
