// The layering as a test, the way test/api.test.ts pins the API: the stages
// import only earlier stages (read → link → render → write → build); the
// shared modules (model, contract, diagnostics, markdown, config, lib) import
// no stage; the site and the generator meet only in generator/contract/; no
// run-time import cycle.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STAGES = ['read', 'link', 'render', 'write', 'build'] as const;
/** Imported by anyone; they import no stage. `lib/` is the small infrastructure (file I/O, processes, the logger). */
const SHARED = new Set(['model', 'contract', 'diagnostics', 'markdown', 'config', 'lib']);

type Layer = { kind: 'stage'; rank: number; name: string } | { kind: 'shared'; name: string } | { kind: 'orchestrator' | 'scaffold' | 'site' };

function layerOf(file: string): Layer {
  const parts = file.split('/');
  if (parts[0] === 'src') return { kind: 'site' };
  // The API's orchestrators at the top of generator/, and the command line that calls them.
  if (parts.length === 2 || parts[1] === 'cli') return { kind: 'orchestrator' };
  const folder = parts[1]!;
  const rank = (STAGES as readonly string[]).indexOf(folder);
  if (rank >= 0) return { kind: 'stage', rank, name: folder };
  if (SHARED.has(folder)) return { kind: 'shared', name: folder };
  if (folder === 'scaffold') return { kind: 'scaffold' };
  throw new Error(`${file}: in no layer; add its folder to test/dependencies.test.ts`);
}

interface Edge {
  from: string;
  to: string;
  /** `import type` only: no run-time dependency. */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name))
    .map((e) => path.relative('.', path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    const to = path.normalize(path.join(path.dirname(file), spec)).split(path.sep).join('/');
    edges.push({ from: file, to, typeOnly: Boolean(m[2]) });
  }
  return edges;
}

/** What breaks a rule about an edge, or undefined. */
function ruleBroken(edge: Edge): string | undefined {
  const from = layerOf(edge.from);
  if (!edge.to.startsWith('generator/') && !edge.to.startsWith('src/')) return undefined;
  const to = layerOf(edge.to);
  if (from.kind === 'site') return to.kind === 'site' || edge.to.startsWith('generator/contract/') ? undefined : 'the site imports the generator outside contract/';
  if (to.kind === 'site') return 'the generator imports the site';
  if (from.kind === 'shared' && (to.kind === 'stage' || to.kind === 'orchestrator' || to.kind === 'scaffold')) return `${from.name} (shared) imports a stage or an orchestrator`;
  if (from.kind === 'stage' && to.kind === 'stage' && to.rank > from.rank) return `${from.name} imports the later stage ${to.name}`;
  if ((from.kind === 'stage' || from.kind === 'scaffold') && to.kind === 'orchestrator') return 'a stage imports an orchestrator at the top of generator/';
  return undefined;
}

/** Run-time import cycles, each as its files in order. */
function cyclesOf(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') cycles.push(stack.slice(stack.indexOf(to)));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

const edges = [...sourceFiles('generator'), ...sourceFiles('src')].flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));

describe('dependencies', () => {
  it('break no layer rule', () => {
    const broken = edges.filter((e) => ruleBroken(e)).map((e) => `${e.from} -> ${e.to}: ${ruleBroken(e)}`);
    expect([...new Set(broken)].sort()).toEqual([]);
  });

  it('have no run-time import cycle', () => {
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('the rules catch a stage importing a later one, the site reaching inside the generator, and a cycle', () => {
    expect(ruleBroken({ from: 'generator/read/x.ts', to: 'generator/render/y.ts', typeOnly: false })).toMatch(/later stage render/);
    expect(ruleBroken({ from: 'generator/model/x.ts', to: 'generator/read/y.ts', typeOnly: true })).toMatch(/shared/);
    expect(ruleBroken({ from: 'src/pages/x.astro', to: 'generator/render/y.ts', typeOnly: false })).toMatch(/outside contract/);
    expect(ruleBroken({ from: 'src/pages/x.astro', to: 'generator/contract/y.ts', typeOnly: false })).toBeUndefined();
    expect(ruleBroken({ from: 'generator/render/x.ts', to: 'generator/link/y.ts', typeOnly: false })).toBeUndefined();
    const cycle = [
      { from: 'a.ts', to: 'b.ts', typeOnly: false },
      { from: 'b.ts', to: 'a.ts', typeOnly: false },
    ];
    expect(cyclesOf(cycle)).toEqual([['a.ts', 'b.ts']]);
    expect(cyclesOf([cycle[0]!, { ...cycle[1]!, typeOnly: true }])).toEqual([]);
  });
});
