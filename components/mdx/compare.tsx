import { TableScroll } from "@/components/table-scroll";

type CompareProps = {
  caption?: string;
  columns: string[];
  rows: { label: string; values: string[] }[];
};

export function Compare({ caption, columns, rows }: CompareProps) {
  return (
    <TableScroll label={caption ?? "对比表"}>
      <table className="compare">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, i) => (
                <td key={i}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
