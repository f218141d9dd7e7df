// Every abstract of the two seed pages (test/data/seeds/, text copies of Hugging Face Papers listings) that
// holds a URL or mentions GitHub, with the complete expected code links per abstract, written by hand:
// GitHub repositories in canonical form (https://github.com/<owner>/<repo>, in order of appearance, without
// duplicates), other code and project links as written minus trailing punctuation; a bare mention of
// GitHub gives nothing.
import { describe, expect, it } from 'vitest';
import { extractCodeLinks } from '../../../src/core/links';
import { abstractsWithLinks } from './seed-abstracts';

interface Expected {
  github?: string[];
  otherCode?: string[];
}

const gh = (...repos: string[]) => repos.map((r) => `https://github.com/${r}`);

/** `<seed prefix>:<line>` → the abstract's code links. */
const EXPECTED: Record<string, Expected> = {
  '000:12': { github: gh('JegZheng/MS-MLP') },
  '000:14': { otherCode: ['https://qihao067.github.io/projects/DiMR'] },
  '000:28': { github: gh('CASE-Lab-UMD/Router-Tuning') },
  '000:34': { github: gh('MediaBrain-SJTU/FedDisco') },
  '000:40': { github: gh('liuqk3/PUT') },
  '000:46': { github: gh('PaddlePaddle/Paddle') },
  '000:50': {
    github: gh('huawei-noah/noah-research'),
    otherCode: ['https://gitee.com/mindspore/models/tree/master/research/cv/Focus-DETR'],
  },
  '000:54': { github: gh('mshukor/ima-lmms') },
  '000:56': { github: gh('ChiShengChen/ResVMamba') },
  '000:66': { github: gh('RLHF-V/RLHF-V') },
  '000:70': { otherCode: ['https://dekuliutesla.github.io/tclight/'] },
  '000:80': { github: gh('XingruiWang/KeyVID') },
  '000:82': { github: gh('xq141839/HER-Seg') },
  '000:84': { github: gh('12138-chr/MTAIR') },
  '000:88': { github: gh('Coderx7/SimpleNet') },
  '000:90': { github: gh('xunguangwang/ProS-GAN') },
  '000:92': { github: gh('hustvl/Vim') },
  '000:104': { otherCode: ['https://lukemelas.github.io/fixed-point-diffusion-models'] },
  '000:120': { github: gh('penghao-wu/ProxyV') },
  '000:124': { github: gh('Shwai-He/MEO') },
  '000:128': { otherCode: ['https://m-a-p.ai/TreePO'] },
  '000:130': { github: gh('360CVGroup/Qihoo-T2X') },
  '000:134': { github: gh('DJ000011/UbiMoE') },
  '000:138': { github: gh('KAZABANA/CE-SSL') },
  '000:140': { otherCode: ['https://anonymous.4open.science/r/XMoE'] },
  '000:146': { github: gh('Xujxyang/OpenTrans') },
  '000:160': {}, // "on our GitHub repository": a bare mention
  '000:174': { github: gh('jiahaolu97/poison-splat') },
  '000:176': { github: gh('Dexter-GT-86/SinkLoRA') },
  '000:196': { github: gh('bootphon/fastabx') },
  '000:208': { github: gh('Trustworthy-ML-Lab/Provably-Robust-Conformal-Prediction') },
  '000:214': { github: gh('juyeonnn/HEAVEN') },
  '000:222': { github: gh('thu-ml/SageAttention') },
  '000:228': { github: gh('Dawn-LX/CausalCache-VDM') },
  '000:230': { github: gh('microsoft/Swin-Transformer') }, // "at~https://…"
  '001:39': { github: gh('USTCLH/OccMamba') },
  '001:47': { github: gh('YuWVandy/Topo_LP_GNN') },
  '001:55': { github: gh('xuke225/EQ-Net') }, // ".git{https://…duplicate}."
  '001:63': { github: gh('ViTAE-Transformer/ViTAE-VSA') },
  '001:79': { github: gh('dyhBUPT/StrongSORT', 'open-mmlab/mmtracking') },
  '001:119': { github: gh('LeapLabTHU/InLine') },
  '001:151': { otherCode: ['https://gitlab.com/ones-ai/q-hyvit'] },
  '001:175': {},
  '001:203': { github: gh('zeyuliu1037/LMUFormer') }, // ".git."
  '001:243': { github: gh('usail-hkust/benchmark_inference_time_computation_LLM') },
  '001:267': { otherCode: ['https://aka.ms/MInference'] },
  '001:291': { github: gh('fudan-zvg/SOFT') },
  '001:323': { github: gh('OpenSparseLLMs/MoM', 'OpenSparseLLMs/Linear-MoE') },
  '001:331': { github: gh('Guaishou74851/AdcSR') },
  '001:347': { github: gh('xq141839/HER-Seg') },
  '001:371': { github: gh('12138-chr/MTAIR') },
};

const abstracts = abstractsWithLinks();

describe('code links of the seed abstracts', () => {
  it('covers every such abstract of the seed pages and nothing more', () => {
    expect(abstracts.map((a) => a.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { id, abstract } of abstracts) {
    it(id, () => {
      const links = extractCodeLinks(abstract);
      const expected = EXPECTED[id];
      expect(links.filter((l) => l.kind === 'github').map((l) => l.url)).toEqual(expected.github ?? []);
      expect(links.filter((l) => l.kind !== 'github').map((l) => l.url)).toEqual(expected.otherCode ?? []);
      for (const link of links) {
        const shown = abstract.slice(link.start, link.end);
        // the clean range is the link as written, without trailing punctuation, `.git` or glued garbage
        expect(shown).toMatch(/^https:\/\/[^\s{}]+[A-Za-z0-9/_-]$/);
        expect(shown).not.toMatch(/\.git$/);
        if (link.kind === 'github') expect(shown.toLowerCase().startsWith(link.url.toLowerCase())).toBe(true);
        else expect(shown).toBe(link.url);
      }
    });
  }

  it('keeps the GitHub subpath apart from the repository (000:50)', () => {
    const abstract = abstracts.find((a) => a.id === '000:50')!.abstract;
    const [github, gitee] = extractCodeLinks(abstract);
    expect(github).toMatchObject({ kind: 'github', url: 'https://github.com/huawei-noah/noah-research', path: '/tree/master/Focus-DETR' });
    expect(abstract.slice(github.start, github.end)).toBe('https://github.com/huawei-noah/noah-research/tree/master/Focus-DETR');
    expect(gitee.kind).toBe('gitee');
    expect('path' in gitee).toBe(false); // only GitHub links are split into repository + subpath
  });

  it('kinds: gitlab, gitee and project pages are told apart', () => {
    const kindOf = (id: string) => extractCodeLinks(abstracts.find((a) => a.id === id)!.abstract).map((l) => l.kind);
    expect(kindOf('001:151')).toEqual(['gitlab']);
    expect(kindOf('000:50')).toEqual(['github', 'gitee']);
    expect(kindOf('000:14')).toEqual(['project']);
    expect(kindOf('001:267')).toEqual(['project']);
  });
});
