// Venue names from what proceedings and venue pages show. The inputs are real: PMLR headings as the
// volume theme writes "Volume <n>: <conference.name>, <dates>, <location>" with the conference names
// and years of the volumes' _config.yml (mlresearch/v202, v235, v238, v242, v247, v267, v270); CVF,
// ACL Anthology, NeurIPS and OpenReview ids and URLs as they appear in links and in the fixtures.
import { describe, expect, it } from 'vitest';
import {
  aclVenue, conferenceAcronym, cvfVenue, namedVenue, neuripsVenue, neuripsVenueFromUrl, openReviewDecision,
  openReviewVenue, openReviewVenueFromLabel, pmlrVenue, pmlrVenueFromHeading,
} from '../../../src/core/identity';

describe('PMLR', () => {
  it.each([
    ['Volume 235: International Conference on Machine Learning, 21-27 July 2024, Vienna, Austria', 'ICML 2024 (PMLR 235)', 2024],
    ['Volume 267: International Conference on Machine Learning, 13-19 July 2025, Vancouver Convention Center, Vancouver, Canada', 'ICML 2025 (PMLR 267)', 2025],
    ['Volume 202: International Conference on Machine Learning, 23-29 July 2023, Honolulu, Hawaii, USA', 'ICML 2023 (PMLR 202)', 2023],
    ['Volume 238: International Conference on Artificial Intelligence and Statistics, 02-04 May 2024, Palau de Congressos, Valencia, Spain', 'AISTATS 2024 (PMLR 238)', 2024],
    ['Volume 242: 6th Annual Learning for Dynamics \\& Control Conference, 15-17 July 2024, University of Oxford, Oxford, UK', 'L4DC 2024 (PMLR 242)', 2024],
    ['Volume 270: Conference on Robot Learning, 06-09 November 2024, Munich, Germany', 'CoRL 2024 (PMLR 270)', 2024],
  ])('%j → %j', (heading, name, year) => {
    expect(pmlrVenueFromHeading(heading)).toEqual({ name, year });
  });

  it('takes the year the heading gives, even where the volume data is off (COLT 2024 lists 2023 dates; date format across months approximated)', () => {
    // mlresearch/v247 _config.yml: year 2024, but conference dates 2023-06-30 to 2023-07-03.
    expect(pmlrVenueFromHeading('Volume 247: The Thirty Seventh Annual Conference on Learning Theory, 30 June - 03 July 2023, Edmonton, Canada'))
      .toEqual({ name: 'COLT 2023 (PMLR 247)', year: 2023 });
  });

  it('names a volume from its parts', () => {
    expect(pmlrVenue(267, 'International Conference on Machine Learning', 2025)).toEqual({ name: 'ICML 2025 (PMLR 267)', year: 2025 });
    expect(pmlrVenue('v235', 'Proceedings of the 41st International Conference on Machine Learning', 2024)).toEqual({ name: 'ICML 2024 (PMLR 235)', year: 2024 });
    // A conference without a known short name keeps the name the page gives.
    expect(pmlrVenue(222, 'Asian Conference on Machine Learning', 2023)).toEqual({ name: 'Asian Conference on Machine Learning 2023 (PMLR 222)', year: 2023 });
  });

  it.each([
    ['International Conference on Algorithmic Learning Theory', 'ALT'],
    ['Uncertainty in Artificial Intelligence', 'UAI'],
    ['Medical Imaging with Deep Learning', 'MIDL'],
    ['Conference on Lifelong Learning Agents', 'CoLLAs'],
    ['International Conference on Probabilistic Graphical Models', 'PGM'],
    ['Learning on Graphs Conference', 'LoG'],
    ['Asian Conference on Machine Learning', undefined],
  ])('conferenceAcronym(%j) = %j (mlresearch _config.yml shortname)', (conference, acronym) => {
    expect(conferenceAcronym(conference)).toBe(acronym);
  });

  it.each([['Volume 235'], ['International Conference on Machine Learning, 2024'], ['Volume x: ICML, 2024'], ['Volume 235: ICML, no year']])(
    'gives undefined for a heading it cannot read: %j',
    (heading) => {
      expect(pmlrVenueFromHeading(heading)).toBeUndefined();
    },
  );
});

