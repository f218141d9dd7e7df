// The import plan: matching saved papers by key, alias and title identity, merging without loss, duplicates in a file.
import { describe, expect, it } from 'vitest';
import { readLibraryFile } from '../../../src/core/import';
import { ImportPlan, mergeImported } from '../../../src/core/import/plan';
import type { SavedPaper } from '../../../src/core/paper';
import { NOW, imported, sample } from './samples';

const EARLIER = Date.UTC(2025, 5, 1);

function saved(given: Parameters<typeof imported>[0]): SavedPaper {
  return imported({ savedAt: EARLIER, updatedAt: EARLIER, ...given });
}

function library(...papers: SavedPaper[]): Map<string, SavedPaper> {
  return new Map(papers.map((p) => [p.key, p]));
}

const resnetSaved = saved({
  key: 'arxiv:1512.03385',
  title: 'Deep Residual Learning for Image Recognition',
  url: 'https://arxiv.org/abs/1512.03385',
  authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
  site: 'arxiv',
  tags: ['Vision'],
  status: 'reading',
  note: 'Check the bottleneck blocks.',
});

describe('mergeImported', () => {
  it('unites tags (the saved spelling first), keeps both notes, fills gaps, keeps the saved description', () => {
    const file = imported({
      key: 'doi:10.1109/cvpr.2016.90',
      aliases: ['url:https://ieeexplore.ieee.org/document/7780459'],
      title: 'Deep residual learning for image recognition',
      url: 'https://doi.org/10.1109/cvpr.2016.90',
      authors: ['He, Kaiming'],
      abstract: 'We present a residual learning framework.',
      published: '2016',
      site: 'bibtex',
      tags: ['vision', 'cvpr'],
      status: 'read',
      note: 'Best paper award.',
    });
    expect(mergeImported(resnetSaved, file, NOW)).toEqual({
      paper: {
        ...resnetSaved,
        aliases: ['doi:10.1109/cvpr.2016.90', 'url:https://ieeexplore.ieee.org/document/7780459'],
        abstract: 'We present a residual learning framework.',
        published: '2016',
        tags: ['Vision', 'cvpr'],
        note: 'Check the bottleneck blocks.\n\nBest paper award.',
        updatedAt: NOW,
      },
      conflicts: ['notes differ: both kept', 'status: kept "reading" (the file says "read")'],
    });
  });

  it('changes nothing when the file holds nothing new', () => {
    const same = { ...structuredClone(resnetSaved), site: 'bibtex', savedAt: NOW, updatedAt: NOW, note: 'bottleneck blocks' };
    const result = mergeImported(resnetSaved, same, NOW);
    expect(result).toEqual({ paper: resnetSaved, conflicts: [] });
    expect(result.paper).toBe(resnetSaved);
  });

  it('takes the file\'s reading status when the saved paper is still "to read"', () => {
    const toRead = { ...resnetSaved, status: 'to-read' as const };
    expect(mergeImported(toRead, { ...resnetSaved, status: 'read' }, NOW).paper.status).toBe('read');
  });
});

