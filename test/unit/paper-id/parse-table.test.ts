// parsePaperId against a table of every identifier and URL form in docs/paper-keys.md, with
// edge cases learned from arXiv's identifier module, idutils, JabRef, the ACL Anthology id utilities
// and j3soon/arxiv-utils (cases re-written here, not copied). bioRxiv/medRxiv and dblp rows use the URL
// forms Zotero's HighWire and dblp translators test against.
import { describe, expect, it } from 'vitest';
import { parsePaperId } from '../../../src/core/paper-id';

/** input → expected key (and version when the input carries one). */
type Row = [input: string, key: string, version?: number];

const ARXIV: Row[] = [
  // new style, bare and labelled
  ['2412.01234', 'arxiv:2412.01234'],
  ['2412.01234v3', 'arxiv:2412.01234', 3],
  ['2412.01234V3', 'arxiv:2412.01234', 3],
  ['arXiv:2412.01234', 'arxiv:2412.01234'],
  ['arxiv:2412.01234v2', 'arxiv:2412.01234', 2],
  ['ARXIV: 2412.01234', 'arxiv:2412.01234'],
  ['arXiv:2412.01234v1 [cs.CV]', 'arxiv:2412.01234', 1],
  ['0706.0001v1 [q-bio.CB]', 'arxiv:0706.0001', 1],
  ['  0710.0994  ', 'arxiv:0710.0994'],
  ['0704.0001', 'arxiv:0704.0001'],
  ['1412.9999', 'arxiv:1412.9999'],
  ['1501.00001', 'arxiv:1501.00001'],
  ['hep-th/1601.07616', 'arxiv:1601.07616'],
  ['arXiv:hep-th/1601.07616', 'arxiv:1601.07616'],
  // old style: the subject class is not part of the id, dashed archives keep the dash
  ['hep-th/9901001', 'arxiv:hep-th/9901001'],
  ['hep-th/9901001v27', 'arxiv:hep-th/9901001', 27],
  ['math.GT/0309136v2', 'arxiv:math/0309136', 2],
  ['arxiv:math.GT/0309136', 'arxiv:math/0309136'],
  ['cond-mat/0703001', 'arxiv:cond-mat/0703001'],
  ['q-bio/0406015', 'arxiv:q-bio/0406015'],
  ['physics/0303098', 'arxiv:physics/0303098'],
  ['cs.AI/0101001', 'arxiv:cs/0101001'],
  ['astro-ph/0301632', 'arxiv:astro-ph/0301632'],
  ['hepth/9901001', 'arxiv:hep-th/9901001'],
  ['HEP-TH/9901001', 'arxiv:hep-th/9901001'],
  // arXiv URLs
  ['https://arxiv.org/abs/2412.01234', 'arxiv:2412.01234'],
  ['https://arxiv.org/abs/2412.01234v2', 'arxiv:2412.01234', 2],
  ['http://arxiv.org/abs/1502.05795', 'arxiv:1502.05795'],
  ['HTTP://ArXiv.org/abs/1502.05795', 'arxiv:1502.05795'],
  ['https://www.arxiv.org/abs/2412.01234/', 'arxiv:2412.01234'],
  ['https://export.arxiv.org/abs/2412.01234', 'arxiv:2412.01234'],
  ['https://arxiv.org/abs/2412.01234?context=cs.CL', 'arxiv:2412.01234'],
  ['https://arxiv.org/abs/2412.01234#S3', 'arxiv:2412.01234'],
  ['https://arxiv.org/pdf/2412.01234', 'arxiv:2412.01234'],
  ['https://arxiv.org/pdf/2412.01234v2.pdf', 'arxiv:2412.01234', 2],
  ['https://arxiv.org/pdf/2412.01234.pdf', 'arxiv:2412.01234'],
  ['https://arxiv.org/html/2412.01234v1', 'arxiv:2412.01234', 1],
  ['https://arxiv.org/html/2412.01234v1/#S2', 'arxiv:2412.01234', 1],
  ['https://arxiv.org/html/2412.01234v1/x1.png', 'arxiv:2412.01234', 1],
  ['https://arxiv.org/format/2412.01234', 'arxiv:2412.01234'],
  ['https://arxiv.org/ps/2412.01234v1', 'arxiv:2412.01234', 1],
  ['arxiv.org/abs/2412.01234', 'arxiv:2412.01234'],
  ['https://arxiv.org/abs/hep-th/9901001', 'arxiv:hep-th/9901001'],
  ['http://arxiv.org/pdf/hep-ex/0307015v1', 'arxiv:hep-ex/0307015', 1],
  ['https://arxiv.org/abs/math.GT/0309136', 'arxiv:math/0309136'],
  ['https://arxiv.org/abs/hep-th%2F9901001', 'arxiv:hep-th/9901001'],
  ['https://arxiv.org/ftp/arxiv/papers/1502/1502.05795.pdf', 'arxiv:1502.05795'],
  ['https://arxiv.org/ftp/hep-th/papers/9901/9901001.pdf', 'arxiv:hep-th/9901001'],
  // mirrors and readers of arXiv
  ['https://ar5iv.org/abs/2412.01234', 'arxiv:2412.01234'],
  ['https://ar5iv.labs.arxiv.org/html/2412.01234', 'arxiv:2412.01234'],
  ['https://ar5iv.labs.arxiv.org/html/hep-th/9901001', 'arxiv:hep-th/9901001'],
  ['https://huggingface.co/papers/2412.01234', 'arxiv:2412.01234'],
  ['https://huggingface.co/papers/2412.01234#community', 'arxiv:2412.01234'],
  ['huggingface.co/papers/2412.01234', 'arxiv:2412.01234'],
  ['https://hf.co/papers/2412.01234', 'arxiv:2412.01234'],
  ['https://www.alphaxiv.org/abs/2412.01234', 'arxiv:2412.01234'],
  ['https://alphaxiv.org/abs/2412.01234v2', 'arxiv:2412.01234', 2],
  ['https://www.alphaxiv.org/overview/2412.01234', 'arxiv:2412.01234'],
  ['https://www.alphaxiv.org/resources/2412.01234', 'arxiv:2412.01234'],
  ['https://www.semanticscholar.org/arxiv/2412.01234', 'arxiv:2412.01234'],
  ['https://www.semanticscholar.org/paper/arXiv:1705.10311', 'arxiv:1705.10311'],
  ['https://api.semanticscholar.org/arXiv:1705.10311', 'arxiv:1705.10311'],
  ['https://ui.adsabs.harvard.edu/abs/arXiv:2108.10257', 'arxiv:2108.10257'],
  // arXiv DOIs are the arXiv paper
  ['10.48550/arXiv.2412.01234', 'arxiv:2412.01234'],
  ['doi:10.48550/ARXIV.2412.01234', 'arxiv:2412.01234'],
  ['https://doi.org/10.48550/arXiv.2412.01234', 'arxiv:2412.01234'],
  ['10.48550/arXiv.hep-th/9901001', 'arxiv:hep-th/9901001'],
];

