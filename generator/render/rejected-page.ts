// The rejected-input page: every input file (or part of one) that could not be
// used, with the reason. A generator page (docs/decisions/site-pages.md).
import type { HtmlPage } from '../contract/frame.ts';
import { pluralize } from '../contract/view/format.ts';
import { type Diagnostic, rejectedOf } from '../diagnostics/diagnostic.ts';

export function renderRejected(diagnostics: readonly Diagnostic[], template: (view: object) => string): HtmlPage {
  const rows = rejectedOf(diagnostics);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const view = { rejected: pluralize(rows.length, 'file'), warnings: warnings ? pluralize(warnings, 'warning') : '', rows };
  return { title: 'Rejected input', navOpen: [], html: template(view), indexed: false };
}
