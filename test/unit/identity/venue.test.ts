// The venues list of a record: adding a published version and picking the one to show.
import { describe, expect, it } from 'vitest';
import { VENUE_DECISIONS, latestVenue, withVenue } from '../../../src/core/identity';
import type { Venue } from '../../../src/core/identity';

// ICML 2024 paper achituve24a as PMLR v235 and the OpenReview venue page show it (test/fixtures).
const PMLR: Venue = {
  name: 'ICML 2024 (PMLR 235)',
  year: 2024,
  url: 'https://proceedings.mlr.press/v235/achituve24a.html',
  key: 'openreview:GiHo83ozsF',
};
const OPENREVIEW: Venue = {
  name: 'ICML 2024',
  year: 2024,
  url: 'https://openreview.net/forum?id=GiHo83ozsF',
  key: 'openreview:GiHo83ozsF',
  decision: 'poster',
};
// Made up: a workshop version a year earlier.
const WORKSHOP: Venue = { name: 'ICML 2023 (Workshop X)', year: 2023, url: 'https://openreview.net/forum?id=AAAAAAAAAA', key: 'openreview:AAAAAAAAAA' };

describe('withVenue', () => {
  it('adds a version from another page, keeping the order first seen', () => {
    expect(withVenue([PMLR], OPENREVIEW)).toEqual([PMLR, OPENREVIEW]);
    expect(withVenue([], PMLR)).toEqual([PMLR]);
  });

  it('replaces the entry of the same page instead of adding a second one', () => {
    const renamed = { ...PMLR, name: 'ICML 2024 (PMLR 235) renamed' };
    expect(withVenue([PMLR, OPENREVIEW], renamed)).toEqual([renamed, OPENREVIEW]);
  });

  it('keeps a decision already known when the new reading of the page shows none', () => {
    const { decision: _known, ...withoutDecision } = OPENREVIEW;
    expect(withVenue([OPENREVIEW], withoutDecision)).toEqual([OPENREVIEW]);
    expect(withVenue([OPENREVIEW], { ...OPENREVIEW, decision: 'oral' })).toEqual([{ ...OPENREVIEW, decision: 'oral' }]);
  });

  it('does not change the list it is given', () => {
    const venues = [PMLR];
    withVenue(venues, OPENREVIEW);
    expect(venues).toEqual([PMLR]);
  });

  it('starts a list when the record has none (an older record, a bad backup)', () => {
    expect(withVenue(undefined as unknown as Venue[], PMLR)).toEqual([PMLR]);
  });
});

describe('latestVenue', () => {
  it('picks the latest year, and of equal years the one seen last', () => {
    expect(latestVenue([WORKSHOP, PMLR])).toBe(PMLR);
    expect(latestVenue([PMLR, WORKSHOP])).toBe(PMLR);
    expect(latestVenue([PMLR, OPENREVIEW])).toBe(OPENREVIEW);
    expect(latestVenue([])).toBeUndefined();
    expect(latestVenue(undefined)).toBeUndefined();
  });
});

it('lists the three OpenReview decisions', () => {
  expect(VENUE_DECISIONS).toEqual(['oral', 'spotlight', 'poster']);
});
