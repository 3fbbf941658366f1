// Which registry package holds Node 24 for this machine, and where its binary lands once
// installed into tools/node24. Plain JS so scripts/ensure-node24.mjs runs it without a build step;
// test/support/paths.ts imports it too, so the tests and the installer agree on the path.
import path from 'node:path';

/**
 * The npm package that ships the Node binary for `platform` and `arch` (as in `process.platform`
 * and `process.arch`): Node's own packages are named `node-<os>-<arch>`, with `win` for win32.
 * @param {string} platform
 * @param {string} arch
 * @returns {string}
 */
export function node24Package(platform, arch) {
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/**
 * The Node binary of `node24Package(platform, arch)` once installed under `prefix`.
 * @param {string} prefix
 * @param {string} platform
 * @param {string} arch
 * @returns {string}
 */
export function node24Binary(prefix, platform, arch) {
  const exe = platform === 'win32' ? 'node.exe' : 'node';
  return path.join(prefix, 'node_modules', node24Package(platform, arch), 'bin', exe);
}

/**
 * Where the end-to-end tests find Node 24: the pinned registry package for this platform and arch
 * when tools/node24/package.json lists one (`install: true` then: npm ci brings it), else the
 * running Node itself if it is a Node 24. Throws, naming the package, when neither exists.
 * @param {{ prefix: string, platform: string, arch: string, pinned: Record<string, string>,
 *   runningVersion: string, execPath: string }} machine
 * @returns {{ binary: string, install: boolean }}
 */
export function resolveNode24(machine) {
  const name = node24Package(machine.platform, machine.arch);
  if (Object.hasOwn(machine.pinned, name)) {
    return { binary: node24Binary(machine.prefix, machine.platform, machine.arch), install: true };
  }
  if (machine.runningVersion.startsWith('v24.')) return { binary: machine.execPath, install: false };
  throw new Error(
    `No Node 24 is pinned for ${machine.platform}-${machine.arch}: add ${name} to ` +
      `tools/node24/package.json (optionalDependencies) if the registry has a 24.x of it, or run npm test under Node 24.`,
  );
}
