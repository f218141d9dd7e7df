// Builds gold.json from the two seed pages (test/data/seeds), the fixture abstracts beside this file
// and the hand annotations of both.
//   npx tsx test/data/metrics-gold/build.ts
// The annotations are written by hand against docs/metrics.md; this script only does the
// bookkeeping its section 7 describes: it finds each annotated text in its abstract,
// computes start/end and `occurrence`, reads `value`/`rangeLow` from the text unless the annotation
// gives them, and extracts code links. It never calls the extractor.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { METRIC_KINDS, type MetricKind } from '../../../src/core/metric-types';

const HERE = import.meta.dirname;
const SEEDS = path.resolve(HERE, '../seeds');
const SEED_FILES = ['000_fbf70607fd46e877.txt', '001_b3fa1ac227a7ab4a.txt'];
const FIXTURE_ABSTRACTS = 'fixture-abstracts.txt';
const ANNOTATION_FILES = ['annotations-000.txt', 'annotations-001.txt', 'annotations-fixtures.txt'];

/**
 * Seed papers whose index % 3 === 2 were set aside before the extractor was written or tuned; the
 * fixture batch was annotated later, before the extractor ever ran on it, and is held back whole.
 */
const isHeldBack = (p: RawPaper) => p.batch === 'fixtures' || p.index % 3 === 2;

export interface GoldSpan {
  text: string;
  occurrence: number;
  start: number;
  end: number;
  kind: MetricKind;
  value: number;
  unit: string;
  label: string;
  upTo: boolean;
  qualifier: string;
  rangeLow: number | null;
}

export interface GoldPaper {
  id: string;
  /** 'seeds': the two Hugging Face pages; 'fixtures': abstracts from the site fixtures (all held back). */
  batch: 'seeds' | 'fixtures';
  seed: string;
  index: number;
  line: number;
  subset: string;
  split: 'tune' | 'heldback';
  title: string;
  abstract: string;
  spans: GoldSpan[];
  verbalSpans: GoldSpan[];
  github: string[];
  otherCode: string[];
}

interface RawPaper {
  batch: GoldPaper['batch'];
  /** The id prefix: the seed's number, or "fix". */
  prefix: string;
  seed: string;
  index: number;
  line: number;
  title: string;
  abstract: string;
}

/** 000: two header lines, then title/abstract line pairs ("Subscribe" glued to the first title). */
function parseSearchPage(seed: string, text: string): RawPaper[] {
  const lines = text.split('\n');
  const papers: RawPaper[] = [];
  for (let i = 2; i + 1 < lines.length; i += 2) {
    const title = i === 2 ? lines[i].replace(/^Subscribe/, '') : lines[i];
    if (!title) continue;
    papers.push({ batch: 'seeds', prefix: seed.slice(0, 3), seed, index: papers.length, line: i + 2, title, abstract: lines[i + 1] });
  }
  return papers;
}

/** 001: title, blank, abstract, blank, "  • N authors", then dates and votes. */
function parseDailyPage(seed: string, text: string): RawPaper[] {
  const lines = text.split('\n');
  const papers: RawPaper[] = [];
  lines.forEach((line, i) => {
    if (/^\s+• \d+ authors?$/.test(line)) {
      papers.push({ batch: 'seeds', prefix: seed.slice(0, 3), seed, index: papers.length, line: i - 1, title: lines[i - 4], abstract: lines[i - 2] });
    }
  });
  return papers;
}

/** fixture-abstracts.txt: "@ fix#N | key | fixture file", title, abstract, blank; "#" lines are comments. */
function parseFixtureAbstracts(file: string, text: string): RawPaper[] {
  const lines = text.split('\n');
  const papers: RawPaper[] = [];
  lines.forEach((line, i) => {
    const header = /^@ fix#(\d+) \| /.exec(line);
    if (!header) return;
    if (Number(header[1]) !== papers.length) throw new Error(`${file}:${i + 1}: expected fix#${papers.length}`);
    papers.push({ batch: 'fixtures', prefix: 'fix', seed: file, index: papers.length, line: i + 3, title: lines[i + 1], abstract: lines[i + 2] });
  });
  return papers;
}

