// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_PROCESS_EXIT = {
  selector: "MemberExpression[object.name='process'][property.name='exit']",
  message: 'Never call process.exit: the runtime sets process.exitCode.',
};

// A bare Error reads to the user as "Internal error ... Please report it". A gate throws a
// ConfigError (InputError, ReportError, GitHubApiError, ...) for what the user can fix, and
// InternalError for an invariant only a bug can break.
const NO_BARE_ERROR = ['NewExpression', 'CallExpression'].map((node) => ({
  selector: `${node}[callee.name='Error']`,
  message:
    'No bare Error in a gate: throw a ConfigError subclass (InputError, ReportError, GitHubApiError) when the user can fix it, InternalError for a bug.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/lib/**',
      '**/node_modules/**',
      '.cache/**',
      'coverage/**',
      'tools/**',
      'rules/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked, ...tseslint.configs.strict],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_PROCESS_EXIT],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              message: 'Only packages/gate-result/src/runtime/ may import @actions/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['actions/*/src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_EXIT, ...NO_BARE_ERROR] },
  },
  {
    files: ['packages/gate-result/src/runtime/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
