// lazyComponent: the popup's editor and dialogs load after the first rows are painted, or when first used.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from '../../../src/ui/lazy';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
}

function Greeting({ name }: { name: string }) {
  return <p class="greeting">Hello, {name}</p>;
}

describe('lazyComponent', () => {
  it('renders nothing until its module is here, then the component with its props', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const Lazy = lazyComponent(() => arrived.then(() => Greeting));
    mount(<Lazy name="Ada" />);
    expect(root.innerHTML).toBe('');
    arrive();
    await vi.waitFor(() => expect(root.querySelector('.greeting')?.textContent).toBe('Hello, Ada'));
  });

  it('loads its module once, however often it is preloaded or mounted', async () => {
    const load = vi.fn(async () => Greeting);
    const Lazy = lazyComponent(load);
    await Promise.all([Lazy.preload(), Lazy.preload()]);
    mount(<div><Lazy name="one" /><Lazy name="two" /></div>);
    // Already loaded: rendered in the first pass, not after an effect.
    expect([...root.querySelectorAll('.greeting')].map((p) => p.textContent)).toEqual(['Hello, one', 'Hello, two']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const load = vi.fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValue(Greeting);
    const Lazy = lazyComponent(load);
    await expect(Lazy.preload()).rejects.toThrow('chunk missing');
    await Lazy.preload();
    mount(<Lazy name="again" />);
    expect(root.textContent).toBe('Hello, again');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
