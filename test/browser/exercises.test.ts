/**
 * Exercises in a real browser against the build: a correct answer, a wrong one with its specific
 * feedback, code that passes and code that loops forever (the page stays responsive), progress
 * export then import, corrupted storage, both languages, keyboard use, lazy loading; the
 * experiments chapter's exercises (formula, number, find-the-error and a run) in both languages.
 */
import { describe, expect, it } from 'vitest';
import { answer, card, freshContexts, openExercises, verdict } from './exercises-helpers.ts';

const SF = '/en/exercises/sampler-family/';
const fresh = freshContexts();

describe('formula and number answers', () => {
  it('accepts a correct formula, marks the exercise solved and saves it', async () => {
    const rec = await openExercises(await fresh(), SF);
    const requestsBefore = [...rec.requests];
    expect(requestsBefore.some((u) => /\/_astro\/(mathjs|codemirror)[.-]/.test(u))).toBe(false);
    const fb = await answer(rec.page, 'sampler-family/update-formula', 'update', 'sqrt(a_prev)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1 - a_prev - sigma^2)*eps + sigma*z');
    expect(await verdict(fb)).toContain('Correct');
    expect(rec.requests.some((u) => /\/_astro\/mathjs[.-]/.test(u))).toBe(true);
    expect(await card(rec.page, 'sampler-family/update-formula').locator('[data-status]').getAttribute('data-status')).toBe('solved');
    const saved = await rec.page.evaluate(() => localStorage.getItem('ddim-notebook/exercise/v1/sampler-family/update-formula@default'));
    expect(JSON.parse(saved!).parts.update.correct).toBe(true);
    await rec.page.reload();
    await rec.page.locator('[data-exercise="sampler-family/update-formula"]').scrollIntoViewIfNeeded();
    await rec.page.waitForSelector('[data-exercise="sampler-family/update-formula"][data-ready]');
    expect(await card(rec.page, 'sampler-family/update-formula').locator('[data-answer]').inputValue()).toContain('sigma*z');
    expect(rec.pageErrors).toEqual([]);
    expect(rec.foreignRequests).toEqual([]);
  });

  it('explains a wrong formula: “matches at η = 0 but not at η = 0.5 — is σ squared twice?”', async () => {
    const rec = await openExercises(await fresh(), SF);
    const fb = await answer(rec.page, 'sampler-family/update-formula', 'update', 'sqrt(a_prev)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1 - a_prev - sigma^2)*eps + sigma^2*z');
    const text = await verdict(fb);
    expect(text).toContain('Matches at η = 0 but not at η = 0.5.');
    expect(text).toMatch(/Is .*σ squared twice\?/);
    expect(text).toMatch(/For example at .*expected .*, yours gives/);
    expect(await fb.getAttribute('data-tone')).toBe('wrong');
    expect(await card(rec.page, 'sampler-family/update-formula').locator('[data-status]').getAttribute('data-status')).toBe('attempted');
  });

  it('gives a syntax error with its position and lists unknown symbols', async () => {
    const rec = await openExercises(await fresh(), SF);
    let text = await verdict(await answer(rec.page, 'sampler-family/sigma-squared-formula', 'sigma2', 'eta^2 * (1 - a_prev) /* (1 - a_t)'));
    expect(text).toMatch(/Syntax error at character 23: a number or a variable is expected here/);
    expect(await card(rec.page, 'sampler-family/sigma-squared-formula').locator('.ex-caret').innerText()).toMatch(/\n {22}\^$/);
    text = await verdict(await answer(rec.page, 'sampler-family/sigma-squared-formula', 'sigma2', 'eta^2 * beta_t / alfa_t'));
    expect(text).toContain('Unknown symbol(s): beta_t, alfa_t. You can use: a_t, a_prev, eta.');
    expect(text).toContain('did you mean a_t for alfa_t?');
    text = await verdict(await answer(rec.page, 'sampler-family/sigma-squared-formula', 'sigma2', 'eta*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)'));
    expect(text).toContain('Matches at η = 0 and η = 1 but not at η = 0.5.');
    expect(text).toContain("source notes");
  });

  it('checks numbers with a tolerance and names a known slip', async () => {
    const rec = await openExercises(await fresh(), SF);
    const id = 'sampler-family/sigma-eta';
    // Defaults: α_t = 0.5, α_{t−1} = 0.6, η = 0.5 → σ = 0.5·√(0.4/0.5)·√(1/6) ≈ 0.18257.
    expect(await verdict(await answer(rec.page, id, 'sigma', '0.1826'))).toContain('Correct');
    expect(await verdict(await answer(rec.page, id, 'sigma', 'sqrt(0.5)*0.36515'))).toContain('Not within the tolerance');
    expect(await verdict(await answer(rec.page, id, 'sigma', '0.03333'))).toContain('square of the answer');
    const junk = await verdict(await answer(rec.page, id, 'sigma', 'abc'));
    expect(junk).toContain('“abc” is not a number here');
    expect(junk).not.toContain('—');
    expect(await verdict(await answer(rec.page, id, 'sigma', '0.5*sqrt(0.4/0.5)*sqrt(1-0.5/0.6)'))).toContain('Correct');
  });
});

