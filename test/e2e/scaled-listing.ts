// A long listing made from a real one: the arXiv /new fixture's entries repeated to `count`, each with its own
// id (synthetic scale, real markup). The benchmark and the browser tests of first-look annotation use it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './harness';

export function scaledArxivListing(count: number, idPrefix = '2303'): string {
  const html = readFileSync(path.join(FIXTURES, 'arxiv/list-new-astro-ph.SR.html'), 'utf8');
  const entries = [...html.matchAll(/<dt>[\s\S]*?<\/dd>/g)].map((m) => m[0]);
  const first = html.indexOf(entries[0]!);
  const last = html.lastIndexOf(entries.at(-1)!) + entries.at(-1)!.length;
  const body: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${idPrefix}.${String(10000 + i)}`;
    body.push(entries[i % entries.length]!.replace(/\d{4}\.\d{5}/g, id).replace(/name='item\d+'>\[\d+\]/, `name='item${i + 1}'>[${i + 1}]`));
  }
  // The page's scripts point at arxiv.org assets an offline test cannot load.
  return (html.slice(0, first) + body.join('\n') + html.slice(last)).replace(/<script\b[\s\S]*?<\/script>/g, '');
}
