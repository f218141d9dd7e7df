// Card visibility: each source (filter strip, rules, seen-dimming, the `x` key) keeps its own set, and the page's
// stylesheet gets their union by key, written only when it changes.
import { beforeEach, describe, expect, it } from 'vitest';
import { cardVisibility, type CardVisibility } from '../../../src/content/features/card-visibility';
import type { CardEntry } from '../../../src/content/page-run';
import type { ContentPage, PageEvents } from '../../../src/content/session';

function entry(key: string): CardEntry {
  const element = document.createElement('article');
  document.body.append(element);
  const card = { key, aliases: [], title: key, url: 'https://example.org/', authors: [], abstract: '', codeLinks: [] };
  return { element, analysis: { card, titleMetrics: [], abstractMetrics: [], metrics: [], codeLinks: [], textLinks: [] }, anchors: [], signature: key };
}

let styled: Array<[string[], string[]]>;
let gone: (entry: CardEntry) => void;
let lifetime: AbortController;
let visibility: CardVisibility;

beforeEach(() => {
  document.body.innerHTML = '';
  styled = [];
  lifetime = new AbortController();
  const page = {
    signal: lifetime.signal,
    pageStyle: { styleCards: (hidden: readonly string[], dimmed: readonly string[]) => styled.push([[...hidden], [...dimmed]]) },
    emit: () => undefined,
    on<K extends keyof PageEvents>(event: K, listener: (value: PageEvents[K]) => void) {
      if (event === 'cardGone') gone = listener as (entry: CardEntry) => void;
    },
  } as unknown as ContentPage;
  visibility = cardVisibility(page);
});

describe('cardVisibility', () => {
  it('hides and dims the union of every source, by key, and says why nothing else', () => {
    const [a, b, c] = [entry('arxiv:1'), entry('arxiv:2'), entry('arxiv:3')];
    visibility.set('rules', 'hide', [b]);
    visibility.add('keyboard', 'hide', a);
    visibility.set('seen', 'dim', [c, b]);
    expect(styled.at(-1)).toEqual([['arxiv:1', 'arxiv:2'], ['arxiv:2', 'arxiv:3']]);
    expect([a, b, c].map((e) => [visibility.hidden(e), visibility.dimmed(e)])).toEqual([[true, false], [true, true], [false, true]]);
    expect([a, b, c].map((e) => visibility.visible(e))).toEqual([false, false, true]);
  });

  it('replaces one source\'s set without touching the others', () => {
    const [a, b] = [entry('acl:1'), entry('acl:2')];
    visibility.set('filter', 'hide', [a, b]);
    visibility.set('rules', 'hide', [b]);
    visibility.set('filter', 'hide', []);
    expect(styled.at(-1)).toEqual([['acl:2'], []]);
    expect(visibility.hidden(a)).toBe(false);
  });

  it('forgets a card that left the page, and shows every card again when the session stops', () => {
    const a = entry('openreview:x');
    visibility.add('keyboard', 'hide', a);
    gone(a);
    expect(styled.at(-1)).toEqual([[], []]);
    expect(visibility.hidden(a)).toBe(false);
    visibility.set('seen', 'dim', [entry('openreview:y')]);
    lifetime.abort();
    expect(styled.at(-1)).toEqual([[], []]);
  });

  it('counts a card taken out of the page as not visible', () => {
    const a = entry('arxiv:9');
    a.element.remove();
    expect(visibility.visible(a)).toBe(false);
  });
});