interface Annotation {
  text: string;
  kind: MetricKind;
  unit: string;
  label: string;
  qualifier: string;
  options: Map<string, string>;
}

function parseAnnotations(text: string, file: string): Map<string, Annotation[]> {
  const byPaper = new Map<string, Annotation[]>();
  let current: Annotation[] | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const header = /^# ((?:\d{3}|fix)#\d+)$/.exec(line);
    if (header) {
      current = [];
      if (byPaper.has(header[1])) throw new Error(`${file}:${i + 1}: ${header[1]} annotated twice`);
      byPaper.set(header[1], current);
      return;
    }
    if (!line || line.startsWith('#')) return;
    if (!current) throw new Error(`${file}:${i + 1}: span before any paper header`);
    const [spanText, kind, unit, label, qualifier = '', options = ''] = line.split('|').map((f) => f.trim());
    if (!METRIC_KINDS.includes(kind as MetricKind)) throw new Error(`${file}:${i + 1}: bad kind ${kind}`);
    if (!label) throw new Error(`${file}:${i + 1}: missing label`);
    const opts = new Map<string, string>();
    for (const opt of options.split(/\s+/).filter(Boolean)) {
      const [key, value = ''] = opt.split('=');
      opts.set(key, value);
    }
    current.push({ text: spanText, kind: kind as MetricKind, unit: unit ?? '', label, qualifier, options: opts });
  });
  return byPaper;
}

/** Offsets of every match found by repeated indexOf(text, previous + 1), as docs/metrics.md counts occurrences. */
function allMatches(abstract: string, text: string): number[] {
  const found: number[] = [];
  for (let at = abstract.indexOf(text); at !== -1; at = abstract.indexOf(text, at + 1)) found.push(at);
  return found;
}

/** A match that is not part of a longer number (so "3%" never lands inside "16.3%"). */
function isStandalone(abstract: string, start: number, end: number): boolean {
  const before = abstract[start - 1] ?? ' ';
  const after = abstract[end] ?? ' ';
  return !/[0-9.]/.test(before) && !/[0-9]/.test(after);
}

/** The numbers a span states, skipping digits glued to a word ("top-1", "1024times1024" after "times"). */
function statedNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const m of text.matchAll(/\d+(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+/g)) {
    const before = text[m.index - 1] ?? '';
    const beforeThat = text[m.index - 2] ?? '';
    if (/[A-Za-z]/.test(before) || (before === '-' && /[A-Za-z]/.test(beforeThat))) continue;
    numbers.push(Number(m[0].replace(/,/g, '')));
  }
  return numbers;
}

function toSpan(abstract: string, a: Annotation, searchFrom: number, where: string): GoldSpan {
  const matches = allMatches(abstract, a.text);
  let start: number | undefined;
  if (a.options.has('@')) {
    start = matches[Number(a.options.get('@'))];
  } else {
    start = matches.find((s) => s >= searchFrom && isStandalone(abstract, s, s + a.text.length));
  }
  if (start === undefined) throw new Error(`${where}: "${a.text}" not found after offset ${searchFrom}`);
  const numbers = statedNumbers(a.text);
  const given = a.options.get('v');
  const value = given !== undefined ? Number(given) : Math.max(...numbers);
  const low = a.options.get('lo');
  const rangeLow = low !== undefined ? Number(low) : given === undefined && numbers.length === 2 ? Math.min(...numbers) : null;
  if (!Number.isFinite(value)) throw new Error(`${where}: no value in "${a.text}"`);
  const upTo = a.options.has('upTo') || (/^up ?to$/i.test(a.qualifier) && !a.options.has('noUpTo'));
  return {
    text: a.text,
    occurrence: matches.indexOf(start),
    start,
    end: start + a.text.length,
    kind: a.kind,
    value,
    unit: a.unit,
    label: a.label,
    upTo,
    qualifier: a.qualifier,
    rangeLow,
  };
}