const DOI: Row[] = [
  ['10.1145/3581783.3611962', 'doi:10.1145/3581783.3611962'],
  ['doi:10.1016/j.epsl.2011.11.037', 'doi:10.1016/j.epsl.2011.11.037'],
  ['DOI: 10.1016/J.EPSL.2011.11.037', 'doi:10.1016/j.epsl.2011.11.037'],
  ['urn:doi:10.123/456', 'doi:10.123/456'],
  ['urn:10.123/456', 'doi:10.123/456'],
  ['http://doi.org/10.1006/rwei.1999%22.0001', 'doi:10.1006/rwei.1999".0001'],
  ['http://doi.org/10.1006/rwei.1999%3F.0001', 'doi:10.1006/rwei.1999?.0001'],
  ['www.doi.org/d8dn', 'doi:10/d8dn'],
  ['http://dx.doi.de/10.1007/978-3-642-15618-2_19', 'doi:10.1007/978-3-642-15618-2_19'],
  ['http://doi.ieeecomputersociety.org/10.1109/MIC.2012.43', 'doi:10.1109/mic.2012.43'],
  ['10/1000', 'doi:10/1000'],
  ['10.231/JIM.0b013e31820bab4c', 'doi:10.231/jim.0b013e31820bab4c'],
  ['10.1002/(SICI)1522-2594(199911)42:5<952::AID-MRM16>3.0.CO;2-S', 'doi:10.1002/(sici)1522-2594(199911)42:5<952::aid-mrm16>3.0.co;2-s'],
  ['10.1016/üникóδé-дôΐ', 'doi:10.1016/üникóδé-дôΐ'],
  ['10.1000.10/abc', 'doi:10.1000.10/abc'],
  ['https://doi.org/10.1145/3581783.3611962', 'doi:10.1145/3581783.3611962'],
  ['http://dx.doi.org/10.1016/j.epsl.2011.11.037', 'doi:10.1016/j.epsl.2011.11.037'],
  ['doi.org/10.1016/j.epsl.2011.11.037', 'doi:10.1016/j.epsl.2011.11.037'],
  ['https://dx.doi.org/10.2307%2F1990888', 'doi:10.2307/1990888'],
  ['http://doi.acm.org/10.1145/1294928.1294933', 'doi:10.1145/1294928.1294933'],
  ['http://doi.org/10.1006/rwei.1999%25.0001', 'doi:10.1006/rwei.1999%.0001'],
  ['http://doi.org/10.1006/rwei.1999%23.0001', 'doi:10.1006/rwei.1999#.0001'],
  ['https://doi.org/urn:doi:10.123/456', 'doi:10.123/456'],
  // short DOIs are kept as written
  ['10/gf4gqc', 'doi:10/gf4gqc'],
  ['doi:10/gf4gqc', 'doi:10/gf4gqc'],
  ['https://doi.org/10/gf4gqc', 'doi:10/gf4gqc'],
  ['https://dx.doi.org/10%2Fgf4gqc', 'doi:10/gf4gqc'],
  ['https://doi.org/d8dn', 'doi:10/d8dn'],
  // publisher pages whose path carries the DOI
  ['https://dl.acm.org/doi/10.1145/3581783.3611962', 'doi:10.1145/3581783.3611962'],
  ['https://dl.acm.org/doi/abs/10.1145/3581783.3611962', 'doi:10.1145/3581783.3611962'],
  ['https://dl.acm.org/doi/pdf/10.1145/3581783.3611962?download=true', 'doi:10.1145/3581783.3611962'],
  ['https://link.springer.com/article/10.1007/s11263-021-01453-z', 'doi:10.1007/s11263-021-01453-z'],
  ['https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13', 'doi:10.1007/978-3-030-58452-8_13'],
  ['https://link.springer.com/content/pdf/10.1007/s11263-021-01453-z.pdf', 'doi:10.1007/s11263-021-01453-z'],
  ['https://onlinelibrary.wiley.com/doi/10.1002/anie.202100001', 'doi:10.1002/anie.202100001'],
  ['https://onlinelibrary.wiley.com/doi/full/10.1002/anie.202100001', 'doi:10.1002/anie.202100001'],
  ['https://onlinelibrary.wiley.com/doi/epdf/10.1002/anie.202100001', 'doi:10.1002/anie.202100001'],
  ['https://www.tandfonline.com/doi/abs/10.1080/01621459.2017.1285773', 'doi:10.1080/01621459.2017.1285773'],
  ['https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.116.061102', 'doi:10.1103/physrevlett.116.061102'],
  ['https://www.nature.com/articles/s41586-021-03819-2', 'doi:10.1038/s41586-021-03819-2'],
  ['https://www.nature.com/articles/s41586-021-03819-2.pdf', 'doi:10.1038/s41586-021-03819-2'],
  // Cold Spring Harbor's journals share bioRxiv's prefix; their suffixes are kept whole
  ['10.1101/gr.229102.117', 'doi:10.1101/gr.229102.117'],
  ['https://doi.org/10.1101/gad.1234567', 'doi:10.1101/gad.1234567'],
];

