// Only real input drives the content script's preact UI: once installed, every `on…` handler of every element
// ignores events a script made (happy-dom's events, like a page's `dispatchEvent`, are not trusted).
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TagField } from '../../../src/ui/TagField';
import { acceptOnlyTrustedEvents, trusted } from '../../../src/content/trusted-events';

/** An event as the browser makes it from real input (`isTrusted` is read-only in browsers, not here). */
function real<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

function mount(node: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return (root = container);
}

describe('trusted', () => {
  it('calls the handler for real events only', () => {
    const seen: string[] = [];
    const handler = trusted((event: Event) => seen.push(event.type));
    handler(new Event('click'));
    handler(real(new Event('keydown')));
    expect(seen).toEqual(['keydown']);
  });
});

describe('acceptOnlyTrustedEvents', () => {
  acceptOnlyTrustedEvents();

  it('makes every handler of rendered elements ignore synthetic events, and take real ones', () => {
    const clicks: string[] = [];
    const container = mount(
      <div onKeyDown={() => clicks.push('keydown')}>
        <button onClick={() => clicks.push('save')}>Save</button>
        <select onChange={() => clicks.push('status')}><option>a</option></select>
      </div>,
    );
    const button = container.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    container.querySelector('select')!.dispatchEvent(new Event('change', { bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(clicks).toEqual([]);
    button.dispatchEvent(real(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(clicks).toEqual(['save', 'keydown']);
  });

  it('covers shared components too: a synthetic Enter in the tag field adds no tag, a real one does', () => {
    const added: string[] = [];
    const container = mount(<TagField id="t" label="Add a tag" tags={[]} onAdd={(tag) => added.push(tag)} />);
    const input = container.querySelector('input')!;
    input.value = 'planted';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(added).toEqual([]);
    input.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(added).toEqual(['planted']);
  });
});
