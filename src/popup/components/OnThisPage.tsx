// "On this page": the cards of the page the popup was opened over, as its content script reports them, with how
// many are saved; each card not saved yet is one click (or Enter) to save, through its tab, exactly as the card's
// own Save button would. The list folds away to one line (remembered for the next time the popup opens).
import { useState } from 'preact/hooks';
import { pure } from '../../ui/pure';
import { count } from '../../ui/text';
import { STATUS_LABELS } from '../format';
import { pageSummary } from '../page-cards';
import type { PageView } from '../state';

/** Where the folded state is kept (the popup's own storage: nothing a page can read). */
const FOLDED_KEY = 'paperlight:on-this-page-folded';

function wasFolded(): boolean {
  try {
    return localStorage.getItem(FOLDED_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberFolded(folded: boolean): void {
  try {
    if (folded) localStorage.setItem(FOLDED_KEY, '1');
    else localStorage.removeItem(FOLDED_KEY);
  } catch {
    // Storage refused (a private window): the popup simply opens unfolded next time.
  }
}

export const OnThisPage = pure(function OnThisPage({ page, onSave }: { page: PageView; onSave(key: string): void }) {
  const [folded, setFolded] = useState(wasFolded);
  const { papers, saved } = pageSummary(page.cards);
  return (
    <section class="on-page" aria-label="On this page">
      <div class="on-page-line">
        <button
          type="button"
          class="on-page-toggle"
          aria-expanded={!folded}
          aria-controls="on-page-cards"
          disabled={papers === 0}
          onClick={() => {
            rememberFolded(!folded);
            setFolded(!folded);
          }}
        >
          <span class="on-page-caret" aria-hidden="true" />
          <span class="on-page-summary">On this page: {count(papers, 'paper')} · {saved} saved</span>
        </button>
        {/* A page with no card yet may still be rendering them (`healthPending`): not "0 papers" as a verdict. */}
        {(!page.settled || page.healthPending) && <span class="loading-note">still reading the page…</span>}
      </div>
      {!folded && papers > 0 && (
        <ul id="on-page-cards" class="on-page-cards" aria-label="Papers on this page">
          {page.cards.map((card, i) => {
            const title = card.title || card.key;
            const saving = page.saving.has(card.key);
            return (
              // A page may list the same paper twice: the position keeps the items apart.
              <li key={`${i}:${card.key}`} class={card.saved ? 'saved' : undefined} data-key={card.key}>
                <span class="on-page-title" title={title}>{title}</span>
                {card.saved && card.status ? (
                  <span class={`status-pill status-${card.status}`}><span class="sr-only">Saved, </span>{STATUS_LABELS[card.status]}</span>
                ) : (
                  <button type="button" class="button quiet on-page-save" disabled={saving} aria-label={`Save “${title}”`} onClick={() => onSave(card.key)}>
                    {saving ? 'Saving…' : 'Save'}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