describe('CVF', () => {
  it.each([
    ['ICCV2023', 'ICCV 2023', 2023],
    ['https://openaccess.thecvf.com/CVPR2024?day=all', 'CVPR 2024', 2024],
    ['https://openaccess.thecvf.com/WACV2024', 'WACV 2024', 2024],
    ['https://openaccess.thecvf.com/content/ACCV2022/html/Liu_Cross-Architecture_Knowledge_Distillation_ACCV_2022_paper.html', 'ACCV 2022', 2022],
    ['https://openaccess.thecvf.com/content/CVPR2023W/WMF/html/Sun_AI-Synthesized_Voice_Detection_Using_Neural_Vocoder_Artifacts_CVPRW_2023_paper.html', 'CVPR 2023 Workshops', 2023],
    ['https://openaccess.thecvf.com/CVPR2023_workshops/CLVision', 'CVPR 2023 Workshops', 2023],
    ['http://openaccess.thecvf.com/content_ICCV_2017/papers/Klokov_Escape_From_Cells_ICCV_2017_paper.pdf', 'ICCV 2017', 2017],
  ])('%j → %j', (code, name, year) => {
    expect(cvfVenue(code)).toEqual({ name, year });
  });

  it('gives undefined without a conference code', () => {
    expect(cvfVenue('https://openaccess.thecvf.com/menu')).toBeUndefined();
    expect(cvfVenue('CVPR')).toBeUndefined();
  });
});

describe('ACL Anthology', () => {
  it.each([
    ['2022.alta-1', 'ALTA 2022', 2022],
    ['2023.alta-1.5', 'ALTA 2023', 2023],
    ['https://aclanthology.org/volumes/2023.alta-1/', 'ALTA 2023', 2023],
    ['https://aclanthology.org/events/alta-2023/', 'ALTA 2023', 2023],
    ['alta-2022', 'ALTA 2022', 2022],
    ['2023.acl-long.1', 'ACL 2023', 2023],
    ['2023.acl-demo.3', 'ACL 2023 (Demos)', 2023],
    ['2023.findings-emnlp.12', 'Findings of EMNLP 2023', 2023],
    ['2020.coling-main.1', 'COLING 2020', 2020],
    ['2023.conll-1.1', 'CoNLL 2023', 2023],
    ['N19-1423', 'NAACL 2019', 2019],
    ['P18-1007', 'ACL 2018', 2018],
    ['https://www.aclweb.org/anthology/D14-1181', 'EMNLP 2014', 2014],
    ['J93-2004', 'CL 1993', 1993],
  ])('%j → %j', (id, name, year) => {
    expect(aclVenue(id)).toEqual({ name, year });
  });

  it('gives undefined for workshop ids of the old scheme (W names no venue) and for non-ids', () => {
    expect(aclVenue('W19-5301')).toBeUndefined();
    expect(aclVenue('not an id')).toBeUndefined();
  });

  it("reads a slug or a track named like one of Object.prototype's properties as any unknown one", () => {
    expect(aclVenue('2023.constructor-tostring.1')).toEqual({ name: 'CONSTRUCTOR 2023', year: 2023 });
    expect(aclVenue('2023.findings-hasownproperty')).toEqual({ name: 'Findings of HASOWNPROPERTY 2023', year: 2023 });
  });
});

describe('NeurIPS', () => {
  it.each([
    ['https://proceedings.neurips.cc/paper_files/paper/2023', 'NeurIPS 2023', 2023],
    ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/fdc429bff96bf8a8f89d6268729275f2-Abstract-Conference.html', 'NeurIPS 2023', 2023],
    ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/0123456789abcdef0123456789abcdef-Abstract-Datasets_and_Benchmarks_Track.html', 'NeurIPS 2023 (Datasets and Benchmarks Track)', 2023],
    ['https://proceedings.neurips.cc/paper/2021/hash/0123456789abcdef0123456789abcdef-Abstract-round2.html', 'NeurIPS 2021 (Datasets and Benchmarks Track)', 2021],
    ['https://proceedings.neurips.cc/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf', 'NIPS 2017', 2017],
  ])('%j → %j', (url, name, year) => {
    expect(neuripsVenueFromUrl(url)).toEqual({ name, year });
  });

  it('names the year as the proceedings do: NIPS up to 2017, NeurIPS from 2018', () => {
    expect(neuripsVenue(2017)).toEqual({ name: 'NIPS 2017', year: 2017 });
    expect(neuripsVenue(2018)).toEqual({ name: 'NeurIPS 2018', year: 2018 });
    expect(neuripsVenue(2024, 'datasets-and-benchmarks')).toEqual({ name: 'NeurIPS 2024 (Datasets and Benchmarks Track)', year: 2024 });
    expect(neuripsVenue(24)).toBeUndefined();
    expect(neuripsVenueFromUrl('https://neurips.cc/')).toBeUndefined();
  });
});

