import { PASSWORD_MAX, PASSWORD_MIN } from '@tillit/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A new password and the same again, with the rules as the first field's hint: every page that sets one. */
export function NewPasswordFields({
  label,
  value,
  repeated,
  onChange,
  onRepeatedChange,
}: {
  label: string;
  value: string;
  repeated: string;
  onChange: (value: string) => void;
  onRepeatedChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${ids}-new`}>{label}</label>
        <input
          id={`${ids}-new`}
          type="password"
          autoComplete="new-password"
          aria-describedby={`${ids}-rules`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required
        />
        <p id={`${ids}-rules`} className="hint">
          {t('password.rules', { minimum: PASSWORD_MIN, maximum: PASSWORD_MAX })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-repeat`}>{t('invitation.repeatPassword')}</label>
        <input
          id={`${ids}-repeat`}
          type="password"
          autoComplete="new-password"
          value={repeated}
          onChange={(e) => onRepeatedChange(e.target.value)}
          required
        />
      </div>
    </>
  );
}