describe('a solved exercise', () => {
  it('stays solved after a later wrong attempt, which is counted; the correct answer is the one kept', async () => {
    const rec = await openExercises(await fresh(), SF);
    const id = 'sampler-family/sigma-eta';
    const status = () => card(rec.page, id).locator('[data-status]').getAttribute('data-status');
    expect(await verdict(await answer(rec.page, id, 'sigma', '0.1826'))).toContain('Correct');
    expect(await status()).toBe('solved');
    const wrong = await verdict(await answer(rec.page, id, 'sigma', '0.9'));
    expect(wrong).toContain('Not within the tolerance');
    expect(wrong).toContain('it stays solved');
    expect(await status()).toBe('solved');
    const saved = JSON.parse((await rec.page.evaluate(() => localStorage.getItem('ddim-notebook/exercise/v1/sampler-family/sigma-eta@default')))!);
    expect(saved.parts.sigma).toMatchObject({ answer: '0.1826', correct: true, attempts: 2 });
    await rec.page.reload();
    await card(rec.page, id).scrollIntoViewIfNeeded();
    await rec.page.waitForSelector(`[data-exercise="${id}"][data-ready]`);
    expect(await card(rec.page, id).locator('[data-answer]').inputValue()).toBe('0.1826');
    expect(await status()).toBe('solved');
    await rec.page.goto(rec.page.url().replace(/exercises\/sampler-family\/.*$/, 'exercises/progress/'));
    await rec.page.waitForSelector('[data-progress-rows] tr');
    expect(await rec.page.locator('[data-summary]').innerText()).toMatch(/^1 solved/);
  });
});

