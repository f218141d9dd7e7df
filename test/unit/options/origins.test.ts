import { describe, expect, it } from 'vitest';
import { hostsHint, hostsOf, originPattern, parseOrigin } from '../../../src/options/origins';
import { normalizeSettings } from '../../../src/shared/settings';

describe('parseOrigin', () => {
  it.each([
    ['lab.example.org', 'https://lab.example.org'],
    ['https://lab.example.org/papers?x=1#top', 'https://lab.example.org'],
    ['HTTPS://Lab.Example.ORG:8443/', 'https://lab.example.org:8443'],
    ['http://localhost:8000', 'http://localhost:8000'],
    ['  workshop.example.com/list  ', 'https://workshop.example.com'],
    // International names are kept in the ASCII form browsers match on.
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
  ])('%s → %s', (input, origin) => {
    expect(parseOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Type the address/],
    ['ftp://files.example.org', /Only web pages/],
    ['javascript:alert(1)', /Only web pages/],
    ['https://user:pw@example.org', /user name and password/],
    ['http://exa mple.org', /not a web address/],
    ['https://exa_mple.org', /letters, digits/],
  ])('refuses %j', (input, error) => {
    const result = parseOrigin(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('gives origins the settings keep as they are', () => {
    const origins = ['lab.example.org', 'http://localhost:8000/x', 'HTTPS://A.B.C:1/'].map((input) => {
      const result = parseOrigin(input);
      return result.ok ? result.origin : '';
    });
    expect(normalizeSettings({ genericOrigins: origins }).genericOrigins).toEqual(origins);
    expect(originPattern('https://lab.example.org')).toBe('https://lab.example.org/*');
  });
});

describe('hosts of match patterns', () => {
  it('lists each host once and shortens long lists', () => {
    const matches = ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://*.alphaxiv.org/abs/*', 'https://x.org/*'];
    expect(hostsOf(matches)).toEqual(['arxiv.org', '*.alphaxiv.org', 'x.org']);
    expect(hostsHint(matches)).toBe('arxiv.org, *.alphaxiv.org and 1 more');
    expect(hostsHint(matches.slice(0, 2))).toBe('arxiv.org');
  });
});
