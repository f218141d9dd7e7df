// `npm start`: builds the extension and opens a visible Chromium with it loaded on a demo listing
// page (a fixture page served under the URL it stands for, so the extension behaves as on the site;
// docs/fixtures.md says how each page was made).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CHROME_DIST, CHROMIUM_PATH, FIXTURES, exactUrl, launchChromium, routeFixtures } from '../test/e2e/harness';

const DEMO_URL = 'https://huggingface.co/papers/date/2025-12-11';

/** Every fixture page of every site, under the URL it stands for (from its .expected.json). */
function demoPages(): Array<{ url: string; file: string }> {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(path.join(FIXTURES, dir.name))
      .filter((name) => name.endsWith('.expected.json'))
      .map((name) => {
        const { url } = JSON.parse(readFileSync(path.join(FIXTURES, dir.name, name), 'utf8')) as { url: string };
        return { url, file: `${dir.name}/${name.replace(/\.expected\.json$/, '.html')}` };
      }));
}

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

if (!existsSync(CHROMIUM_PATH)) {
  console.log(`\nNo Chromium at ${CHROMIUM_PATH}: install it (\`sudo apt-get install -y chromium\`, or \`bash .ci/run\`, which also runs\nevery test), or point CHROMIUM_PATH at a Chromium or Chrome binary, then run \`npm start\` again.`);
  process.exit(1);
}

const session = await launchChromium({ headless: false, viewport: null });
const pages = demoPages();
await routeFixtures(session.context, pages.map(({ url, file }) => ({ url: exactUrl(url), file })));
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(DEMO_URL);
console.log(`Chromium is open on ${DEMO_URL} with Paperlight loaded (extension id ${session.extensionId}).`);
console.log('These fixture pages (reconstructions of each site, see docs/fixtures.md) are served locally under');
console.log('the URLs they stand for (nothing else is reachable):');
for (const { url } of pages) console.log(`  ${url}`);
console.log('Close the browser window to finish.');
await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
await session.close();
