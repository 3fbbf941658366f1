/**
 * Breadth-first walks over a dependency graph, shared by the readers: the shortest path from the
 * root to each package (shown beside a violation) and the scope each package is reached in.
 */
import type { Scope } from './model.js';

export interface Walk {
  /** Node key → the chain of keys from a root to it (inclusive). */
  paths: { get(key: string): string[] | undefined };
  /** Node key → the widest scope it is reached in (production beats optional beats development). */
  scopes: Map<string, Scope>;
}

const RANK: Record<Scope, number> = { production: 0, optional: 1, development: 2 };

/**
 * Walks from the roots in scope order, so a package used by production code and by tools is
 * production. `edges` returns a node's children with the scope of the edge (an optional edge
 * makes the subtree at most optional).
 */
export function walkGraph(
  roots: readonly { key: string; scope: Scope }[],
  edges: (key: string) => Iterable<{ key: string; scope: Scope }>,
): Walk {
  const parents = new Map<string, string | undefined>();
  const scopes = new Map<string, Scope>();
  const deferred: Record<Scope, [string, string | undefined][]> = {
    production: [],
    optional: [],
    development: [],
  };
  for (const root of roots) deferred[root.scope].push([root.key, undefined]);
  for (const pass of ['production', 'optional', 'development'] as const) {
    // The queue grows while it is walked: breadth-first, so the first parent is on a shortest path.
    for (const [key, parent] of deferred[pass]) {
      if (scopes.has(key)) continue;
      scopes.set(key, pass);
      parents.set(key, parent);
      for (const child of edges(key)) {
        if (!scopes.has(child.key)) deferred[widen(pass, child.scope)].push([child.key, key]);
      }
    }
  }
  return { paths: new LazyPaths(parents), scopes };
}

/** Links of a path spelled out; real dependency chains are under 40 deep. */
export const MAX_PATH = 64;

/** Paths rebuilt from parent links on demand: most packages never need theirs spelled out. */
class LazyPaths {
  constructor(private readonly parents: ReadonlyMap<string, string | undefined>) {}

  get(key: string): string[] | undefined {
    if (!this.parents.has(key)) return undefined;
    const path: string[] = [];
    let k: string | undefined = key;
    for (; k !== undefined && path.length < MAX_PATH; k = this.parents.get(k)) path.push(k);
    // A deeper chain is shown by its last MAX_PATH links: a path per package is then bounded
    // work, even when every package of a chain-shaped lockfile is named.
    if (k !== undefined) path.push('…');
    return path.reverse();
  }
}

/** A production edge keeps the walk's scope; an optional or dev edge narrows it. */
function widen(walk: Scope, edge: Scope): Scope {
  return RANK[edge] > RANK[walk] ? edge : walk;
}

/**
 * Gives `record` a `path` computed on first read, then kept. Spelling out every package's path
 * eagerly costs the depth of the graph per package: quadratic on a chain, where a 20,000-package
 * pnpm lockfile ran out of a 4 GB heap; only the packages a violation names need theirs.
 */
export function withLazyPath<T extends object>(record: T, compute: () => string[]): T & { path: string[] } {
  let cached: string[] | undefined;
  return Object.defineProperty(record, 'path', {
    get: () => (cached ??= compute()),
    set: (value: string[]) => {
      cached = value;
    },
    enumerable: true,
    configurable: true,
  }) as T & { path: string[] };
}
