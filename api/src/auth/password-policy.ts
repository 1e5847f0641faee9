import { FieldError, PASSWORD_MAX, PASSWORD_MIN } from '@tillit/contract';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * Words Swedish users reach for that the English and common dictionaries lack (zxcvbn-ts has no Swedish
 * package): seasons, places, the product's own words. Kept short; the common list does the bulk.
 */
const SWEDISH_WORDS = [
  'lösenord',
  'losenord',
  'sommar',
  'vinter',
  'hösten',
  'våren',
  'kommun',
  'region',
  'sverige',
  'stockholm',
  'göteborg',
  'malmö',
  'tillit',
  'hejsan',
  'älskling',
  'fotboll',
  'kalleanka',
  'välkommen',
  'valkommen',
  'hemligt',
  'jultomten',
];

/** zxcvbn's score 0–4; below this a password is a common one or a slight variation of it (≲10⁸ guesses). */
export const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes a few hundred milliseconds. */
function strength(password: string, userInputs: string[]): number {
  checker ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, sv: SWEDISH_WORDS },
    translations: en.translations,
  });
  return checker.check(password, userInputs).score;
}

/**
 * Why a new password is refused, or nothing: 12–128 characters, not the e-mail address's name (the part
 * before @) nor containing it, and not a common or breached password (zxcvbn-ts with its common-password
 * and English dictionaries, the address's parts as the person's own words).
 */
export function passwordProblems(password: string, email: string, field = 'password'): FieldError[] {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    return [
      {
        field,
        code: 'length',
        params: { minimum: PASSWORD_MIN, maximum: PASSWORD_MAX },
        reason: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
      },
    ];
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  const lower = password.toLowerCase();
  if (local.length >= 3 && (lower.includes(local) || lower.replace(/[^\p{L}\p{N}]/gu, '').includes(local.replace(/[^\p{L}\p{N}]/gu, ''))))
    return [{ field, code: 'password_contains_email', reason: 'must not contain the e-mail address' }];
  if (
    strength(
      password,
      [local, ...local.split(/[._+-]/), ...domain.split('.')].filter((w) => w.length >= 3),
    ) < MIN_SCORE
  )
    return [{ field, code: 'password_common', reason: 'is a common password or too easy to guess' }];
  return [];
}
