// One ESM bundle per action, plus the umbrella action and the CLI, written to dist/<name>/index.js.
// Deterministic (no timestamps, no absolute paths) so check-dist can compare byte for byte.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');

/** @type {{ name: string, entry: string, target: string }[]} */
const entries = [];
for (const gate of readdirSync(path.join(root, 'actions'))) {
  const entry = path.join(root, 'actions', gate, 'src', 'index.ts');
  if (existsSync(entry)) entries.push({ name: gate, entry, target: 'node24' });
}
const umbrella = path.join(root, 'packages', 'gates', 'src', 'index.ts');
if (existsSync(umbrella)) entries.push({ name: 'gates', entry: umbrella, target: 'node24' });
const cli = path.join(root, 'packages', 'cli', 'src', 'index.ts');
// The CLI also runs on developers' machines: Node 20 and newer.
if (existsSync(cli)) entries.push({ name: 'cli', entry: cli, target: 'node20' });

// libpg-query (PostgreSQL's parser, the destructive gate's) loads a .wasm file from beside its
// script, which a bundle does not have and dist/ must not hold (check-dist refuses binaries): the
// bytes go into the bundle as base64, handed to the module through Emscripten's instantiateWasm.
/** @type {import('esbuild').Plugin} */
const inlinePgQueryWasm = {
  name: 'inline-libpg-query-wasm',
  setup(b) {
    b.onLoad({ filter: /libpg-query[\\/]wasm[\\/]libpg-query\.js$/ }, (args) => {
      const js = readFileSync(args.path, 'utf8');
      const wasm = readFileSync(path.join(path.dirname(args.path), 'libpg-query.wasm')).toString('base64');
      const hook = 'var Module=moduleArg;';
      const dir = 'scriptDirectory=__dirname+"/"';
      if (!js.includes(hook) || !js.includes(dir))
        throw new Error('libpg-query changed its loader: update inlinePgQueryWasm in scripts/bundle.mjs');
      const instantiate = `Module.instantiateWasm??=(info,receive)=>{WebAssembly.instantiate(Buffer.from(${JSON.stringify(wasm)},"base64"),info).then(r=>receive(r.instance,r.module));return{}};`;
      return {
        contents: js.replace(dir, 'scriptDirectory=""').replace(hook, hook + instantiate),
        loader: 'js',
      };
    });
  },
};

rmSync(outRoot, { recursive: true, force: true });
for (const { name, entry, target } of entries) {
  await build({
    entryPoints: [entry],
    outfile: path.join(outRoot, name, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target,
    conditions: ['source'],
    absWorkingDir: root,
    legalComments: 'linked',
    sourcemap: false,
    logLevel: 'warning',
    plugins: [inlinePgQueryWasm],
    // Some CommonJS dependencies call require() on Node builtins; ESM output needs a require.
    banner: {
      js: "import { createRequire as __aeefCreateRequire } from 'node:module'; const require = __aeefCreateRequire(import.meta.url);",
    },
  });
}
console.log(`bundled ${entries.map((e) => e.name).join(', ')} into ${path.relative(root, outRoot) || '.'}`);
