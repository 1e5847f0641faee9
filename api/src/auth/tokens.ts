import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a bearer secret (a session token, an invitation or reset link): the only form stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new secret of 256 random bits (base64url, 43 characters) and its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}
