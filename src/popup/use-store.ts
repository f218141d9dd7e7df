import { useEffect, useState } from 'preact/hooks';
import type { PopupState, Store } from './state';

/** The store's state, re-rendering the component after each change. */
export function useStoreState(store: Store): PopupState {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setState(store.getState()));
    setState(store.getState()); // a change may have landed between the first render and this subscription
    return unsubscribe;
  }, [store]);
  return state;
}
