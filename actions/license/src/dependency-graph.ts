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

/** Paths rebuilt from parent links on demand: most packages never need theirs spelled out. */
class LazyPaths {
  constructor(private readonly parents: ReadonlyMap<string, string | undefined>) {}

  get(key: string): string[] | undefined {
    if (!this.parents.has(key)) return undefined;
    const path: string[] = [];
    for (
      let k: string | undefined = key;
      k !== undefined && path.length <= this.parents.size;
      k = this.parents.get(k)
    )
      path.push(k);
    return path.reverse();
  }
}

/** A production edge keeps the walk's scope; an optional or dev edge narrows it. */
function widen(walk: Scope, edge: Scope): Scope {
  return RANK[edge] > RANK[walk] ? edge : walk;
}
