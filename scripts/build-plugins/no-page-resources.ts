// A Vite plugin that leaves the built manifest with no `web_accessible_resources`. The crx plugin lists the
// script of a `?script` import (the generic fallback's content script, which the background registers at run
// time for the origins the user enabled) as reachable from every http(s) page; no page needs it, as the browser
// injects a registered script from the extension itself, and any page could fetch it to learn that Paperlight
// is installed. Runs after the bundle is written, so whichever plugin wrote the manifest, this is its last word.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export function noPageResources(): Plugin {
  let outDir = '';
  return {
    name: 'paperlight:no-page-resources',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const file = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (!('web_accessible_resources' in manifest)) return;
      delete manifest.web_accessible_resources;
      writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}
