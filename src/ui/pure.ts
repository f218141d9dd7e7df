// `pure(Component)`: re-renders only when a prop changed (shallow comparison), like React.memo, without pulling
// in preact/compat. Used where a parent re-renders on every keystroke but most children stay the same.
import { Component, h, type ComponentType } from 'preact';
import { useRef } from 'preact/hooks';

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is(a[key], b[key]));
}

export function pure<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props as Record<string, unknown>, next as Record<string, unknown>);
    }
    override render() {
      return h(Inner as ComponentType<object>, this.props);
    }
  }
  (Pure as { displayName?: string }).displayName = `pure(${Inner.displayName ?? Inner.name})`;
  return Pure as unknown as ComponentType<P>;
}

/** A function whose identity never changes but which always runs the latest `fn` (for props of pure children). */
export function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  const stable = useRef((...args: A) => latest.current(...args));
  return stable.current;
}
