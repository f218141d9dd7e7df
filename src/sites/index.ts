// The adapter registry: adding a site is one line here (plus its file and fixtures).
import type { SiteAdapter } from './types';
import { urlMatches } from './match-pattern';
import { huggingface } from './huggingface';
import { arxiv } from './arxiv';
import { openreview } from './openreview';
import { alphaxiv } from './alphaxiv';
import { scholar } from './scholar';
import { semanticscholar } from './semanticscholar';
import { acl } from './acl';
import { cvf } from './cvf';
import { pmlr } from './pmlr';
import { neurips } from './neurips';
import { dblp } from './dblp';
import { biorxiv } from './biorxiv';
import { generic } from './generic';

export type { SiteAdapter, PaperCard } from './types';

export const adapters: readonly SiteAdapter[] = [
  huggingface,
  arxiv,
  openreview,
  alphaxiv,
  scholar,
  semanticscholar,
  acl,
  cvf,
  pmlr,
  neurips,
  dblp,
  biorxiv,
  generic,
];

/** The adapter whose match patterns claim `url`, if any. */
export function adapterFor(url: string): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.matches.some((pattern) => urlMatches(url, pattern)));
}