// bioRxiv and medRxiv: the DOI is the paper, the version their pages append is kept apart.
const RXIV: Row[] = [
  ['10.1101/2020.03.01.972349', 'doi:10.1101/2020.03.01.972349'],
  ['10.1101/2020.03.01.972349v2', 'doi:10.1101/2020.03.01.972349', 2],
  ['doi:10.1101/2021.06.16.21258632v1', 'doi:10.1101/2021.06.16.21258632', 1],
  ['10.1101/622803', 'doi:10.1101/622803'],
  ['10.1101/622803v4', 'doi:10.1101/622803', 4],
  ['https://doi.org/10.1101/2021.08.03.454978', 'doi:10.1101/2021.08.03.454978'],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2', 'doi:10.1101/2020.03.01.972349', 2],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2.full', 'doi:10.1101/2020.03.01.972349', 2],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2.abstract', 'doi:10.1101/2020.03.01.972349', 2],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2.full.pdf', 'doi:10.1101/2020.03.01.972349', 2],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2.full.pdf+html', 'doi:10.1101/2020.03.01.972349', 2],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v1.supplementary-material', 'doi:10.1101/2020.03.01.972349', 1],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349v1.article-info', 'doi:10.1101/2020.03.01.972349', 1],
  ['https://www.biorxiv.org/content/10.1101/2020.03.01.972349', 'doi:10.1101/2020.03.01.972349'],
  ['http://biorxiv.org/content/10.1101/2020.03.01.972349v2.full.pdf', 'doi:10.1101/2020.03.01.972349', 2],
  ['https://www.biorxiv.org/content/biorxiv/early/2020/03/02/2020.03.01.972349.full.pdf', 'doi:10.1101/2020.03.01.972349'],
  ['https://www.biorxiv.org/content/early/2019/05/29/622803', 'doi:10.1101/622803'],
  ['http://biorxiv.org/content/early/2016/11/28/090001.full.pdf', 'doi:10.1101/090001'],
  ['https://www.biorxiv.org/content/622803v4', 'doi:10.1101/622803', 4],
  ['https://www.biorxiv.org/cgi/content/short/622803v1', 'doi:10.1101/622803', 1],
  ['https://www.medrxiv.org/content/10.1101/2021.06.16.21258632v1', 'doi:10.1101/2021.06.16.21258632', 1],
  ['https://www.medrxiv.org/content/10.1101/2021.06.16.21258632v1.full-text', 'doi:10.1101/2021.06.16.21258632', 1],
  ['https://www.medrxiv.org/content/medrxiv/early/2021/06/22/2021.06.16.21258632.full.pdf', 'doi:10.1101/2021.06.16.21258632'],
];