describe('code exercises', () => {
  it('runs code that passes in a sandbox worker', async () => {
    const rec = await openExercises(await fresh(), SF);
    const fb = await answer(rec.page, 'sampler-family/sigma-code', 'code', 'function sigma(alphaT, alphaPrev, eta) {\n  return eta * Math.sqrt((1 - alphaPrev) / (1 - alphaT)) * Math.sqrt(1 - alphaT / alphaPrev);\n}');
    expect(rec.requests.some((u) => /\/_astro\/codemirror[.-]/.test(u))).toBe(true);
    expect(await verdict(fb)).toContain('All 24 tests pass.');
    expect(rec.pageErrors).toEqual([]);
  });

  it('stops an infinite loop after the time limit while the page stays responsive', async () => {
    const rec = await openExercises(await fresh(), SF);
    const id = 'sampler-family/sigma-code';
    const fb = await answer(rec.page, id, 'code', 'function sigma(alphaT, alphaPrev, eta) {\n  while (true) {}\n}');
    // While the loop runs, the page still answers: a page timer fires while the check is still
    // running (a state, not a speed: the loop runs off the main thread), and a hint opens.
    const toneWhenTimerFired = await fb.evaluate((el: HTMLElement) => new Promise<string | undefined>((resolve) => setTimeout(() => resolve(el.dataset.tone), 0)));
    expect(toneWhenTimerFired).toBe('info');
    await card(rec.page, id).locator('[data-hint-next]').click();
    expect(await card(rec.page, id).locator('[data-hint="0"]').isVisible()).toBe(true);
    const text = await verdict(fb, 120_000);
    expect(text).toMatch(/Stopped after 2 s: sigma\(.*\) did not return\. An infinite loop\?/);
  });

  it('reports a thrown error, a wrong value with the first failing input, and a missing function', async () => {
    const rec = await openExercises(await fresh(), SF);
    const id = 'sampler-family/sigma-code';
    expect(await verdict(await answer(rec.page, id, 'code', 'function sigma(a, b, e) { throw new RangeError("no"); }'))).toMatch(/Test 1 of 24: sigma\(.*\) threw RangeError: no/);
    expect(await verdict(await answer(rec.page, id, 'code', 'function sigma(a, b, e) { return e * (1 - b); }'))).toMatch(/Test \d+ of 24 fails: sigma\(.*\) should return .*; yours returned .*\./);
    expect(await verdict(await answer(rec.page, id, 'code', 'function sgima(a, b, e) { return 0; }'))).toContain('Define a function named sigma(alphaT, alphaPrev, eta).');
    expect(await verdict(await answer(rec.page, id, 'code', 'function sigma(a, b, e) {\n  return e *;\n}'))).toMatch(/Syntax error at line 2, column 13/);
  });
});

describe('progress', () => {
  it('exports progress as JSON and restores it by importing the file', async () => {
    const ctx = await fresh();
    const rec = await openExercises(ctx, SF);
    await verdict(await answer(rec.page, 'sampler-family/sigma-eta', 'sigma', '0.1826'));
    await verdict(await answer(rec.page, 'sampler-family/sigma-hat-ratio', 'ratio', '3'));
    await rec.page.goto(rec.page.url().replace('/sampler-family/', '/progress/'));
    await rec.page.waitForSelector('[data-progress-row="sampler-family/sigma-eta"][data-status="solved"]');
    const [download] = await Promise.all([rec.page.waitForEvent('download'), rec.page.click('[data-export]')]);
    expect(download.suggestedFilename()).toMatch(/^ddim-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync(path!, 'utf8'));
    expect(file.format).toBe('ddim-notebook-progress');
    expect(file.entries.map((e: { id: string }) => e.id).sort()).toEqual(['sampler-family/sigma-eta', 'sampler-family/sigma-hat-ratio']);

    await rec.page.evaluate(() => localStorage.clear());
    await rec.page.reload();
    await rec.page.waitForSelector('[data-progress-row="sampler-family/sigma-eta"][data-status="untried"]');
    await rec.page.setInputFiles('[data-import]', path!);
    await rec.page.waitForSelector('[data-progress-row="sampler-family/sigma-eta"][data-status="solved"]');
    expect(await rec.page.locator('[data-transfer]').innerText()).toContain('Restored 2 entries');
    expect(await rec.page.locator('[data-progress-row="sampler-family/sigma-hat-ratio"]').getAttribute('data-status')).toBe('attempted');
    // A foreign file is refused with a reason, and nothing is lost.
    await rec.page.setInputFiles('[data-import]', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await rec.page.waitForFunction(() => document.querySelector('[data-transfer]')?.textContent?.includes('notes.json'));
    expect(await rec.page.locator('[data-transfer]').innerText()).toContain('notes.json was not imported: it is not a progress file from this site');
    expect(await rec.page.locator('[data-progress-row="sampler-family/sigma-eta"]').getAttribute('data-status')).toBe('solved');
    expect(rec.pageErrors).toEqual([]);
  });

  it('survives corrupted and foreign stored data: reports it, sets it aside, keeps the other answers', async () => {
    const ctx = await fresh();
    const good = { v: 1, id: 'sampler-family/sigma-eta', variant: 'default', parts: { sigma: { answer: '0.1826', correct: true, attempts: 1, at: '2025-01-01T00:00:00.000Z' } }, hints: 0, solution: false, ran: false, updated: '2025-01-01T00:00:00.000Z' };
    await ctx.addInitScript((g) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('ddim-notebook/exercise/v1/sampler-family/sigma-eta@default', JSON.stringify(g));
      localStorage.setItem('ddim-notebook/exercise/v1/sampler-family/sigma-hat-ratio@default', '{"v":1,"id":"sampler-fam');
      localStorage.setItem('ddim-notebook/exercise/v1/other-site/thing@default', JSON.stringify({ ...g, id: 'other-site/thing' }));
    }, good);
    const rec = await openExercises(ctx, SF);
    const notice = rec.page.locator('[data-store-notice]').first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain('2 saved item(s) could not be used and were set aside; your other answers are unaffected.');
    expect(await card(rec.page, 'sampler-family/sigma-eta').locator('[data-answer]').inputValue()).toBe('0.1826');
    expect(await card(rec.page, 'sampler-family/sigma-eta').locator('[data-status]').getAttribute('data-status')).toBe('solved');
    // The damaged exercise still works.
    expect(await verdict(await answer(rec.page, 'sampler-family/sigma-hat-ratio', 'ratio', '1'))).toContain('Not within');
    const kept = await rec.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ddim-notebook/set-aside/')).map((k) => JSON.parse(localStorage.getItem(k)!).raw));
    expect(kept).toContain('{"v":1,"id":"sampler-fam');
    await notice.locator('a').click();
    await rec.page.waitForSelector('[data-set-aside]:not([hidden])');
    expect(await rec.page.locator('[data-set-aside-list] li').count()).toBe(2);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });
});

