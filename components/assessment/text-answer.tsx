"use client";

type Props = { id: string; label: React.ReactNode; value: string; onChange: (value: string) => void; rows?: number };

export function TextAnswer({ id, label, value, onChange, rows = 8 }: Props) {
  return (
    <div className="field text-answer">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} maxLength={20000} onChange={(event) => onChange(event.target.value)} />
      <span className="text-answer__count muted">{value.length} 字</span>
    </div>
  );
}
