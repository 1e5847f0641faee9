import { useId } from 'react';

/** A labelled select: the label, the options as [value, text], and an optional first "all" option. */
export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
  empty,
}: {
  label: string;
  value: T | '';
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T | '') => void;
  /** Text of an option with the value '' (e.g. "all sections"). */
  empty?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const raw = e.target.value;
          const match = options.find(([v]) => String(v) === raw);
          onChange(match ? match[0] : '');
        }}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map(([v, text]) => (
          <option key={String(v)} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
