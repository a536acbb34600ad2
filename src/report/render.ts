// Picks the renderer for --format.

import type { OutputFormat } from '../checks/types.js';
import { renderText } from './text.js';
import type { Report } from './types.js';

export function render(report: Report, format: OutputFormat, opts: { color: boolean }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'text':
      return renderText(report, opts);
    default:
      throw new Error(`format ${format} is not available yet`);
  }
}
