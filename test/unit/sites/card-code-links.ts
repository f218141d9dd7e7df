// A card's code links as the reader gets them: the ones its adapter read in the page (links on the card, the
// site's data) and the ones the background finds written in its abstract with its metrics (`findInCard`, the
// `analyseCards` answer), canonical, GitHub first, each with where it was found.
import { findInCard } from '../../../src/core/card-findings';
import type { PaperCard } from '../../../src/sites/types';

export function withAbstractLinks<C extends PaperCard>(card: C): C {
  const { codeLinks: found } = findInCard(card);
  const { codeLinks: _links, codeSources: _sources, ...rest } = card;
  const withLinks = { ...rest, codeLinks: found.map((link) => link.url) } as C;
  if (found.length > 0) withLinks.codeSources = Object.fromEntries(found.map((link) => [link.url, link.source ?? 'card-link']));
  return withLinks;
}