describe('both languages, keyboard and labels', () => {
  it('checks answers on the Chinese page with Chinese feedback', async () => {
    const rec = await openExercises(await fresh(), '/zh/exercises/sampler-family/');
    expect(await verdict(await answer(rec.page, 'sampler-family/sigma-eta', 'sigma', '0.1826'))).toContain('正确');
    const text = await verdict(await answer(rec.page, 'sampler-family/update-formula', 'update', 'sqrt(α_prev)(x_t − √(1−α_t)·ε)/√(α_t) + sqrt(1 − a_prev − σ^2)ε + σ^2 z'));
    expect(text).toContain('在 η = 0 时结果一致，但在 η = 0.5 时不一致。');
    expect(text).toMatch(/是不是被平方了两次/);
    // The parser's own message is English; the page says what it means in Chinese.
    const syntax = await verdict(await answer(rec.page, 'sampler-family/update-formula', 'update', 'sqrt(a_prev*(x_t'));
    expect(syntax).toContain('第 17 个字符处有语法错误：括号没有闭合，缺少右括号');
    expect(syntax).not.toContain('Parenthesis');
  });

  it('works from the keyboard: hints, solution, a choice and the lab', async () => {
    const rec = await openExercises(await fresh(), SF);
    const id = 'sampler-family/eta-zero-predict';
    const c = card(rec.page, id);
    await c.locator('[data-hint-next]').focus();
    await rec.page.keyboard.press('Enter');
    expect(await c.locator('[data-hint="0"]').isVisible()).toBe(true);
    await c.locator('input[value="identical"]').focus();
    await rec.page.keyboard.press('Space');
    await rec.page.keyboard.press('Tab');
    await rec.page.keyboard.press('Enter');
    expect(await verdict(c.locator('form[data-part="prediction"] [data-feedback]'))).toContain('Correct');
    await c.locator('[data-lab-run]').focus();
    await rec.page.keyboard.press('Enter');
    await c.locator('[data-lab-result]:not([hidden])').waitFor();
    expect((await c.locator('[data-lab-result]').innerText()).replace(/\s+/g, ' ')).toMatch(/largest difference between the two runs = ?0\b/);
    await c.locator('summary').focus();
    await rec.page.keyboard.press('Enter');
    expect(await c.locator('[data-solution]').getAttribute('open')).not.toBeNull();
    // Every form control in the cards has an accessible name.
    const unnamed = await rec.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ex-card input:not([type=hidden]), .ex-card select, .ex-card textarea:not([hidden]), .ex-card button, .ex-card .cm-content')]
        .filter((el) => !(el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.length || el.closest('label') || el.textContent?.trim()))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });
});