describe('ImportPlan', () => {
  it('adds new papers, updates one found by an id, leaves one unchanged, and counts them', () => {
    const lora = saved({ key: 'arxiv:2106.09685', title: 'LoRA: Low-Rank Adaptation of Large Language Models', url: 'https://arxiv.org/abs/2106.09685', authors: ['Edward J. Hu'], site: 'arxiv' });
    const plan = new ImportPlan(library(resnetSaved, lora), NOW);
    const rows = [
      plan.add({ label: 'lora', paper: { ...lora, site: 'bibtex' } }),
      plan.add({
        label: 'resnet',
        paper: imported({ key: 'doi:10.1109/cvpr.2016.90', aliases: ['arxiv:1512.03385'], title: 'Deep Residual Learning', url: 'https://doi.org/10.1109/cvpr.2016.90', authors: [], site: 'bibtex', tags: ['cvpr'] }),
      }),
      plan.add({ label: 'new', paper: imported({ key: 'arxiv:2006.11239', title: 'Denoising Diffusion Probabilistic Models', url: 'https://arxiv.org/abs/2006.11239', authors: ['Jonathan Ho'], site: 'bibtex' }), venue: { name: 'NeurIPS 2020', year: 2020 } }),
    ];
    expect(rows).toEqual([
      { entry: 'lora', title: lora.title, key: 'arxiv:2106.09685', action: 'unchanged', matchedBy: 'id', conflicts: [] },
      { entry: 'resnet', title: 'Deep Residual Learning', key: 'arxiv:1512.03385', action: 'update', matchedBy: 'id', conflicts: [] },
      { entry: 'new', title: 'Denoising Diffusion Probabilistic Models', key: 'arxiv:2006.11239', action: 'add', conflicts: [], venue: 'NeurIPS 2020' },
    ]);
    expect(plan.counts()).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.addedKeys()).toEqual(['arxiv:2006.11239']);
    expect(plan.changedBefore()).toEqual([resnetSaved]);
    expect(plan.writes().map((p) => [p.key, p.tags, p.aliases])).toEqual([
      ['arxiv:1512.03385', ['Vision', 'cvpr'], ['doi:10.1109/cvpr.2016.90']],
      ['arxiv:2006.11239', [], []],
    ]);
  });

  it('finds a saved paper by title identity when no id is shared, and not when no author is', () => {
    const plan = new ImportPlan(library(resnetSaved), NOW);
    const byTitle = plan.add({
      label: 'he2016',
      paper: imported({ key: 'doi:10.1109/cvpr.2016.90', title: 'Deep Residual Learning for Image Recognition.', url: 'https://doi.org/10.1109/cvpr.2016.90', authors: ['He, K.'], site: 'ris' }),
    });
    expect(byTitle).toMatchObject({ key: 'arxiv:1512.03385', action: 'update', matchedBy: 'title' });
    const stranger = plan.add({
      label: 'other',
      paper: imported({ key: 'title:deep-residual-learning-for-image-recognition/doe', title: 'Deep Residual Learning for Image Recognition', url: 'https://example.org/x', authors: ['Jane Doe'], site: 'ris' }),
    });
    expect(stranger).toMatchObject({ key: 'title:deep-residual-learning-for-image-recognition/doe', action: 'add' });
  });

  it('merges the same paper met twice in one file and says which entry it repeats (latex-project.bib)', () => {
    const file = readLibraryFile(sample('latex-project.bib'), undefined, NOW);
    if (!file.ok) throw new Error(file.error);
    const plan = new ImportPlan(new Map(), NOW);
    const rows = file.papers.map((p) => plan.add(p));
    expect(rows.map((r) => [r.entry, r.action, r.key, r.sameAs ?? null, r.matchedBy ?? null])).toEqual([
      ['goodfellow2014gan', 'add', 'url:https://proceedings.neurips.cc/paper/5423-generative-adversarial-nets', null, null],
      ['he2015resnet', 'add', 'arxiv:1512.03385', null, null],
      ['he2016resnet', 'duplicate', 'arxiv:1512.03385', 'he2015resnet', 'title'],
      ['optimaltransportnotes', 'add', 'title:lecture-notes-on-optimal-transport-for-machine-learning', null, null],
      ['kingma2014autoencoding', 'add', 'arxiv:1312.6114', null, null],
    ]);
    expect(plan.counts()).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const resnet = plan.writes().find((p) => p.key === 'arxiv:1512.03385');
    expect(resnet).toMatchObject({ aliases: ['doi:10.1109/cvpr.2016.90'], tags: ['resnet'], note: 'Best paper award.', published: '2015' });
  });

  it('keeps Mendeley\'s two papers under one citation key apart (mendeley.bib)', () => {
    const file = readLibraryFile(sample('mendeley.bib'), undefined, NOW);
    if (!file.ok) throw new Error(file.error);
    const plan = new ImportPlan(new Map(), NOW);
    expect(file.papers.map((p) => plan.add(p).action)).toEqual(['add', 'add']);
    expect(plan.writes().map((p) => p.key)).toEqual(['arxiv:1710.09412', 'arxiv:1611.03530']);
  });

  it('reports a file entry whose ids name two saved papers, merging into the first', () => {
    const other = saved({ key: 'doi:10.1109/cvpr.2016.90', title: 'ResNet (CVPR)', url: 'https://doi.org/10.1109/cvpr.2016.90', authors: [], site: 'generic' });
    const plan = new ImportPlan(library(resnetSaved, other), NOW);
    const row = plan.add({ label: 'both', paper: imported({ key: 'arxiv:1512.03385', aliases: ['doi:10.1109/cvpr.2016.90'], title: 'x', url: 'https://arxiv.org/abs/1512.03385', authors: [], site: 'bibtex' }) });
    expect(row.conflicts).toEqual(['its ids also name the saved paper doi:10.1109/cvpr.2016.90, which was left as it is']);
    expect(row.key).toBe('arxiv:1512.03385');
  });
});
