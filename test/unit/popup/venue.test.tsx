// Where a saved paper was published, in the popup: its row names the venue, its editor links the venue's page
// (only an http(s) page; anything else stays text).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedPaper, Venue } from '../../../src/core/paper';
import { PaperEditor } from '../../../src/popup/components/PaperEditor';
import { PaperRow } from '../../../src/popup/components/PaperRow';
import { sampleLibrary } from './sample-library';

const NEURIPS: Venue = { name: 'NeurIPS 2023', year: 2023, url: 'https://proceedings.neurips.cc/paper/2023/hash/abc-Abstract.html', key: 'url:https://proceedings.neurips.cc/paper/2023/hash/abc-Abstract.html' };
const ICLR: Venue = { name: 'ICLR 2024', year: 2024, url: 'https://openreview.net/forum?id=Xy1', key: 'openreview:Xy1', decision: 'oral' };

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const noop = () => {};
const withVenues = (venues: Venue[]): SavedPaper => ({ ...sampleLibrary(1)[0]!, venues });

function row(paper: SavedPaper) {
  render(<PaperRow paper={paper} index={0} setSize={1} active={false} selected={false} siteName="arXiv" onPointer={noop} onToggle={noop} onOpen={noop} />, container);
  return container.querySelector('.chip.venue');
}

function editor(paper: SavedPaper) {
  render(
    <PaperEditor paper={paper} siteName="arXiv" tags={[]} focusTags={false} onEdit={async () => undefined} onOpen={noop} onDelete={noop} onClose={noop} />,
    container,
  );
  return container.querySelector('.editor-venue');
}

describe('a paper\'s published version in the popup', () => {
  it('is named in the row: the latest venue', () => {
    expect(row(withVenues([NEURIPS, ICLR]))?.textContent).toBe('ICLR 2024');
    expect(row(withVenues([]))).toBeNull();
  });

  it('is linked in the editor, with the decision the venue page showed', () => {
    const line = editor(withVenues([NEURIPS, ICLR]));
    expect(line?.textContent).toBe('Published at ICLR 2024 (oral)');
    expect(line?.querySelector('a')?.getAttribute('href')).toBe('https://openreview.net/forum?id=Xy1');
    expect(editor(withVenues([]))).toBeNull();
  });

  it('is text, not a link, when its page is not a web page', () => {
    const line = editor(withVenues([{ ...NEURIPS, url: 'javascript:alert(1)' }]));
    expect(line?.textContent).toBe('Published at NeurIPS 2023');
    expect(line?.querySelector('a')).toBeNull();
  });
});
