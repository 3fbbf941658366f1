declare const logger: { info(...args: unknown[]): void };

export function login(user: { name: string; password: string }, accessToken: string): void {
  // ruleid: js-secret-in-log
  console.log('login attempt', user.name, user.password);

  // ruleid: js-secret-in-log
  logger.info('issued', accessToken);

  // ok: js-secret-in-log
  console.log('Password reset email sent');

  // ok: js-secret-in-log
  logger.info('token issued', { hasToken: Boolean(accessToken), tokenCount: 1 });
}
