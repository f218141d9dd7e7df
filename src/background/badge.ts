// The toolbar badge of a tab: how many papers Paperlight recognised on its page, or "!" when a page a site
// adapter claims has settled with none (the site's layout may have changed; the popup explains). A page that
// says it has no papers (no results, a captcha) and a page still loading show nothing, nor does a page with no card
// yet that may still be rendering them (`healthPending`, the first SETTLE_MS: src/shared/page-report.ts).
import type { PageStatus } from '../shared/page-report';

export interface Badge {
  text: string;
  /** Background colour (CSS). */
  color: string;
}

export const BADGE_WARNING = '!';
const COUNT_COLOR = '#3f5f9f';
const WARNING_COLOR = '#c0392b';

export function badgeFor(status: PageStatus): Badge {
  if (status.health === 'no-cards' && !status.healthPending) return { text: BADGE_WARNING, color: WARNING_COLOR };
  if (status.health === 'empty' || status.cards === 0) return { text: '', color: COUNT_COLOR };
  // The badge has room for about four characters.
  return { text: status.cards > 999 ? '999+' : String(status.cards), color: COUNT_COLOR };
}
