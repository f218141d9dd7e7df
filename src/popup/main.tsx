// The popup page: state, controller and browser access wired together, then the first page asked for at once.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { onChange, send } from '../shared/client';
import { downloadText } from '../ui/download';
import '../ui/theme.css';
import './popup.css';
import { App } from './App';
import { PopupController } from './controller';
import { createStore } from './state';

/** When the page's modules have loaded and the app starts (the bench splits the first paint at this point). */
performance.mark('paperlight:popup-start');

// A toolbar popup is never wider than 800 px; wider, or asked for with ?tab, the page fills a tab.
const inTab = new URLSearchParams(location.search).has('tab') || window.innerWidth > 800;
document.documentElement.classList.toggle('in-tab', inTab);

const store = createStore();
const controller = new PopupController(store, {
  send,
  onChange,
  download: downloadText,
  async openTab(url) {
    await browser.tabs.create({ url });
  },
});
void controller.start();
addEventListener('pagehide', () => controller.stop());

// Site names come with the adapters: loaded once the first page is shown, so they do not delay it.
const root = document.getElementById('app')!;
const draw = (siteNames: ReadonlyMap<string, string>) =>
  render(
    <App
      store={store}
      controller={controller}
      inTab={inTab}
      siteNames={siteNames}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openInTab={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html?tab') });
        window.close();
      }}
    />,
    root,
  );
draw(new Map());
const stopWaiting = store.subscribe(() => {
  if (store.getState().phase === 'loading') return;
  stopWaiting();
  void import('../sites/index').then(({ adapters }) => draw(new Map(adapters.map((adapter) => [adapter.id, adapter.name]))));
});
