/** mvdan-sh ships no types; shell.ts narrows the few functions it calls. */
declare module 'mvdan-sh' {
  const sh: unknown;
  export default sh;
}
