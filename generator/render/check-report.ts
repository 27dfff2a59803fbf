// The quality gate's report as people and CI systems read it: a short text
// summary, GitHub Actions workflow commands (annotations), or JSON.
import type { CheckReport } from '../contract/check-report.ts';
import { printable } from '../lib/terminal-text.ts';

export const CHECK_FORMATS = ['text', 'github', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

const SHOWN_GROUPS = 5;

function oneLine(text: string, max = 140): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function formatCheckReport(report: CheckReport, format: CheckFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'github') return `${githubAnnotations(report).join('\n')}\n${textSummary(report)}`;
  return textSummary(report);
}

function textSummary(r: CheckReport): string {
  const b = r.failures;
  const lines: string[] = [];
  const t = r.run;
  lines.push(`casebook check: ${t.total} tests, ${t.passed} passed, ${t.failed} failed, ${t.broken} broken, ${t.skipped} skipped · pass rate ${r.passRate}%`);
  const kinds = (['product', 'test', 'infrastructure'] as const).filter((k) => b.byKind[k] > 0).map((k) => `${b.byKind[k]} ${k}`);
  lines.push(
    `failures: ${b.failures} · ${b.explained} explained by known defects${kinds.length ? ` (${kinds.join(', ')})` : ''} · ${b.unexplained} unexplained${b.unexplained ? ` in ${b.groups} group(s)` : ''}`,
  );
  for (const g of r.unexplained.slice(0, SHOWN_GROUPS)) {
    lines.push(`  unexplained ×${g.count}: ${oneLine(g.message, 100)} — e.g. ${oneLine(g.tests[0]?.name ?? '', 60)}`);
  }
  if (r.unexplained.length > SHOWN_GROUPS) lines.push(`  … and ${r.unexplained.length - SHOWN_GROUPS} more group(s)`);
  for (const d of r.regressions) lines.push(`  regression: ${d.id} is marked fixed but explains ${d.count} failure(s) (${d.file}:${d.line})`);
  for (const d of r.notSeen) lines.push(`  not seen in this run: ${d.id} (${d.file}:${d.line})`);
  for (const o of r.overlaps) lines.push(`  overlap: ${o.other} also matches ${o.count} failure(s) that ${o.winner} explains (${o.file}:${o.line})`);
  const rejected = r.diagnostics.filter((d) => d.severity === 'error');
  if (rejected.length) lines.push(`  ${rejected.length} input problem(s), e.g. ${rejected[0]!.file ?? ''}${rejected[0]!.line ? `:${rejected[0]!.line}` : ''}: ${rejected[0]!.message}`);
  for (const c of r.checks) lines.push(`${c.ok ? 'ok    ' : 'FAILED'} --${c.name}: ${c.message}`);
  lines.push(r.ok ? 'gate: passed' : `gate: FAILED (${r.failedChecks.map((n) => `--${n}`).join(', ')})`);
  // Each line is one line: names and messages from the results cannot start one of their own.
  return `${lines.map(printable).join('\n')}\n`;
}

// GitHub Actions workflow commands: `::error file=…,line=…,title=…::message`.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(level: 'error' | 'warning' | 'notice', message: string, props: { title: string; file?: string; line?: number }): string {
  const parts = [];
  if (props.file) parts.push(`file=${escapeProperty(props.file)}`);
  if (props.file && props.line) parts.push(`line=${props.line}`);
  parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level} ${parts.join(',')}::${escapeData(message)}`;
}

function githubAnnotations(r: CheckReport): string[] {
  const out: string[] = [];
  // GitHub shows the first ten annotations of each level: the broken thresholds come first.
  for (const c of r.checks.filter((c) => !c.ok)) out.push(annotation('error', c.message, { title: `Casebook gate: --${c.name}` }));
  const regressionLevel = r.checks.some((c) => c.name === 'fail-on-regression') ? 'error' : 'warning';
  for (const d of r.regressions) {
    out.push(annotation(regressionLevel, `${d.title}: marked fixed, yet it explains ${d.count} failure(s) in this run`, { title: `Regression: ${d.id}`, file: d.file, line: d.line }));
  }
  for (const g of r.unexplained) {
    const tests = g.tests.slice(0, 3).map((t) => t.name).join(', ');
    out.push(annotation('warning', `${g.message}\n${g.count} failure(s), e.g. ${tests}`, { title: `Unexplained failure ×${g.count}` }));
  }
  for (const d of r.diagnostics.filter((d) => d.code.startsWith('defect'))) {
    out.push(annotation(d.severity === 'error' ? 'error' : 'warning', d.message, { title: `Defect file: ${d.code}`, ...(d.file ? { file: d.file } : {}), ...(d.line ? { line: d.line } : {}) }));
  }
  for (const d of r.notSeen) out.push(annotation('notice', `${d.title}: open, yet no failure in this run matched it`, { title: `Not seen: ${d.id}`, file: d.file, line: d.line }));
  return out;
}
