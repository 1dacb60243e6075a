type NumberFieldProps = {
  id: string;
  label: string; // with the unit, e.g. "日均销量（件/天）"
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
  hint?: string;
  optional?: boolean;
  placeholder?: string;
};

/** A labelled decimal input whose error (zh-CN) sits right below it and is tied to it for screen readers. */
export function NumberField({ id, label, value, onChange, onBlur, error, hint, optional, placeholder }: NumberFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field calculator__field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="calculator__optional">（选填）</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p id={hintId} className="calculator__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