// dblp record keys (kept as aliases beside a paper's own ids): labelled, BibTeX-style and every record URL.
const DBLP: Row[] = [
  ['dblp:conf/icml/AchituveDNCF24', 'dblp:conf/icml/AchituveDNCF24'],
  ['DBLP:conf/iclr/DasMYTM19', 'dblp:conf/iclr/DasMYTM19'],
  ['DBLP:journals/corr/abs-2108-10257', 'dblp:journals/corr/abs-2108-10257'],
  ['https://dblp.org/rec/conf/icml/AchituveDNCF24', 'dblp:conf/icml/AchituveDNCF24'],
  ['https://dblp.org/rec/conf/icml/AchituveDNCF24.html', 'dblp:conf/icml/AchituveDNCF24'],
  ['https://dblp.org/rec/journals/cssc/XuY12.html?view=bibtex', 'dblp:journals/cssc/XuY12'],
  ['https://dblp.org/rec/conf/icml/AchituveDNCF24.bib?param=1', 'dblp:conf/icml/AchituveDNCF24'],
  ['https://dblp.org/rec/conf/icml/AchituveDNCF24.xml', 'dblp:conf/icml/AchituveDNCF24'],
  ['https://dblp.org/rec/conf/icml/AchituveDNCF24.ris', 'dblp:conf/icml/AchituveDNCF24'],
  ['https://dblp.uni-trier.de/rec/conf/approx/SchederT13.html?view=bibtex', 'dblp:conf/approx/SchederT13'],
  ['https://dblp.dagstuhl.de/rec/conf/kdd/AdriaensWG23.html', 'dblp:conf/kdd/AdriaensWG23'],
  ['https://dblp.uni-trier.de/rec/bibtex/conf/icml/AchituveDNCF24', 'dblp:conf/icml/AchituveDNCF24'],
  ['https://dblp.org/rec/reference/choice/LangX16.html?view=bibtex&param=2', 'dblp:reference/choice/LangX16'],
  ['https://dblp.org/db/conf/kdd/kdd2023.html#AdriaensWG23', 'dblp:conf/kdd/AdriaensWG23'],
  ['https://dblp.dagstuhl.de/db/journals/infsof/infsof34.html#DaleZ92', 'dblp:journals/infsof/DaleZ92'],
];

