import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinCjkLines, normalizeCjkPunctuation } from '../../src/i18n/cjk-punctuation.ts';
import zh from '../../src/i18n/zh.json';

describe('normalizeCjkPunctuation()', () => {
  it('turns ASCII punctuation between Chinese characters into full-width', () => {
    expect(normalizeCjkPunctuation('先把记号统一,再推导:第一步;对吗?对!')).toBe('先把记号统一，再推导：第一步；对吗？对！');
  });
  it('uses full-width parentheses around Chinese content and after Chinese text', () => {
    expect(normalizeCjkPunctuation('DDPM(Ho、Jain 与 Abbeel,2020)先给定')).toBe('DDPM（Ho、Jain 与 Abbeel，2020）先给定');
    expect(normalizeCjkPunctuation('见附录(Appendix C)')).toBe('见附录（Appendix C）');
  });
  it('leaves English, numbers, URLs and ASCII-only parentheses alone', () => {
    const english = 'Song, Meng & Ermon (2021): see f(x), 1,000 steps, 10:30, http://x.org.';
    expect(normalizeCjkPunctuation(english)).toBe(english);
    expect(normalizeCjkPunctuation('参见 http://127.0.0.1:4321/ 与 f(x)')).toBe('参见 http://127.0.0.1:4321/ 与 f(x)');
    expect(normalizeCjkPunctuation('共 1,000 步')).toBe('共 1,000 步');
  });
  it('converts a comma that ends a line when Chinese text follows (e.g. after inline math)', () => {
    expect(normalizeCjkPunctuation(',\n把单步系数')).toBe('，\n把单步系数');
  });
  it('treats a parenthesis split across inline elements as Chinese when the text is Chinese', () => {
    expect(normalizeCjkPunctuation('(Nichol 与 Dhariwal,2021;diffusers 里叫 ')).toBe('（Nichol 与 Dhariwal，2021；diffusers 里叫 ');
  });
  it('drops the spaces around full-width punctuation', () => {
    expect(normalizeCjkPunctuation('就是 DDIM 的式 (12):')).toBe('就是 DDIM 的式（12）：');
    expect(normalizeCjkPunctuation('结果， 然后')).toBe('结果，然后');
  });
  it('keeps notation parentheses attached to a symbol', () => {
    const text = '边缘分布 q(x_t | x_0) 的检验，step() 与 √(1 − α) 不是实数，sqrt(0.5) 也行';
    expect(normalizeCjkPunctuation(text)).toBe(text);
  });
  it('is idempotent on random mixes of Chinese, Latin, digits and punctuation', () => {
    const ch = fc.constantFrom('中', '文', 'a', 'b', '1', ' ', ',', ':', ';', '?', '!', '(', ')', '（', '）', '，', '。', '\n');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 14 }).map((a) => a.join('')), (text) => {
        const once = normalizeCjkPunctuation(text);
        expect(normalizeCjkPunctuation(once)).toBe(once);
      }),
      { numRuns: 20000, seed: 1 },
    );
  });
  it('is idempotent', () => {
    const once = normalizeCjkPunctuation('记为 α,累乘记为 ᾱ:(注意)');
    expect(normalizeCjkPunctuation(once)).toBe(once);
  });
});

describe('joinCjkLines()', () => {
  it('drops a line break between Chinese characters but keeps one next to Latin text or math', () => {
    expect(joinCjkLines('不同的含义。\n两篇论文')).toBe('不同的含义。两篇论文');
    expect(joinCjkLines('记为\nDDIM 的')).toBe('记为\nDDIM 的');
    expect(joinCjkLines('这样一来，\nDDPM 的')).toBe('这样一来，DDPM 的');
  });
});

describe('the Chinese UI string table', () => {
  it('already uses full-width punctuation (run the normaliser on any string this lists)', () => {
    const offenders = Object.entries(zh).filter(([, v]) => normalizeCjkPunctuation(v) !== v);
    expect(offenders).toEqual([]);
  });
});

describe('the Chinese chapters’ titles and descriptions', () => {
  // Front matter is not prose, so the build's normaliser never sees it; the home page and the
  // page's <meta name="description"> show it as written.
  it('already use full-width punctuation', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../content/zh/', import.meta.url);
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(file, dir), 'utf8'))?.[1] ?? '';
      for (const m of front.matchAll(/^(title|description): (.*)$/gm)) {
        if (normalizeCjkPunctuation(m[2]) !== m[2]) offenders.push(`${file} ${m[1]}: ${m[2]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
