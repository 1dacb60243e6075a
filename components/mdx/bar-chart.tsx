type BarChartProps = {
  title: string;
  unit?: string;
  max?: number;
  data: { label: string; value: number }[];
};

// Rendered on the server as plain HTML: no chart script reaches the phone, and the numbers
// stay readable to screen readers as a list.
export function BarChart({ title, unit = "", max, data }: BarChartProps) {
  const full = max ?? (unit === "%" ? 100 : Math.max(...data.map((d) => d.value), 1));
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {data.map((d) => (
          <li key={d.label} className="bar-chart__row">
            <span className="bar-chart__label">{d.label}</span>
            <span className="bar-chart__track" aria-hidden="true">
              <span className="bar-chart__bar" style={{ width: `${Math.min(100, (d.value / full) * 100)}%` }} />
            </span>
            <span className="bar-chart__value">
              {d.value}
              {unit}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
