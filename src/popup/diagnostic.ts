// The site-health diagnostic the popup copies for a bug report when a site's page shows no card it should:
// which adapter read the page, this extension's version, the page's address without its query string (search
// terms stay private) and how many elements each of the adapter's selectors matched. Nothing is sent anywhere:
// the user pastes it where they choose.
import type { PageReport } from '../shared/page-report';

/** `url` without its query string and fragment. */
export function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

export function diagnosticText(report: PageReport, version: string): string {
  const lines = [
    'Paperlight site-health diagnostic',
    `adapter: ${report.adapter}`,
    `version: ${version}`,
    `url: ${withoutQuery(report.url)}`,
    `cards recognised: ${report.cards.length}`,
    'selectors (elements matched):',
    ...(report.selectors ?? []).map(({ name, selector, count }) => `  ${name}: ${count < 0 ? 'invalid selector' : count}  ${selector}`),
  ];
  return `${lines.join('\n')}\n`;
}
