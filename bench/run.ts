// `npm run bench`: runs every bench/*.bench.ts in turn and prints one JSON object on stdout: the
// merged top-level sections each bench returns (each bench names its own sections, e.g. `bundle`). Progress goes to stderr so stdout stays parseable.
// Budgets are ratios against a baseline measured in the same run (machines are noisy).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
const results: Record<string, unknown> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench ${name}…\n`);
  // eslint-disable-next-line no-unsanitized/method -- a file of this folder, not page input
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    default: () => Promise<Record<string, unknown>>;
  };
  Object.assign(results, await module.default());
}
console.log(JSON.stringify(results, null, 2));
