// A card's code links as the reader gets them: the links its adapter read in the page (on the card, in the site's
// data), made canonical by the background, and the ones it finds written in the abstract (`findInCard`, the
// `analyseCards` answer), GitHub first, each with where it was found. Adapters hand over links as the page gives
// them; tests that state canonical links compare this.
import { findInCard } from '../../../src/core/card-findings';
import type { PaperCard } from '../../../src/sites/types';

export function withCodeFindings<C extends PaperCard>(card: C): C {
  const { codeLinks: found } = findInCard(card);
  const { codeLinks: _links, codeSources: _sources, ...rest } = card;
  const withLinks = { ...rest, codeLinks: found.map((link) => link.url) } as C;
  if (found.length > 0) withLinks.codeSources = Object.fromEntries(found.map((link) => [link.url, link.source ?? 'card-link']));
  return withLinks;
}
