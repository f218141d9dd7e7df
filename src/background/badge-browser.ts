// Sets a tab's toolbar badge (badge.ts) through the action API. Tab-specific badge values are cleared by the
// browser when the tab loads another page; a page changed in place sends its status again.
import browser from 'webextension-polyfill';
import type { PageStatus } from '../shared/page-report';
import { badgeFor } from './badge';

export function showPageStatus(tabId: number, status: PageStatus): void {
  const { text, color } = badgeFor(status);
  // A tab may close before its badge is set: nothing to do then.
  const ignore = () => undefined;
  void browser.action.setBadgeBackgroundColor({ tabId, color }).catch(ignore);
  void browser.action.setBadgeText({ tabId, text }).catch(ignore);
}
