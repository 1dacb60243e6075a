type FunnelProps = { title: string; stages: { label: string; rate?: string }[] };

export function Funnel({ title, stages }: FunnelProps) {
  const step = stages.length > 1 ? 55 / (stages.length - 1) : 0;
  return (
    <figure className="funnel">
      <figcaption>{title}</figcaption>
      <ol>
        {stages.map((stage, i) => (
          <li key={stage.label} className="funnel__stage">
            {stage.rate ? (
              <span className="funnel__rate">
                <span className="visually-hidden">上一环节转化到此：</span>↓ {stage.rate}
              </span>
            ) : null}
            <span className="funnel__bar" style={{ width: `${100 - i * step}%` }}>
              {stage.label}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
