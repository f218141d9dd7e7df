import { useLayoutEffect, useState } from 'preact/hooks';
import type { PopupState, Store } from './state';

/** The store's state, re-rendering the component after each change. */
export function useStoreState(store: Store): PopupState {
  const [state, setState] = useState(store.getState());
  // Subscribed right after the first render (not after the first paint, as useEffect would): the first page's
  // answer can arrive before then.
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(() => setState(store.getState()));
    setState(store.getState()); // a change may have landed between the first render and this subscription
    return unsubscribe;
  }, [store]);
  return state;
}
