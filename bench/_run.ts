// Runs one benchmark module: `bench/<name>.ts` must export `bench(): Promise<void>`.
const name = process.argv[2];
if (name === undefined || !/^[a-z0-9-]+$/.test(name)) throw new Error('Usage: _run.ts <benchmark name>');
const mod = (await import(`./${name}.ts`)) as { bench?: () => Promise<void> };
if (typeof mod.bench !== 'function') throw new Error(`bench/${name}.ts does not export bench().`);
await mod.bench();
