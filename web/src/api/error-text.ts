import { ErrorCode, FieldError, Referrer } from '@tillit/contract';
import type { TFunction } from 'i18next';

/**
 * The API's error codes in the user's language. The server's own sentences (`message`, `reason`) are in
 * English and may name fields; the user never sees them.
 */
export function errorCodeText(t: TFunction, code: ErrorCode): string {
  return t(`apiErrors.code.${code}`, { defaultValue: t('apiErrors.code.internal_error') });
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function referrerList(t: TFunction, by: readonly Referrer[]): string {
  const shown = by.slice(0, 5).map((r) => t(`apiErrors.by.${r.kind}`, { label: r.label }));
  if (by.length > 5) shown.push(t('apiErrors.by.more', { count: by.length - 5 }));
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} ${t('apiErrors.by.and')} ${shown.at(-1)}` : (shown[0] ?? '');
}

/** One field error as a sentence for the field it is shown on. */
export function fieldErrorText(t: TFunction, e: FieldError): string {
  const p = e.params ?? {};
  switch (e.code) {
    case 'too_short':
      return num(p.minimum) === 1 ? t('apiErrors.field.too_short_one') : t('apiErrors.field.too_short', { minimum: p.minimum });
    case 'too_small':
      return t(p.origin === 'array' || p.origin === 'set' ? 'apiErrors.field.too_small_array' : 'apiErrors.field.too_small', { minimum: p.minimum });
    case 'too_big':
      return t(p.origin === 'array' || p.origin === 'set' ? 'apiErrors.field.too_big_array' : 'apiErrors.field.too_big', { maximum: p.maximum });
    case 'invalid_format':
      return t(`apiErrors.field.invalid_format_${String(p.format)}`, { defaultValue: t('apiErrors.field.invalid_format') });
    case 'unknown_reference':
      return t('apiErrors.field.unknown_reference', { what: t(`apiErrors.kind.${String(p.kind)}`, { defaultValue: t('apiErrors.kind.other') }) });
    case 'in_use':
      return t('apiErrors.field.in_use', { list: referrerList(t, Array.isArray(p.by) ? (p.by as Referrer[]) : []) });
    case 'date_before':
      return t('apiErrors.field.date_before', {
        other: t(`apiErrors.field_name.${String(p.other)}`, { defaultValue: t('apiErrors.field_name.other') }),
      });
    case 'required':
    case 'invalid_type':
    case 'too_long':
    case 'not_integer':
    case 'invalid_value':
    case 'unknown_field':
    case 'immutable':
    case 'duplicate':
    case 'stage_order':
    case 'out_of_range':
    case 'length':
    case 'already_member':
    case 'last_admin':
    case 'ambiguous':
    case 'invalid_json':
    case 'too_deep':
    case 'invalid_unicode':
    case 'invalid_character':
    case 'not_storable':
    case 'invalid':
    case 'definition_not_agreed':
    case 'not_a_blocker':
    case 'not_board_member':
    case 'no_quorum':
    case 'not_seated':
    case 'vote_per_seat':
    case 'reservation_without_nej':
    case 'formal_motion_first':
    case 'no_majority':
    case 'outcome_unmoved':
    case 'not_before_board':
    case 'not_approved':
    case 'account_exists':
    case 'password_common':
    case 'password_contains_email':
    case 'wrong_password':
    case 'own_account':
      return t(`apiErrors.field.${e.code}`, p);
    case 'shared_account':
      return t(p.action === 'disable' ? 'apiErrors.field.shared_account_disable' : 'apiErrors.field.shared_account');
    case 'unjustified_blocker':
      return t('apiErrors.field.unjustified_blocker', { count: num(p.count) });
    case 'ordinance_errors':
      return t('apiErrors.field.ordinance_errors', { count: num(p.count) });
    case 'empty_file':
    case 'damaged_file':
    case 'no_header':
      return t(`apiErrors.field.${e.code}`, p);
  }
}

/** What in the plan an error lies in, by name ("Beslutsrätten för 5.1 Bistånd"), when the API said. */
export function whereText(t: TFunction, e: FieldError): string | undefined {
  const within = e.params?.in as Referrer | undefined;
  return within ? t(`apiErrors.in.${within.kind}`, { label: within.label }) : undefined;
}
