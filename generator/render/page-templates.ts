// Every template a generate run renders with: the Markdown ones (Astro's
// pages) and the HTML ones (the pages the generator renders itself), each the
// user's copy when their templates folder has one. A user's copy of a template
// that is no longer used is a warning.
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import { type HtmlTemplates, loadHtmlTemplates, obsoleteTemplates } from './html-templates.ts';
import { loadTemplates, type Templates } from './templates.ts';

export interface PageTemplates {
  markdown: Templates;
  html: HtmlTemplates;
}

export async function loadPageTemplates(overrideDir: string | undefined, diagnostics: DiagnosticSink): Promise<PageTemplates> {
  const [markdown, html] = await Promise.all([loadTemplates(overrideDir), loadHtmlTemplates(overrideDir)]);
  for (const t of await obsoleteTemplates(overrideDir)) {
    diagnostics.report({
      severity: 'warning',
      code: 'template/obsolete',
      message: `this template is no longer used: the page is HTML now, made from ${t.replacedBy}`,
      file: t.file,
      hint: `copy generator/render/templates/${t.replacedBy} into the templates folder and change that instead`,
      rejected: false,
    });
  }
  return { markdown, html };
}
