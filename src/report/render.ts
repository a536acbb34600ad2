// Picks the renderer for --format.

import type { OutputFormat } from '../checks/types.js';
import { RULES } from '../rules/catalog.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Report } from './types.js';

export interface RenderOptions {
  color: boolean;
  /** cwd relative to the repository root: SARIF and markdown name files repository-relative. */
  pathPrefix?: string;
}

export function render(report: Report, format: OutputFormat, opts: RenderOptions): string {
  const paths = opts.pathPrefix ? { pathPrefix: opts.pathPrefix } : {};
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(report, paths);
    case 'sarif':
      return renderSarif(report, { ...paths, rules: RULES });
    case 'text':
      return renderText(report, opts);
  }
}
