/**
 * Node's module lookup over install paths (`node_modules/a/node_modules/b`): the nearest
 * `node_modules/<name>` from the requiring package upwards. Shared by the lockfile and tree readers.
 */

/** The install path `name` resolves to from `from` ('' is the project root), if installed. */
export function resolveInstalled(
  has: (key: string) => boolean,
  from: string,
  name: string,
): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (has(candidate)) return candidate;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
export function nameFromInstallPath(key: string): string {
  const cut = key.lastIndexOf('node_modules/');
  return cut < 0 ? key : key.slice(cut + 'node_modules/'.length);
}
