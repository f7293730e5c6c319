/**
 * The shared core has no import cycles through imports that run: none between its files and none
 * between its parts (shared/scoring, shared/checks, shared/model …). Type-only imports are erased
 * at build time, so a part may name another's types (the checks read scoring's results) while that
 * part runs it (scoring runs the checks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SHARED = resolve(__dirname, '../../shared');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

/** `import … from './x'` and `export … from './x'`, with whether the whole statement is `type`. */
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({
    to: resolve(dirname(file), `${m[3] ?? ''}.ts`),
    typeOnly: m[2] !== undefined,
  }));
}

/** One cycle of the graph as a path that comes back to its start, or null when there is none. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function graphOf(edges: Array<[string, string]>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    if (from === to) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
}

const files = sourceFiles(SHARED);
const edges = files.flatMap((file) => importsOf(file).map((e) => ({ from: file, ...e })));
const part = (file: string) => relative(SHARED, file).split(/[\\/]/)[0] ?? '';

describe('imports of shared/', () => {
  it('are read: every relative import names a file that exists', () => {
    expect(edges.length).toBeGreaterThan(files.length);
    const known = new Set(files);
    expect(edges.filter((e) => !known.has(e.to)).map((e) => relative(SHARED, e.to))).toEqual([]);
  });

  it('have no cycle between files through imports that run', () => {
    const cycle = findCycle(graphOf(edges.filter((e) => !e.typeOnly).map((e) => [e.from, e.to])));
    expect(cycle?.map((f) => relative(SHARED, f)) ?? null).toBeNull();
  });

  it('have no cycle between parts through imports that run (scoring runs the checks, not back)', () => {
    const running = edges.filter((e) => !e.typeOnly).map((e): [string, string] => [part(e.from), part(e.to)]);
    expect(findCycle(graphOf(running))).toBeNull();
    expect(running).toContainEqual(['scoring', 'checks']);
  });

  it('finds a cycle where there is one', () => {
    expect(
      findCycle(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toBeNull();
  });
});