describe('the experiments chapter', () => {
  const EX = '/en/exercises/experiments/';

  it('accepts the inversion step, names a wrong one, and checks numbers and the find-the-error line', async () => {
    const rec = await openExercises(await fresh(), EX);
    const id = 'experiments/inversion-step';
    expect(await verdict(await answer(rec.page, id, 'up', 'sqrt(a_next)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1-a_next)*eps'))).toContain('Correct');
    expect(await card(rec.page, id).locator('[data-status]').getAttribute('data-status')).toBe('solved');
    const wrong = await verdict(await answer(rec.page, id, 'up', 'sqrt(a_next/a_t)*x_t + sqrt(1 - a_next/a_t)*eps'));
    expect(wrong).toContain('Not yet');
    expect(wrong).toContain('one-step kernel');
    // θ = 120°, λ = 0.25: w_x = sin 90°/sin 120° = 1.1547; the straight line's 0.75 is named.
    expect(await verdict(await answer(rec.page, 'experiments/slerp-weights', 'wx', '1.1547'))).toContain('Correct');
    expect(await verdict(await answer(rec.page, 'experiments/slerp-weights', 'wx', '0.75'))).toContain('straight line');
    const fe = card(rec.page, 'experiments/inversion-find-error');
    await fe.locator('input[value="l4"]').check();
    await fe.locator('form[data-part="line"] button[type=submit]').click();
    expect(await verdict(fe.locator('form[data-part="line"] [data-feedback]'))).toContain('the error enters earlier');
    await fe.locator('input[value="l3"]').check();
    await fe.locator('form[data-part="line"] button[type=submit]').click();
    expect(await verdict(fe.locator('form[data-part="line"] [data-feedback]'))).toContain('Correct');
    expect(await verdict(await answer(rec.page, 'experiments/inversion-find-error', 'miss', '-0.1'))).toContain('coefficient of');
    expect(rec.pageErrors).toEqual([]);
    expect(rec.foreignRequests).toEqual([]);
  });

  it('runs the Table 1 prediction after a prediction is made, and answers in Chinese on the Chinese page', async () => {
    const rec = await openExercises(await fresh(), EX);
    const c = card(rec.page, 'experiments/table1-predict');
    await c.locator('input[value="sigmaHat"]').check();
    await c.locator('form[data-part="prediction"] button[type=submit]').click();
    expect(await verdict(c.locator('form[data-part="prediction"] [data-feedback]'))).toContain('Correct');
    await c.locator('[data-lab-run]').click();
    await c.locator('[data-lab-result]:not([hidden])').waitFor();
    const result = (await c.locator('[data-lab-result]').innerText()).replace(/\s+/g, ' ');
    expect(result).toContain('mean log-likelihood');
    expect(result).not.toMatch(/NaN|…/);
    expect(rec.pageErrors).toEqual([]);

    const zh = await openExercises(await fresh(), '/zh/exercises/experiments/');
    expect(await verdict(await answer(zh.page, 'experiments/inversion-step', 'up', 'sqrt(α_next)(x_t − sqrt(1−α_t)ε)/sqrt(α_t) + sqrt(1−α_next)ε'))).toContain('正确');
    expect(await verdict(await answer(zh.page, 'experiments/lerp-variance', 'linear', '1'))).toContain('权重的平方');
    expect(zh.pageErrors).toEqual([]);
  });
});
