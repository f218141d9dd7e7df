// The shield's content script (shield/shield.ts): injected at document_start, before any script of the page,
// wherever a site's content script runs (the manifest's entries, src/sites/build-outputs.ts; the generic
// fallback's registration, src/background/generic-sites.ts).
import { shieldRegistry } from './shield/registry';
import { installShield } from './shield/shield';

installShield(shieldRegistry());
