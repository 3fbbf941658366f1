import jwt from 'jsonwebtoken';

export function check(token: string, key: string): unknown[] {
  // ruleid: js-jwt-insecure-verify-options
  const a = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });

  // ruleid: js-jwt-insecure-verify-options
  const b = jwt.verify(token, key, { ignoreExpiration: true });

  // ok: js-jwt-insecure-verify-options
  const c = jwt.verify(token, key, { algorithms: ['RS256'] });

  // ok: js-jwt-insecure-verify-options
  const d = jwt.sign({ sub: 'user' }, key, { algorithm: 'RS256', expiresIn: '15m' });

  return [a, b, c, d];
}
