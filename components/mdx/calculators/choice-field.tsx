type ChoiceFieldProps<V extends string> = {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: string;
  onChange: (value: V) => void;
};

/** A small radio group (two or three options) with 44px-high, fully clickable labels. */
export function ChoiceField<V extends string>({ id, legend, options, value, onChange }: ChoiceFieldProps<V>) {
  return (
    <fieldset className="calculator__choice">
      <legend>{legend}</legend>
      <div className="calculator__options">
        {options.map((option) => (
          <label key={option.value} htmlFor={`${id}-${option.value}`} className="calculator__option">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