/** Code links (docs/metrics.md): canonical GitHub repositories, then every other code/project URL. */
function codeLinks(abstract: string): { github: string[]; otherCode: string[] } {
  const github: string[] = [];
  const otherCode: string[] = [];
  for (const m of abstract.matchAll(/(?:https?:\/\/)?(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)/gi)) {
    const repo = m[2].replace(/[.,)\]]+$/, '').replace(/\.git$/, '');
    const url = `https://github.com/${m[1]}/${repo}`;
    if (!github.includes(url)) github.push(url);
  }
  for (const m of abstract.matchAll(/(?:https?:\/\/[^\s{}]+|(?<![\w./@-])(?:[\w-]+\.)+(?:io|science|ai|ms|com|org|net)\/[^\s{}]*)/g)) {
    const url = m[0].replace(/[.,)\]]+$/, '');
    if (/github\.com\//i.test(url)) continue;
    if (!otherCode.includes(url)) otherCode.push(url);
  }
  return { github, otherCode };
}

function build(): GoldPaper[] {
  const papers: RawPaper[] = [
    ...parseSearchPage(SEED_FILES[0], readFileSync(path.join(SEEDS, SEED_FILES[0]), 'utf8')),
    ...parseDailyPage(SEED_FILES[1], readFileSync(path.join(SEEDS, SEED_FILES[1]), 'utf8')),
    ...parseFixtureAbstracts(FIXTURE_ABSTRACTS, readFileSync(path.join(HERE, FIXTURE_ABSTRACTS), 'utf8')),
  ];
  const annotations = new Map<string, Annotation[]>();
  for (const file of ANNOTATION_FILES) {
    for (const [id, spans] of parseAnnotations(readFileSync(path.join(HERE, file), 'utf8'), file)) annotations.set(id, spans);
  }
  const gold = papers.map((p): GoldPaper => {
    const prefix = p.prefix;
    const id = `${prefix}#${p.index}`;
    const hasDigit = /\d/.test(p.abstract);
    const annotated = annotations.get(id);
    if (hasDigit && !annotated) throw new Error(`${id} has digits but no annotation header`);
    const spans: GoldSpan[] = [];
    const verbalSpans: GoldSpan[] = [];
    let spanEnd = 0;
    let verbalEnd = 0;
    for (const a of annotated ?? []) {
      if (a.options.has('verbal')) {
        const span = toSpan(p.abstract, a, verbalEnd, id);
        verbalSpans.push(span);
        verbalEnd = span.end;
      } else {
        const span = toSpan(p.abstract, a, spanEnd, id);
        if (span.start < spanEnd) throw new Error(`${id}: "${a.text}" overlaps or is out of order`);
        spans.push(span);
        spanEnd = span.end;
      }
    }
    annotations.delete(id);
    return {
      id,
      batch: p.batch,
      seed: p.seed,
      index: p.index,
      line: p.line,
      subset: `${prefix}-${hasDigit ? 'digits' : 'no-digits'}`,
      split: isHeldBack(p) ? 'heldback' : 'tune',
      title: p.title,
      abstract: p.abstract,
      spans,
      verbalSpans,
      ...codeLinks(p.abstract),
    };
  });
  if (annotations.size) throw new Error(`annotations for unknown papers: ${[...annotations.keys()].join(', ')}`);
  return gold;
}

const gold = build();
writeFileSync(path.join(HERE, 'gold.json'), JSON.stringify(gold, null, 1) + '\n');
for (const batch of ['seeds', 'fixtures']) {
  for (const split of ['tune', 'heldback']) {
    const papers = gold.filter((p) => p.batch === batch && p.split === split);
    if (!papers.length) continue;
    const spans = papers.reduce((n, p) => n + p.spans.length, 0);
    const empty = papers.filter((p) => !p.spans.length).length;
    console.log(`${batch} ${split}: ${papers.length} papers (${empty} without metrics), ${spans} spans`);
  }
}
