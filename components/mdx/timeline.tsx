type TimelineProps = { items: { time: string; title: string; text?: string }[] };

export function Timeline({ items }: TimelineProps) {
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={`${item.time}-${item.title}`} className="timeline__item">
          <p className="timeline__time">{item.time}</p>
          <p className="timeline__title">{item.title}</p>
          {item.text ? <p className="timeline__text">{item.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}