describe('OpenReview', () => {
  it.each([
    ['ICML.cc/2024/Conference', 'ICML 2024', 2024],
    ['ICLR.cc/2024/Conference', 'ICLR 2024', 2024],
    ['NeurIPS.cc/2025/Datasets_and_Benchmarks_Track', 'NeurIPS 2025 (Datasets and Benchmarks Track)', 2025],
    ['ICLR.cc/2024/Workshop/ME-FoMo', 'ICLR 2024 (Workshop ME-FoMo)', 2024],
    ['colmweb.org/COLM/2024/Conference', 'COLM 2024', 2024],
  ])('venue id %j → %j', (id, name, year) => {
    expect(openReviewVenue(id)).toEqual({ name, year });
  });

  it('gives undefined for venue ids without a year', () => {
    expect(openReviewVenue('TMLR')).toBeUndefined();
    expect(openReviewVenue('2024/Conference')).toBeUndefined();
  });

  it.each([
    ['ICML 2024 Oral', { name: 'ICML 2024', year: 2024, decision: 'oral' }],
    ['ICLR 2022 Poster', { name: 'ICLR 2022', year: 2022, decision: 'poster' }],
    ['NeurIPS 2025 spotlight', { name: 'NeurIPS 2025', year: 2025, decision: 'spotlight' }],
    ['NeurIPS 2025 Datasets and Benchmarks Track poster', { name: 'NeurIPS 2025 (Datasets and Benchmarks Track)', year: 2025, decision: 'poster' }],
    ['NeurIPS 2025 Position Paper Track Oral', { name: 'NeurIPS 2025 (Position Paper Track)', year: 2025, decision: 'oral' }],
    ['ICLR 2023 notable top 5%', { name: 'ICLR 2023', year: 2023 }],
    ['NeurIPS 2022 Accept', { name: 'NeurIPS 2022', year: 2022 }],
  ])('venue label %j', (label, expected) => {
    expect(openReviewVenueFromLabel(label)).toEqual(expected);
  });

  it('gives undefined for labels of papers that were not published', () => {
    for (const label of ['Submitted to ICLR 2024', 'ICLR 2024 Conference Withdrawn Submission', 'ICLR 2024 Conference Desk Rejected Submission', '']) {
      expect(openReviewVenueFromLabel(label)).toBeUndefined();
    }
  });

  it.each([
    ['accept-oral', 'oral'],
    ['#tab-accept-poster', 'poster'],
    ['Accept (Spotlight)', 'spotlight'],
    ['Oral Presentations', 'oral'],
    ['Recent Activity', undefined],
  ])('decision of the tab %j is %j', (tab, decision) => {
    expect(openReviewDecision(tab)).toBe(decision);
  });
});

describe('namedVenue (an adapter\'s fallback: the page\'s own words)', () => {
  it('appends the year unless the name holds it', () => {
    expect(namedVenue('Australasian Language Technology Association Workshop', 2023)).toEqual({ name: 'Australasian Language Technology Association Workshop 2023', year: 2023 });
    expect(namedVenue('  TMLR  ', 2024)).toEqual({ name: 'TMLR 2024', year: 2024 });
    expect(namedVenue('EMNLP 2023 Workshop', 2023)).toEqual({ name: 'EMNLP 2023 Workshop', year: 2023 });
    expect(namedVenue('', 2023)).toBeUndefined();
    expect(namedVenue('TMLR', Number.NaN)).toBeUndefined();
  });
});

describe('nothing throws on values that are not strings', () => {
  it('gives undefined instead', () => {
    for (const value of [undefined, null, 5, {}] as unknown as string[]) {
      expect(aclVenue(value)).toBeUndefined();
      expect(cvfVenue(value)).toBeUndefined();
      expect(neuripsVenueFromUrl(value)).toBeUndefined();
      expect(openReviewVenue(value)).toBeUndefined();
      expect(openReviewVenueFromLabel(value)).toBeUndefined();
      expect(openReviewDecision(value)).toBeUndefined();
      expect(pmlrVenueFromHeading(value)).toBeUndefined();
    }
  });
});
