// A component whose code loads on first use, or earlier with `preload` (the popup preloads its editor and
// dialogs once the first rows are on screen). Renders nothing until its module is here; preact/compat's
// `lazy` would need Suspense and the compat layer for the same.
import { h, type ComponentType, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyComponent<P> {
  (props: P): VNode | null;
  /** Starts loading the module (once; again after a failure); resolves when the component can render. */
  preload(): Promise<void>;
}

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => void (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  function Lazy(props: P): VNode | null {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (!loaded) preload().then(() => setReady(true), () => {});
    }, []);
    return loaded ? h(loaded as ComponentType<object>, props) : null;
  }
  Lazy.preload = preload;
  return Lazy;
}