const ACL: Row[] = [
  ['2023.acl-long.1', 'acl:2023.acl-long.1'],
  ['2022.acl-main.0', 'acl:2022.acl-main.0'],
  ['2023.mwe-1.5', 'acl:2023.mwe-1.5'],
  ['2020.findings-emnlp.139', 'acl:2020.findings-emnlp.139'],
  ['P18-1007', 'acl:P18-1007'],
  ['p18-1007', 'acl:P18-1007'],
  ['W18-6310', 'acl:W18-6310'],
  ['https://aclanthology.org/2023.acl-long.1/', 'acl:2023.acl-long.1'],
  ['https://aclanthology.org/2023.acl-long.1', 'acl:2023.acl-long.1'],
  ['https://aclanthology.org/2023.acl-long.1.pdf', 'acl:2023.acl-long.1'],
  ['https://aclanthology.org/2023.acl-long.1.bib', 'acl:2023.acl-long.1'],
  ['https://aclanthology.org/2020.acl-main.1v2.pdf', 'acl:2020.acl-main.1', 2],
  ['https://aclanthology.org/P18-1007/', 'acl:P18-1007'],
  ['https://aclanthology.org/P18-1007.pdf', 'acl:P18-1007'],
  ['https://www.aclweb.org/anthology/P18-1007/', 'acl:P18-1007'],
  ['https://www.aclweb.org/anthology/2020.acl-main.1.pdf', 'acl:2020.acl-main.1'],
  ['http://aclweb.org/anthology/P/P18/P18-1007.pdf', 'acl:P18-1007'],
  ['http://www.aclweb.org/anthology-new/P/P11/P11-1015.pdf', 'acl:P11-1015'],
  // ACL Anthology DOIs name the Anthology paper
  ['10.18653/v1/2023.acl-long.1', 'acl:2023.acl-long.1'],
  ['https://doi.org/10.18653/v1/P18-1007', 'acl:P18-1007'],
  ['doi:10.18653/V1/p18-1007', 'acl:P18-1007'],
];

const OPENREVIEW: Row[] = [
  ['https://openreview.net/forum?id=GiHo83ozsF', 'openreview:GiHo83ozsF'],
  ['https://openreview.net/pdf?id=GiHo83ozsF', 'openreview:GiHo83ozsF'],
  ['https://openreview.net/attachment?id=GiHo83ozsF&name=pdf', 'openreview:GiHo83ozsF'],
  ['https://openreview.net/forum?noteId=abcdEFGH12&id=GiHo83ozsF', 'openreview:GiHo83ozsF'],
  ['https://openreview.net/forum?id=GiHo83ozsF&noteId=abcdEFGH12', 'openreview:GiHo83ozsF'],
  ['https://openreview.net/forum?id=B1-Hhnslg#discussion', 'openreview:B1-Hhnslg'],
  ['openreview.net/forum?id=rJXMpikCZ', 'openreview:rJXMpikCZ'],
  ['openreview:GiHo83ozsF', 'openreview:GiHo83ozsF'],
];

