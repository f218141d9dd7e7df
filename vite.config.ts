import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export const GECKO_ID = 'paperlight@paperlight.dev';
const CONTENT_ENTRY = 'src/content/index.ts';

// One manifest, two builds:
//   `vite build`                 -> dist/          (Chrome: background.service_worker)
//   `vite build --mode firefox`  -> dist-firefox/  (Firefox: background.scripts + gecko id)
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const firefoxManifest: ManifestV3Export = {
    ...manifest,
    // crxjs adds `type: "module"` to the Firefox background itself.
    background: { scripts: [manifest.background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
  return {
    plugins: [
      crx({
        manifest: firefox ? firefoxManifest : manifest,
        browser: firefox ? 'firefox' : 'chrome',
        // A self-contained IIFE content script: no loader hop and no web_accessible_resources,
        // so pages cannot fingerprint the extension by fetching its chunks.
        contentScripts: { standaloneFiles: [CONTENT_ENTRY] },
      }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: firefox ? 'firefox142' : 'chrome120',
      // Readable stack traces from users' bug reports are worth more than a few KB.
      sourcemap: false,
    },
  };
});
