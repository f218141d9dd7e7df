// Every BibTeX sample read to complete records. Each expectation is written from the sample file by hand.
import { describe, expect, it } from 'vitest';
import { readLibraryFile } from '../../../src/core/import';
import { NOW, imported, sample } from './samples';

const TRANSFORMER_AUTHORS = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'];
const RESNET_AUTHORS = ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'];
const BERT_AUTHORS = ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'];

function read(name: string) {
  const result = readLibraryFile(sample(name), undefined, NOW);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('BibTeX samples', () => {
  it('zotero.bib: braced capitals, LaTeX escapes, note and annote, month macro', () => {
    expect(read('zotero.bib')).toEqual({
      ok: true,
      format: 'bibtex',
      papers: [
        {
          label: 'vaswani_attention_2023',
          paper: imported({
            key: 'arxiv:1706.03762',
            title: 'Attention Is All You Need',
            url: 'http://arxiv.org/abs/1706.03762',
            authors: TRANSFORMER_AUTHORS,
            abstract:
              'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms. Experiments show 28.4 BLEU on the WMT 2014 English-to-German task, improving over the best results by over 2 BLEU, i.e. more than 7%.',
            published: '2023-08',
            site: 'bibtex',
            tags: ['Computer Science - Computation and Language', 'Computer Science - Machine Learning'],
            note: 'arXiv:1706.03762 [cs]\n\nComment: 15 pages, 5 figures',
          }),
        },
        {
          label: 'he_deep_2016',
          paper: imported({
            key: 'doi:10.1109/cvpr.2016.90',
            aliases: ['url:https://ieeexplore.ieee.org/document/7780459'],
            title: 'Deep Residual Learning for Image Recognition',
            url: 'http://ieeexplore.ieee.org/document/7780459/',
            authors: RESNET_AUTHORS,
            published: '2016-06',
            site: 'bibtex',
            tags: ['vision', 'to-reproduce'],
            note: 'Residual connections & identity shortcuts; read section 3.3 again.',
          }),
          venue: { name: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)', year: 2016 },
        },
      ],
      rejected: [],
      notices: [],
    });
  });

  it('better-bibtex.bib: @online with eprint/eprinttype, doubled braces, biblatex dates', () => {
    expect(read('better-bibtex.bib').papers).toEqual([
      {
        label: 'devlinBERTPretrainingDeep2019',
        paper: imported({
          key: 'arxiv:1810.04805',
          title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
          url: 'http://arxiv.org/abs/1810.04805',
          authors: BERT_AUTHORS,
          published: '2019-05-24',
          site: 'bibtex',
          tags: ['nlp', 'pretraining'],
        }),
      },
      {
        label: 'radfordLearningTransferableVisual2021',
        paper: imported({
          key: 'arxiv:2103.00020',
          aliases: ['url:https://proceedings.mlr.press/v139/radford21a.html'],
          title: 'Learning Transferable Visual Models From Natural Language Supervision',
          url: 'https://proceedings.mlr.press/v139/radford21a.html',
          authors: ['Alec Radford', 'Jong Wook Kim', 'Chris Hallacy', 'Aditya Ramesh', 'Gabriel Goh', 'Sandhini Agarwal', 'Girish Sastry', 'Amanda Askell', 'Pamela Mishkin', 'Jack Clark', 'Gretchen Krueger', 'Ilya Sutskever'],
          published: '2021-07-01',
          site: 'bibtex',
          tags: ['multimodal'],
        }),
        venue: { name: 'Proceedings of the 38th International Conference on Machine Learning 2021', year: 2021 },
      },
    ]);
  });

  it('jabref.bib: CRLF, @String macro in a concatenation, groups and read status, @Comment trailers', () => {
    expect(read('jabref.bib')).toEqual({
      ok: true,
      format: 'bibtex',
      papers: [
        {
          label: 'Kingma2015',
          paper: imported({
            key: 'arxiv:1412.6980',
            title: 'Adam: A Method for Stochastic Optimization',
            url: 'https://arxiv.org/abs/1412.6980',
            authors: ['Diederik P. Kingma', 'Jimmy Ba'],
            published: '2015',
            site: 'bibtex',
            tags: ['Optimisation', 'Thesis'],
            status: 'read',
          }),
          venue: { name: '3rd International Conference on Learning Representations 2015', year: 2015 },
        },
        {
          label: 'Schmidhuber2015',
          paper: imported({
            key: 'doi:10.1016/j.neunet.2014.09.003',
            title: 'Deep learning in neural networks: An overview',
            url: 'https://doi.org/10.1016/j.neunet.2014.09.003',
            authors: ['Jürgen Schmidhuber'],
            published: '2015',
            site: 'bibtex',
            tags: ['Thesis'],
            status: 'reading',
            note: 'Long survey; the history part is the useful one.',
          }),
          venue: { name: 'Neural Networks 2015', year: 2015 },
        },
      ],
      rejected: [],
      notices: [],
    });
  });

  it('google-scholar.bib: the arXiv id from "arXiv preprint arXiv:…", a title-only paper keyed by its title', () => {
    expect(read('google-scholar.bib').papers).toEqual([
      {
        label: 'devlin2018bert',
        paper: imported({
          key: 'arxiv:1810.04805',
          title: 'Bert: Pre-training of deep bidirectional transformers for language understanding',
          url: 'https://arxiv.org/abs/1810.04805',
          authors: BERT_AUTHORS,
          published: '2018',
          site: 'bibtex',
        }),
      },
      {
        label: 'ronneberger2015u',
        paper: imported({
          key: 'title:unet-convolutional-networks-for-biomedical-image-segmentation/ronneberger',
          title: 'U-net: Convolutional networks for biomedical image segmentation',
          url: 'https://scholar.google.com/scholar?q=U-net%3A%20Convolutional%20networks%20for%20biomedical%20image%20segmentation',
          authors: ['Olaf Ronneberger', 'Philipp Fischer', 'Thomas Brox'],
          published: '2015',
          site: 'bibtex',
        }),
        venue: { name: 'International Conference on Medical image computing and computer-assisted intervention 2015', year: 2015 },
      },
    ]);
  });

  it('dblp.bib: CoRR as arXiv, the proceedings page as a url key, dblp record keys as aliases', () => {
    const authors = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin'];
    const { papers } = read('dblp.bib');
    expect(papers.map((p) => p.label)).toEqual(['DBLP:journals/corr/VaswaniSPUJGKP17', 'DBLP:conf/nips/VaswaniSPUJGKP17']);
    expect(papers[0].paper).toEqual(
      imported({
        key: 'arxiv:1706.03762', aliases: ['dblp:journals/corr/VaswaniSPUJGKP17'], title: 'Attention Is All You Need',
        url: 'http://arxiv.org/abs/1706.03762', authors, published: '2017', site: 'bibtex',
      }),
    );
    expect(papers[0].venue).toBeUndefined(); // CoRR is arXiv, not a published version
    expect(papers[1].paper).toEqual(
      imported({
        key: 'url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
        aliases: ['dblp:conf/nips/VaswaniSPUJGKP17'],
        title: 'Attention is All you Need',
        url: 'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
        authors,
        published: '2017',
        site: 'bibtex',
      }),
    );
    expect(papers[1].venue).toEqual({
      name: 'Advances in Neural Information Processing Systems 30: Annual Conference on Neural Information Processing Systems 2017, December 4-9, 2017, Long Beach, CA, USA',
      year: 2017,
    });
  });

  it('dblp-crossref.bib: an entry takes the booktitle and year of the proceedings it cross-references, and the proceedings are not papers', () => {
    expect(read('dblp-crossref.bib')).toEqual({
      ok: true,
      format: 'bibtex',
      papers: [
        {
          label: 'DBLP:conf/iclr/KingmaB14',
          paper: imported({
            key: 'arxiv:1412.6980', aliases: ['dblp:journals/corr/KingmaB14', 'dblp:conf/iclr/KingmaB14'],
            title: 'Adam: A Method for Stochastic Optimization', url: 'http://arxiv.org/abs/1412.6980',
            authors: ['Diederik P. Kingma', 'Jimmy Ba'], published: '2015', site: 'bibtex',
          }),
          venue: { name: '3rd International Conference on Learning Representations, ICLR 2015, San Diego, CA, USA, May 7-9, 2015, Conference Track Proceedings', year: 2015 },
        },
        {
          label: 'DBLP:conf/iclr/HuSWALWWC22',
          paper: imported({
            key: 'openreview:nZeVKeeFYf9', aliases: ['dblp:conf/iclr/HuSWALWWC22'],
            title: 'LoRA: Low-Rank Adaptation of Large Language Models', url: 'https://openreview.net/forum?id=nZeVKeeFYf9',
            authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis', 'Zeyuan Allen-Zhu', 'Yuanzhi Li', 'Shean Wang', 'Lu Wang', 'Weizhu Chen'],
            published: '2022', site: 'bibtex',
          }),
          venue: { name: 'The Tenth International Conference on Learning Representations, ICLR 2022, Virtual Event, April 25-29, 2022', year: 2022 },
        },
        {
          label: 'DBLP:conf/cvpr/HeZRS16',
          paper: imported({
            key: 'url:https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
            aliases: ['dblp:conf/cvpr/HeZRS16'],
            title: 'Deep Residual Learning for Image Recognition',
            url: 'https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
            authors: RESNET_AUTHORS, published: '2016', site: 'bibtex',
          }),
          venue: { name: '2016 IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016, Las Vegas, NV, USA, June 27-30, 2016', year: 2016 },
        },
      ],
      rejected: [],
      notices: [
        { entry: 'DBLP:conf/iclr/2015', message: 'proceedings that other entries cross-reference, not a paper: not imported, its fields given to those entries' },
        { entry: 'DBLP:conf/iclr/2022', message: 'proceedings that other entries cross-reference, not a paper: not imported, its fields given to those entries' },
      ],
    });
  });

  it('semantic-scholar.bib: an arXiv paper as journal "ArXiv" and volume "abs/…", a paper known by its title and a CorpusID link', () => {
    const authors = ['Ashish Vaswani', 'Noam M. Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin'];
    expect(read('semantic-scholar.bib').papers).toEqual([
      {
        label: 'Vaswani2017AttentionIA',
        paper: imported({
          key: 'arxiv:1706.03762', title: 'Attention is All you Need', url: 'https://api.semanticscholar.org/CorpusID:13756489',
          authors, published: '2017', site: 'bibtex',
        }),
      },
      {
        label: 'Devlin2019BERTPO',
        paper: imported({
          key: 'title:bert-pretraining-of-deep-bidirectional-transformers-for-language-understanding/devlin',
          title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
          url: 'https://api.semanticscholar.org/CorpusID:52967399', authors: BERT_AUTHORS, published: '2019', site: 'bibtex',
        }),
        venue: { name: 'North American Chapter of the Association for Computational Linguistics 2019', year: 2019 },
      },
    ]);
  });

  it('arxiv-acl-openreview.bib: new and old arXiv ids, an ACL Anthology id, an OpenReview forum', () => {
    expect(read('arxiv-acl-openreview.bib').papers).toEqual([
      {
        label: 'ho2020denoisingdiffusionprobabilisticmodels',
        paper: imported({
          key: 'arxiv:2006.11239', title: 'Denoising Diffusion Probabilistic Models', url: 'https://arxiv.org/abs/2006.11239',
          authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'], published: '2020', site: 'bibtex',
        }),
      },
      {
        label: 'witten1998antidesitter',
        paper: imported({
          key: 'arxiv:hep-th/9802150', title: 'Anti De Sitter Space And Holography', url: 'https://arxiv.org/abs/hep-th/9802150',
          authors: ['Edward Witten'], published: '1998', site: 'bibtex',
        }),
      },
      {
        label: 'devlin-etal-2019-bert',
        paper: imported({
          key: 'acl:N19-1423', title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
          url: 'https://aclanthology.org/N19-1423/', authors: BERT_AUTHORS, published: '2019-06', site: 'bibtex',
        }),
        venue: {
          name: 'Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)',
          year: 2019,
        },
      },
      {
        label: 'kipf2017semisupervised',
        paper: imported({
          key: 'openreview:SJU4ayYgl', title: 'Semi-Supervised Classification with Graph Convolutional Networks',
          url: 'https://openreview.net/forum?id=SJU4ayYgl', authors: ['Thomas N. Kipf', 'Max Welling'], published: '2017', site: 'bibtex',
        }),
        venue: { name: 'International Conference on Learning Representations 2017', year: 2017 },
      },
    ]);
  });

  it('mendeley.bib: one citation key for two papers gives two papers and a notice', () => {
    expect(read('mendeley.bib')).toEqual({
      ok: true,
      format: 'bibtex',
      papers: [
        {
          label: 'Zhang2017 (entry 1)',
          paper: imported({
            key: 'arxiv:1710.09412', title: 'mixup: Beyond Empirical Risk Minimization', url: 'http://arxiv.org/abs/1710.09412',
            authors: ['Hongyi Zhang', 'Moustapha Cisse', 'Yann N. Dauphin', 'David Lopez-Paz'],
            abstract:
              'Large deep neural networks are powerful, but exhibit undesirable behaviors such as memorization and sensitivity to adversarial examples. In this work, we propose mixup, a simple learning principle to alleviate these issues.',
            published: '2017', site: 'bibtex', tags: ['augmentation', 'to-cite', 'Regularisation'],
          }),
        },
        {
          label: 'Zhang2017 (entry 2)',
          paper: imported({
            key: 'arxiv:1611.03530', title: 'Understanding deep learning requires rethinking generalization', url: 'http://arxiv.org/abs/1611.03530',
            authors: ['Chiyuan Zhang', 'Samy Bengio', 'Moritz Hardt', 'Benjamin Recht', 'Oriol Vinyals'],
            abstract: 'Despite their massive size, successful deep artificial neural networks can exhibit a remarkably small difference between training and test performance.',
            published: '2017', site: 'bibtex', tags: ['Generalisation'],
          }),
          venue: { name: 'ICLR 2017', year: 2017 },
        },
      ],
      rejected: [],
      notices: [{ entry: 'Zhang2017', message: 'the citation key is used by 2 entries; each was matched by its own ids and title' }],
    });
  });

  it('latex-project.bib: macros, junk text, control characters; broken entries rejected with their line, the rest read', () => {
    const result = read('latex-project.bib');
    expect(result.papers).toEqual([
      {
        label: 'goodfellow2014gan',
        paper: imported({
          key: 'url:https://proceedings.neurips.cc/paper/5423-generative-adversarial-nets',
          title: 'Generative Adversarial Nets',
          url: 'https://papers.nips.cc/paper/5423-generative-adversarial-nets',
          authors: ['Ian Goodfellow', 'Jean Pouget-Abadie', 'Mehdi Mirza', 'Bing Xu', 'David Warde-Farley', 'Sherjil Ozair', 'Aaron Courville', 'Yoshua Bengio'],
          published: '2014',
          site: 'bibtex',
        }),
        venue: { name: 'Advances in Neural Information Processing Systems 27 2014', year: 2014 },
      },
      {
        label: 'he2015resnet',
        paper: imported({
          key: 'arxiv:1512.03385', title: 'Deep residual learning for image recognition', url: 'https://arxiv.org/abs/1512.03385',
          authors: RESNET_AUTHORS, published: '2015', site: 'bibtex', tags: ['resnet'],
        }),
      },
      {
        label: 'he2016resnet',
        paper: imported({
          key: 'doi:10.1109/cvpr.2016.90', title: 'Deep Residual Learning for Image Recognition', url: 'https://doi.org/10.1109/cvpr.2016.90',
          authors: RESNET_AUTHORS, published: '2016', site: 'bibtex', note: 'Best paper award.',
        }),
        venue: { name: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition 2016', year: 2016 },
      },
      {
        label: 'optimaltransportnotes',
        paper: imported({
          key: 'title:lecture-notes-on-optimal-transport-for-machine-learning',
          title: 'Lecture notes on optimal transport for machine learning',
          url: 'https://scholar.google.com/scholar?q=Lecture%20notes%20on%20optimal%20transport%20for%20machine%20learning',
          authors: [],
          site: 'bibtex',
          note: 'Handed out in class; see the appendix.',
        }),
      },
      {
        label: 'kingma2014autoencoding',
        paper: imported({
          key: 'arxiv:1312.6114', title: 'Auto-Encoding Variational Bayes', url: 'https://arxiv.org/abs/1312.6114',
          authors: ['Diederik P Kingma', 'Max Welling'], published: '2013', site: 'bibtex',
        }),
      },
    ]);
    expect(result.rejected).toEqual([
      { entry: '@article{broken2019, (line 38)', reason: 'not well-formed BibTeX: expected "}", got a field name (line 40)' },
      { entry: '@article{neverclosed2021, (line 55)', reason: 'not well-formed BibTeX: a brace or quote is never closed (line 60)' },
      { entry: 'untitled2020', reason: 'no title' },
    ]);
    expect(result.notices).toEqual([]);
  });
});

/** The fields of a record an export tool decides, with the venue the entry names. */
function rows(name: string) {
  const result = read(name);
  return {
    papers: result.papers.map(({ label, paper: { key, aliases, title, url, authors, published, tags, note }, venue }) => ({
      label, key, aliases, title, url, authors, published, tags, note, venue,
    })),
    rejected: result.rejected,
    notices: result.notices,
  };
}

describe('BibTeX samples, round 3', () => {
  it('better-bibtex-biblatex.bib: eventtitle, @online and @report e-prints, dates, ; and , keywords, the extended name form, a corporate author', () => {
    expect(rows('better-bibtex-biblatex.bib')).toEqual({
      papers: [
        {
          label: 'vaswaniAttentionAllYou2017',
          key: 'url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
          aliases: [],
          title: 'Attention Is All You Need',
          url: 'https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
          authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
          published: '2017',
          tags: ['attention', 'transformers'],
          note: '',
          venue: { name: 'Advances in Neural Information Processing Systems 2017', year: 2017 },
        },
        {
          label: 'touvronLLaMAOpenEfficient2023', key: 'arxiv:2302.13971', aliases: [],
          title: 'LLaMA: Open and Efficient Foundation Language Models', url: 'http://arxiv.org/abs/2302.13971',
          authors: ['Hugo Touvron', 'Thibaut Lavril', 'Timothée Lacroix', 'Baptiste Rozière'], published: '2023-02-27',
          tags: ['Computer Science - Computation and Language', 'Computer Science - Machine Learning'], note: 'Comment: 27 pages', venue: undefined,
        },
        {
          label: 'openaiGPT4TechnicalReport2024', key: 'arxiv:2303.08774', aliases: [], title: 'GPT-4 Technical Report',
          url: 'http://arxiv.org/abs/2303.08774', authors: ['OpenAI', 'Josh Achiam', 'Steven Adler'], published: '2024-03-04',
          tags: ['llm'], note: '', venue: undefined,
        },
        {
          // Better BibTeX title-cases an English title on export ("Using T-SNE"); the import keeps what the file says.
          label: 'maatenVisualizingDataUsing2008', key: 'url:https://jmlr.org/papers/v9/vandermaaten08a.html', aliases: [],
          title: 'Visualizing Data Using T-SNE', url: 'http://jmlr.org/papers/v9/vandermaaten08a.html',
          authors: ['Laurens van der Maaten', 'Geoffrey Hinton'], published: '2008', tags: [], note: '',
          venue: { name: 'Journal of Machine Learning Research 2008', year: 2008 },
        },
        {
          label: 'hu2022lora', key: 'openreview:nZeVKeeFYf9', aliases: [], title: 'LoRA: Low-Rank Adaptation of Large Language Models',
          url: 'https://openreview.net/forum?id=nZeVKeeFYf9', authors: ['Edward J. Hu', 'Yelong Shen'], published: '2022',
          tags: ['fine-tuning', 'peft'], note: '', venue: { name: 'International Conference on Learning Representations 2022', year: 2022 },
        },
      ],
      rejected: [],
      notices: [],
    });
  });

  it('google-scholar-one.bib: {\\L}ukasz, a venue without its year, a paper known by its title', () => {
    expect(rows('google-scholar-one.bib').papers).toEqual([
      {
        label: 'vaswani2017attention', key: 'title:attention-is-all-you-need/vaswani', aliases: [], title: 'Attention is all you need',
        url: 'https://scholar.google.com/scholar?q=Attention%20is%20all%20you%20need',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
        published: '2017', tags: [], note: '', venue: { name: 'Advances in neural information processing systems 2017', year: 2017 },
      },
    ]);
  });

  it('acl-anthology.bib: a new-style Anthology id, van der, accents, names parted by two spaces and a line break', () => {
    expect(rows('acl-anthology.bib').papers).toEqual([
      {
        label: 'van-der-goot-etal-2021-massive', key: 'acl:2021.naacl-main.197', aliases: [],
        title: 'From Masked Language Modeling to Translation: Non-English Auxiliary Tasks Improve Zero-shot Spoken Language Understanding',
        url: 'https://aclanthology.org/2021.naacl-main.197/',
        authors: ['Rob van der Goot', 'Ibrahim Sharaf', 'Aizhan Imankulova', 'Ahmet Üstün', 'Marija Stepanović', 'Alan Ramponi', 'Siti Oryza Khairunnisa', 'Mamoru Komachi', 'Barbara Plank'],
        published: '2021-06', tags: [], note: '',
        venue: { name: 'Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies', year: 2021 },
      },
    ]);
  });

  it('macros-duplicates-broken.synthetic.bib: macros of macros, one key for two papers, a broken entry named, every other entry read', () => {
    expect(rows('macros-duplicates-broken.synthetic.bib')).toEqual({
      papers: [
        {
          label: 'a', key: 'arxiv:1706.03762', aliases: [], title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762',
          authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-12', tags: [], note: '',
          venue: { name: 'Advances in Neural Information Processing Systems 30 (NIPS 2017)', year: 2017 },
        },
        {
          label: 'b (entry 2)', key: 'title:dropout-a-simple-way-to-prevent-neural-networks-from-overfitting/srivastava', aliases: [],
          title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
          url: 'https://scholar.google.com/scholar?q=Dropout%3A%20A%20Simple%20Way%20to%20Prevent%20Neural%20Networks%20from%20Overfitting',
          authors: ['Nitish Srivastava', 'Geoffrey Hinton'], published: '2014-06', tags: [], note: 'Two entries share this key below.',
          venue: { name: 'Journal of Machine Learning Research 2014', year: 2014 },
        },
        {
          label: 'b (entry 3)', key: 'arxiv:1506.02142', aliases: [], title: 'Dropout as a Bayesian Approximation', url: 'https://arxiv.org/abs/1506.02142',
          authors: ['Yarin Gal', 'Zoubin Ghahramani'], published: '2015', tags: [], note: '', venue: undefined,
        },
        {
          label: 'c', key: 'url:https://example.org/after', aliases: [], title: 'After the Broken One', url: 'https://example.org/after',
          authors: ['Google DeepMind', 'Ana de la Cruz', 'Martin King Jr.'], published: '2021', tags: [], note: '', venue: undefined,
        },
      ],
      rejected: [{ entry: '@article{broken, (line 30)', reason: 'not well-formed BibTeX: a brace or quote is never closed (line 36)' }],
      notices: [{ entry: 'b', message: 'the citation key is used by 2 entries; each was matched by its own ids and title' }],
    });
  });
});
