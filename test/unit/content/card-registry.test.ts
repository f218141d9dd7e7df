import { beforeEach, describe, expect, it } from 'vitest';
import { CardRegistry, keysOf } from '../../../src/content/card-registry';
import type { CardEntry } from '../../../src/content/page-run';

function entry(element: Element, key: string, aliases: string[] = [], abstractEl?: Element): CardEntry {
  const card = { key, aliases, title: key, url: 'https://example.org/', authors: [], abstract: '', codeLinks: [], abstractEl };
  return { element, analysis: { card, titleMetrics: [], abstractMetrics: [], metrics: [], codeLinks: [], textLinks: [] }, anchors: [], signature: key };
}

describe('CardRegistry', () => {
  let entries: Map<Element, CardEntry>;
  let registry: CardRegistry;
  const add = (e: CardEntry) => {
    entries.set(e.element, e);
    registry.add(e);
    return e;
  };

  beforeEach(() => {
    document.body.textContent = '';
    entries = new Map();
    registry = new CardRegistry({ entries });
  });

  it('finds a card by its key and by each alias, and forgets it once removed', () => {
    const a = add(entry(document.createElement('article'), 'arxiv:2401.00001', ['doi:10.1000/a']));
    const b = add(entry(document.createElement('article'), 'doi:10.1000/a'));
    expect(keysOf(a)).toEqual(['arxiv:2401.00001', 'doi:10.1000/a']);
    expect(registry.withKeys(['doi:10.1000/a'])).toEqual(new Set([a, b]));
    expect(registry.withKeys(['arxiv:2401.00001'])).toEqual(new Set([a]));
    registry.remove(a);
    expect(registry.withKeys(['doi:10.1000/a', 'arxiv:2401.00001'])).toEqual(new Set([b]));
  });

  it('finds the card around a node: inside it, through a shadow host in it, and in an abstract kept beside it', () => {
    const card = document.createElement('dt');
    const link = document.createElement('a');
    const host = document.createElement('paperlight-card');
    card.append(link, host);
    const button = document.createElement('button');
    host.attachShadow({ mode: 'open' }).append(button);
    const abstract = document.createElement('dd');
    const sentence = document.createElement('span');
    abstract.append(sentence);
    document.body.append(card, abstract);
    const registered = add(entry(card, 'acl:2023.alta-1.1', [], abstract));
    expect(registry.around(link)).toBe(registered);
    expect(registry.around(button)).toBe(registered);
    expect(registry.around(sentence)).toBe(registered);
    expect(registry.around(document.body)).toBeUndefined();
    expect(registry.around(null)).toBeUndefined();
  });

  it('lists the cards in page order, whatever order they were annotated in', () => {
    const elements = ['first', 'second', 'third'].map((id) => {
      const element = document.createElement('article');
      element.id = id;
      document.body.append(element);
      return element;
    });
    add(entry(elements[2]!, 'url:c'));
    add(entry(elements[0]!, 'url:a'));
    add(entry(elements[1]!, 'url:b'));
    expect(registry.inPageOrder().map((e) => e.element.id)).toEqual(['first', 'second', 'third']);
    expect(registry.size).toBe(3);
  });
});
