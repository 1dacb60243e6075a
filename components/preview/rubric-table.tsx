import { TableScroll } from "@/components/table-scroll";

type Criterion = { id: string; criterion: string; points: number; guide: string; standard?: string };

export function RubricTable({ rubric }: { rubric: Criterion[] }) {
  return (
    <TableScroll label="评分细则">
      <table className="compare">
        <caption>评分细则（合计 {rubric.reduce((s, r) => s + r.points, 0)} 分）</caption>
        <thead>
          <tr>
            <th scope="col">评分项</th>
            <th scope="col">分值</th>
            <th scope="col">给分要点</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.standard ? `${r.standard} · ` : ""}{r.criterion}</th>
              <td>{r.points}</td>
              <td>{r.guide}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
