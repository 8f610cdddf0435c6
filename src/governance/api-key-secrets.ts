import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: `cno_` + 256 random bits, base64url. */
export function generateApiKeySecret(): string {
  return `cno_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two secrets through their digests. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** What listings show of a secret: enough to tell keys apart, useless to an attacker. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, 12);
}