const URL_KEYS: Row[] = [
  ['https://proceedings.mlr.press/v235/abad-rocamora24a.html', 'url:https://proceedings.mlr.press/v235/abad-rocamora24a.html'],
  ['https://proceedings.mlr.press/v235/abad-rocamora24a/abad-rocamora24a.pdf', 'url:https://proceedings.mlr.press/v235/abad-rocamora24a.html'],
  ['http://proceedings.mlr.press/v37/ioffe15.pdf', 'url:https://proceedings.mlr.press/v37/ioffe15.html'],
  ['https://openaccess.thecvf.com/content/CVPR2024/html/Li_X_CVPR_2024_paper.html', 'url:https://openaccess.thecvf.com/content/CVPR2024/html/Li_X_CVPR_2024_paper.html'],
  ['https://openaccess.thecvf.com/content/CVPR2024/papers/Li_X_CVPR_2024_paper.pdf', 'url:https://openaccess.thecvf.com/content/CVPR2024/html/Li_X_CVPR_2024_paper.html'],
  ['http://openaccess.thecvf.com/content_cvpr_2018/papers/Hu_Squeeze-and-Excitation_CVPR_2018_paper.pdf', 'url:https://openaccess.thecvf.com/content_cvpr_2018/html/Hu_Squeeze-and-Excitation_CVPR_2018_paper.html'],
  [
    'https://proceedings.neurips.cc/paper_files/paper/2023/hash/fdc429bff96bf8a8f89d6268729275f2-Abstract-Conference.html',
    'url:https://proceedings.neurips.cc/paper_files/paper/2023/hash/fdc429bff96bf8a8f89d6268729275f2-Abstract-Conference.html',
  ],
  [
    'https://proceedings.neurips.cc/paper_files/paper/2023/file/fdc429bff96bf8a8f89d6268729275f2-Paper-Conference.pdf',
    'url:https://proceedings.neurips.cc/paper_files/paper/2023/hash/fdc429bff96bf8a8f89d6268729275f2-Abstract-Conference.html',
  ],
  [
    'https://proceedings.neurips.cc/paper_files/paper/2023/file/96ef4afdfd3ee7dd3380eb2e1e8ef41e-Paper-Datasets_and_Benchmarks_Track.pdf',
    'url:https://proceedings.neurips.cc/paper_files/paper/2023/hash/96ef4afdfd3ee7dd3380eb2e1e8ef41e-Abstract-Datasets_and_Benchmarks_Track.html',
  ],
  [
    'https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
    'url:https://proceedings.neurips.cc/paper_files/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
  ],
  [
    'https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
    'url:https://proceedings.neurips.cc/paper_files/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
  ],
  ['https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf', 'url:https://proceedings.neurips.cc/paper/7181-attention-is-all-you-need'],
  // tracking parameters, fragment, trailing slash, host case, port
  ['HTTP://Example.ORG:8080/papers/42/?utm_source=x&id=7&fbclid=abc#top', 'url:https://example.org/papers/42?id=7'],
  ['https://www.semanticscholar.org/paper/Attention-Is-All-You-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776', 'url:https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776'],
  ['https://semanticscholar.org/paper/204E3073870FAE3D05BCBC2F6A8E263D9B72E776', 'url:https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776'],
  ['https://openreview.net/pdf/0123456789abcdef0123456789abcdef01234567.pdf', 'url:https://openreview.net/pdf/0123456789abcdef0123456789abcdef01234567.pdf'],
  ['https://ieeexplore.ieee.org/document/9157302', 'url:https://ieeexplore.ieee.org/document/9157302'],
  ['https://ieeexplore.ieee.org/abstract/document/4292845/', 'url:https://ieeexplore.ieee.org/document/4292845'],
  ['https://ieeexplore.ieee.org/document/4292845/references#references', 'url:https://ieeexplore.ieee.org/document/4292845'],
  ['https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=4292845', 'url:https://ieeexplore.ieee.org/document/4292845'],
  ['https://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=4292845', 'url:https://ieeexplore.ieee.org/document/4292845'],
  ['url:https://proceedings.mlr.press/v235/abad-rocamora24a.html', 'url:https://proceedings.mlr.press/v235/abad-rocamora24a.html'],
];

