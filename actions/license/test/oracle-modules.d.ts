// Types for the dev-only oracles used by the tests.
declare module 'spdx-satisfies' {
  /** spdx-satisfies v6: true when some DNF branch of `expression` uses only `allowed` ids. */
  export default function satisfies(expression: string, allowed: string[]): boolean;
}
