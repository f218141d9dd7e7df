import { useLayoutEffect, useState } from 'preact/hooks';
import type { PopupState, StateContainer } from './state';

/** The container's state, re-rendering the component after each change. */
export function useContainerState(container: StateContainer): PopupState {
  const [state, setState] = useState(container.getState());
  // Subscribed right after the first render (not after the first paint, as useEffect would): the first page's
  // answer can arrive before then.
  useLayoutEffect(() => {
    const unsubscribe = container.subscribe(() => setState(container.getState()));
    setState(container.getState()); // a change may have landed between the first render and this subscription
    return unsubscribe;
  }, [container]);
  return state;
}
