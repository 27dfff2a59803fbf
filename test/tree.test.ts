// The feature tree: epic > feature > story, then suites, then package.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { buildFeatureTree, featurePathOf, UNGROUPED } from '../generator/link/feature-tree.ts';
import { assembleRun } from '../generator/read/results/assemble-run.ts';
import { readResultsFolder } from '../generator/read/results/results-folder.ts';

const label = (name: string, value: string) => ({ name, value });

describe('where a test sits', () => {
  it('uses epic > feature > story labels first', () => {
    expect(featurePathOf({ labels: [label('suite', 'S'), label('story', 'C'), label('epic', 'A'), label('feature', 'B')] })).toEqual({ path: ['A', 'B', 'C'], source: 'labels' });
  });
  it('falls back to parentSuite > suite > subSuite', () => {
    expect(featurePathOf({ labels: [label('subSuite', 'C'), label('parentSuite', 'A'), label('suite', 'B'), label('package', 'p')] })).toEqual({ path: ['A', 'B', 'C'], source: 'suites' });
  });
  it('then to package > testClass', () => {
    expect(featurePathOf({ labels: [label('package', 'com.acme'), label('testClass', 'CartTest')] })).toEqual({ path: ['com.acme', 'CartTest'], source: 'package' });
  });
  it('and puts the rest under Ungrouped', () => {
    expect(featurePathOf({ labels: [label('owner', 'me'), label('epic', '  ')] })).toEqual({ path: [UNGROUPED], source: 'none' });
  });
});

describe('the tree of a real run', () => {
  it('counts every test once at the root and once on each level down to its node', async () => {
    const diagnostics = createDiagnosticList();
    const run = assembleRun([await readResultsFolder('test/fixtures/vitest/allure-results', 0, diagnostics)]);
    const tree = buildFeatureTree(run.results);
    expect(tree.root.totals.total).toBe(run.results.length);
    for (const node of tree.nodes) {
      const below = node.results.length + node.children.reduce((n, c) => n + c.totals.total, 0);
      expect(below, node.slug).toBe(node.totals.total);
    }
    const productivity = tree.root.children.find((c) => c.title === 'Productivity')!;
    expect(productivity.source).toBe('labels');
    expect(productivity.children.map((c) => c.slug)).toContain('productivity/filtering');
    expect(tree.root.children.find((c) => c.title === 'Clock')!.source).toBe('suites');
    expect(new Set(tree.nodes.map((n) => n.slug)).size).toBe(tree.nodes.length);
  });

  it('gives distinct slugs to titles that slugify alike', () => {
    const results = ['A/B', 'A-B', 'a b'].map((epic, i) => ({ key: String(i), labels: [label('epic', epic)], status: 'passed' as const, flaky: false, durationMs: 1 }));
    const tree = buildFeatureTree(results as never);
    expect(new Set(tree.root.children.map((c) => c.slug)).size).toBe(3);
  });
});

void path;
