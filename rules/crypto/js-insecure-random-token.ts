import { randomBytes } from 'node:crypto';

// ruleid: js-insecure-random-token
const resetToken = Math.random().toString(36).slice(2);

export function makeSessionId(): string {
  // ruleid: js-insecure-random-token
  return String(Math.floor(Math.random() * 1e16));
}

// ok: js-insecure-random-token
const jitterMs = Math.floor(Math.random() * 250);

// ok: js-insecure-random-token
const csrfToken = randomBytes(32).toString('base64url');

export { resetToken, jitterMs, csrfToken };
