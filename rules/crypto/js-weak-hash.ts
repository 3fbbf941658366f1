import crypto, { createHash } from 'node:crypto';

export function fingerprint(password: string, body: string): string[] {
  // ruleid: js-weak-hash
  const a = crypto.createHash('md5').update(password).digest('hex');

  // ruleid: js-weak-hash
  const b = createHash('sha1').update(body).digest('hex');

  // ok: js-weak-hash
  const c = crypto.createHash('sha256').update(body).digest('hex');

  // ok: js-weak-hash
  const d = crypto.scryptSync(password, crypto.randomBytes(16), 64).toString('hex');

  return [a, b, c, d];
}