const NOT_PAPERS: string[] = [
  '',
  '   ',
  'github.com',
  'https://github.com',
  'https://github.com/facebookresearch/encodec',
  'https://facebookresearch.github.io/project',
  'https://example.org/',
  'https://example.org',
  'someone@example.com',
  'mailto:someone@example.com',
  'ftp://arxiv.org/abs/2412.01234',
  // version numbers, ISBNs, numbers in prose
  '1.2.3',
  'v2.0',
  '3.14',
  '1234.5678',
  '978-3-16-148410-0',
  'ISBN 978-3-16-148410-0',
  'see 2412.01234 for details',
  'other stuff 10.1006/jmbi.1998.2354 end',
  'doi: 10.1006/jmbi.1998.2354 end',
  'https : / / doi.org / 10 .1109 /V LHCC.20 04.20',
  'urn:isbn:0451450523',
  'http://doi.org/10.1006/rwei.1999%20.0001', // a key must stay one token
  // malformed arXiv ids
  '2413.01234', // month 13
  '2400.01234', // month 0
  '2412.123', // too few digits
  '2412.123456', // too many digits
  '1501.1234', // four digits after 2015
  '1412.12345', // five digits before 2015
  '0703.1234', // new style began in April 2007
  '2412.00000', // serial 0
  '2412.01234v0',
  'hep-th/0000000',
  'hep-th/9913001', // month 13
  'hep-th/0801001', // old style ended March 2007
  'foo-bar/9901001', // no such archive
  'hep-th/990100',
  // malformed DOIs and short DOIs
  '10.1006jmbi.1998.2354',
  '12.1006/jmbi.1998.2354',
  '10/2021/01',
  '01/10/2021',
  '20/abcd',
  '10gf4gqc',
  // bare OpenReview ids are indistinguishable from any token
  'GiHo83ozsF',
  'https://openreview.net/forum',
  'https://openreview.net/profile?id=~Ann_Lee1',
  'https://openreview.net/group?id=ICLR.cc/2024/Conference',
  // pages of the paper sites that are not one paper
  'https://arxiv.org/list/cs.CV/recent',
  'https://arxiv.org/a/lee_a_1',
  'https://arxiv.org/abs/',
  'https://huggingface.co/papers',
  'https://huggingface.co/papers/date/2024-12-11',
  'https://huggingface.co/facebook/sam2',
  'https://aclanthology.org/volumes/2023.acl-long/',
  'https://aclanthology.org/events/acl-2023/',
  'https://aclanthology.org/people/a/ann-lee/',
  'https://www.aclweb.org/',
  'https://www.semanticscholar.org/author/Ann-Lee/12345',
  'https://scholar.google.com/citations?user=abc',
  'https://doi.org/',
  'https://creativecommons.org/licenses/by/4.0/',
  'https://proceedings.neurips.cc/static/css/style.css',
  'https://accounts.google.com/Login?hl=en',
  'P18-1',
  '2022.acl-main',
  // bioRxiv and medRxiv pages that are not one paper
  'https://www.biorxiv.org/',
  'https://www.biorxiv.org/collection/bioinformatics',
  'https://www.biorxiv.org/content/early/recent',
  'https://www.biorxiv.org/search/transformer',
  'https://www.medrxiv.org/collection/epidemiology?page=2',
  'https://www.biorxiv.org/content/10.1101/2020.03.01.972349v0',
  // dblp pages that are not one paper, and keys of no record kind
  'https://dblp.org/',
  'https://dblp.org/pid/55/1490.html',
  'https://dblp.org/db/conf/icml/icml2024.html',
  'https://dblp.org/db/journals/tods/tods31.html',
  'https://dblp.org/search?q=zotero',
  'https://dblp.org/rec/',
  'dblp:homepages/55/1490',
  'dblp:conf/icml',
  'dblp:conf icml Smith',
];

function check(rows: Row[]) {
  for (const [input, key, version] of rows) {
    it(`${JSON.stringify(input)} → ${key}`, () => {
      const id = parsePaperId(input);
      expect(id?.key).toBe(key);
      expect(id?.version).toBe(version);
      expect(id?.key).toBe(`${id?.kind}:${id?.id}`);
    });
  }
}

