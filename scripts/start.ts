// `npm start`: builds the extension and opens a visible Chromium with it loaded on a demo listing
// page (a real-page fixture served under its real URL, so the extension behaves as on the site).
import { execSync } from 'node:child_process';
import path from 'node:path';
import { CHROME_DIST, launchChromium, routeFixtures } from '../test/e2e/harness';

const DEMO_URL = 'https://huggingface.co/papers/date/2025-12-11';
const DEMO_PAGES = [{ url: 'https://huggingface.co/papers**', file: 'huggingface/daily-2025-12-11.html' }];

execSync('npm run --silent build', { stdio: 'inherit' });

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
Built the extension into ${path.relative(process.cwd(), CHROME_DIST)}/, but there is no display to open a browser on.
Load it by hand on a machine with a desktop:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", "Load unpacked", pick ${CHROME_DIST}
  Firefox:         npm run build:firefox, open about:debugging#/runtime/this-firefox,
                   "Load Temporary Add-on…", pick dist-firefox/manifest.json
Then visit ${DEMO_URL} (or any Hugging Face Papers / arXiv listing).`);
  process.exit(0);
}

const session = await launchChromium({ headless: false, viewport: null });
await routeFixtures(session.context, DEMO_PAGES);
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(DEMO_URL);
console.log(`Chromium is open on ${DEMO_URL} with Paperlight loaded (extension id ${session.extensionId}).`);
console.log('The page is a saved copy served locally; close the browser window to finish.');
await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
await session.close();
