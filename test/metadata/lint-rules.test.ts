/**
 * The lint rules that keep the suite's error contract: a gate never throws a bare Error (the user
 * would read "Internal error ... Please report it" for what they can fix).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';

async function restrictedSyntaxOf(file: string): Promise<string[]> {
  const config = (await new ESLint({ cwd: REPO_ROOT }).calculateConfigForFile(
    path.join(REPO_ROOT, file),
  )) as {
    rules?: Record<string, unknown[]>;
  };
  const [, ...options] = config.rules?.['no-restricted-syntax'] ?? [];
  return options.map((o) => (o as { selector: string }).selector);
}

describe('eslint.config.mjs', () => {
  it('forbids `new Error(` and `Error(` in every gate source, beside process.exit', async () => {
    for (const file of ['actions/kpi/src/gate.ts', 'actions/pr-size/src/numstat.ts']) {
      expect(await restrictedSyntaxOf(file), file).toEqual(
        expect.arrayContaining([
          "NewExpression[callee.name='Error']",
          "CallExpression[callee.name='Error']",
          "MemberExpression[object.name='process'][property.name='exit']",
        ]),
      );
    }
  });

  it('leaves tests and the library alone', async () => {
    expect(await restrictedSyntaxOf('actions/kpi/test/gate.test.ts')).not.toContain(
      "NewExpression[callee.name='Error']",
    );
    expect(await restrictedSyntaxOf('packages/gate-result/src/errors.ts')).not.toContain(
      "NewExpression[callee.name='Error']",
    );
  });
});