describe('parsePaperId: arXiv', () => check(ARXIV));
describe('parsePaperId: DOI', () => check(DOI));
describe('parsePaperId: ACL Anthology', () => check(ACL));
describe('parsePaperId: OpenReview', () => check(OPENREVIEW));
describe('parsePaperId: bioRxiv and medRxiv', () => check(RXIV));
describe('parsePaperId: dblp records', () => check(DBLP));
describe('parsePaperId: url keys', () => check(URL_KEYS));

describe('parsePaperId: not a paper', () => {
  for (const input of NOT_PAPERS) {
    it(`${JSON.stringify(input)} → null`, () => expect(parsePaperId(input)).toBeNull());
  }
});

describe('parsePaperId: pages that only look like short DOIs', () => {
  // Not DOIs; as pages of an unknown site they are kept by URL.
  it.each([
    ['https://www.abc.de/10/abcd', 'url:https://www.abc.de/10/abcd'],
    ['http://www.boi.org/10/2010bingbong/', 'url:https://www.boi.org/10/2010bingbong'],
  ])('%s → %s', (input, key) => expect(parsePaperId(input)?.key).toBe(key));
});

describe('parsePaperId: kinds and versions', () => {
  it('splits the version off and keeps it', () => {
    expect(parsePaperId('https://arxiv.org/pdf/2412.01234v2.pdf')).toEqual({
      kind: 'arxiv',
      id: '2412.01234',
      version: 2,
      key: 'arxiv:2412.01234',
    });
  });

  it('gives no version field when the input names none', () => {
    expect(parsePaperId('10.1145/3581783.3611962')).toEqual({
      kind: 'doi',
      id: '10.1145/3581783.3611962',
      key: 'doi:10.1145/3581783.3611962',
    });
  });

  it('gives a bioRxiv paper one key whatever version, view or host names it', () => {
    const forms = [
      'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1',
      'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v2.full.pdf+html',
      'https://doi.org/10.1101/2021.08.03.454978',
      'doi:10.1101/2021.08.03.454978v3',
    ];
    expect(new Set(forms.map((f) => parsePaperId(f)?.key))).toEqual(new Set(['doi:10.1101/2021.08.03.454978']));
  });

  it('keeps a dblp key as written: dblp keys are case-sensitive', () => {
    expect(parsePaperId('https://DBLP.org/rec/conf/icml/AchituveDNCF24.html')).toEqual({
      kind: 'dblp',
      id: 'conf/icml/AchituveDNCF24',
      key: 'dblp:conf/icml/AchituveDNCF24',
    });
  });

  it('gives the same paper on Hugging Face, arXiv, alphaXiv, Semantic Scholar and as a DOI the same key', () => {
    const forms = [
      'https://huggingface.co/papers/2412.01234',
      'https://arxiv.org/abs/2412.01234v1',
      'https://arxiv.org/pdf/2412.01234v3',
      'https://www.alphaxiv.org/overview/2412.01234',
      'https://www.semanticscholar.org/arxiv/2412.01234',
      'https://doi.org/10.48550/arXiv.2412.01234',
      'arXiv:2412.01234',
    ];
    expect(new Set(forms.map((f) => parsePaperId(f)?.key))).toEqual(new Set(['arxiv:2412.01234']));
  });

  it('parses every key it produces back to itself', () => {
    for (const [input] of [...ARXIV, ...DOI, ...RXIV, ...DBLP, ...ACL, ...OPENREVIEW, ...URL_KEYS]) {
      const key = parsePaperId(input)!.key;
      expect(parsePaperId(key)?.key, key).toBe(key);
    }
  });

  it('refuses inputs that are not strings or are absurdly long', () => {
    expect(parsePaperId(undefined as unknown as string)).toBeNull();
    expect(parsePaperId(42 as unknown as string)).toBeNull();
    expect(parsePaperId(`https://example.org/${'a'.repeat(5000)}`)).toBeNull();
  });
});
