import { PASSWORD_MAX, PASSWORD_MIN } from '@tillit/contract';
import { passwordProblems } from './password-policy';

describe(passwordProblems.name, () => {
  const codes = (password: string, email = 'frida.lind@norrby.se') => passwordProblems(password, email).map((p) => p.code);

  it.each([
    ['x'.repeat(PASSWORD_MIN - 1), 'length'],
    ['Ett långt lösenord '.repeat(7).slice(0, PASSWORD_MAX + 1), 'length'],
    ['password1234', 'password_common'],
    ['qwertyuiop123', 'password_common'],
    ['Password123!', 'password_common'],
    ['iloveyou2024', 'password_common'],
    ['123456789012', 'password_common'],
    ['aaaaaaaaaaaaaaaa', 'password_common'],
    ['Lösenord2026!', 'password_common'],
    ['välkommen12345', 'password_common'],
    ['frida.lind2026!', 'password_contains_email'],
    ['Min FridaLind är bäst', 'password_contains_email'],
  ])('refuses %j with %s', (password, code) => {
    expect(codes(password)).toEqual([code]);
  });

  it.each(['ett långt lösenord', 'Bo byter etapper i Tillit', 'correct horse battery staple', 'tillit-demo-2026', 'x7#Lq9!vR2@m'])(
    'takes %j',
    (password) => {
      expect(codes(password)).toEqual([]);
    },
  );

  it('names the field it was asked for, with the limits of a length error', () => {
    expect(passwordProblems('kort', 'a@b.se', 'newPassword')).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'length', params: { minimum: PASSWORD_MIN, maximum: PASSWORD_MAX } }),
    ]);
  });
});
