/**
 * Breadth-first walks over a dependency graph, shared by the readers: the shortest path from the
 * root to each package (shown beside a violation) and the scope each package is reached in.
 */
import type { Scope } from './model.js';

export interface Walk {
  /** Node key → the chain of keys from a root to it (inclusive). */
  paths: Map<string, string[]>;
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
  const paths = new Map<string, string[]>();
  const scopes = new Map<string, Scope>();
  const deferred: Record<Scope, { key: string; path: string[] }[]> = {
    production: [],
    optional: [],
    development: [],
  };
  for (const root of roots) deferred[root.scope].push({ key: root.key, path: [root.key] });
  for (const pass of ['production', 'optional', 'development'] as const) {
    const queue = deferred[pass];
    for (const { key, path } of queue) {
      if (scopes.has(key)) continue;
      scopes.set(key, pass);
      paths.set(key, path);
      for (const child of edges(key)) {
        if (!scopes.has(child.key))
          deferred[widen(pass, child.scope)].push({ key: child.key, path: [...path, child.key] });
      }
    }
  }
  return { paths, scopes };
}

/** A production edge keeps the walk's scope; an optional or dev edge narrows it. */
function widen(walk: Scope, edge: Scope): Scope {
  return RANK[edge] > RANK[walk] ? edge : walk;
}
