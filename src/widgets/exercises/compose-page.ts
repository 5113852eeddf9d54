/** The set composer: validates the choices with the same rules the set page uses, then shows the link. */
import { encodeSet, validateSet, type AssignmentSet } from '../../exercises/sets/encode.ts';
import { canHashKeys, keyHashOf, newKeyToken } from '../../exercises/sets/key-token.ts';
import { pageData } from './page.ts';
import { setProblemText } from './set-problems.ts';
import { joinSentences } from '../param-messages.ts';

export function startComposer(): void {
  const { tr, lang, knownIds } = pageData();
  const form = document.querySelector<HTMLFormElement>('[data-compose]')!;
  const q = <T extends Element>(s: string) => document.querySelector<T>(s)!;
  const picks = () => [...form.querySelectorAll<HTMLInputElement>('[data-pick]')].filter((c) => c.checked).map((c) => c.value);
  const seedInput = q<HTMLInputElement>('[data-set-seed]');
  const seedError = q<HTMLElement>('[data-set-seed-error]');
  const error = q<HTMLElement>('[data-compose-error]');
  // A fresh seed for each new set; the instructor can type their own.
  seedInput.value = String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000);
  let seed = Number(seedInput.value);

  form.addEventListener('change', () => {
    q('[data-selected]').textContent = tr('ex.set.selected', { count: picks().length });
  });
  seedInput.addEventListener('change', () => {
    const raw = seedInput.value.trim();
    const ok = /^\d{1,10}$/.test(raw) && Number(raw) <= 0xffffffff;
    seedError.hidden = ok;
    seedInput.toggleAttribute('aria-invalid', !ok);
    if (ok) seed = Number(raw);
    else seedError.textContent = joinSentences(tr('param.error.outOfRange', { label: tr('ex.set.seed'), range: tr('param.range.integerBetween', { min: 0, max: 4294967295 }), raw: raw.slice(0, 20) }), tr('param.keptPrevious', { value: seed }));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The key link's secret: its digest goes into the set, the token only into the key link.
    const token = canHashKeys() ? newKeyToken() : null;
    const set: AssignmentSet = {
      title: q<HTMLInputElement>('[data-set-title]').value.trim().slice(0, 120),
      exercises: picks(),
      perStudent: q<HTMLInputElement>('[data-set-per-student]').checked,
      seed,
      hints: q<HTMLInputElement>('[data-set-hints]').checked,
      solutions: q<HTMLInputElement>('[data-set-solutions]').checked,
      ...(token ? { keyHash: await keyHashOf(token) } : {}),
    };
    const problem = validateSet(set, knownIds);
    error.hidden = problem === null;
    if (problem) {
      error.textContent = setProblemText(problem);
      return;
    }
    const url = new URL(`/${lang}/exercises/set/`, location.href);
    url.searchParams.set('s', encodeSet(set));
    q<HTMLInputElement>('[data-set-link]').value = url.href;
    q<HTMLAnchorElement>('[data-open-set]').href = url.href;
    // After '#': browsers do not send it to the server, so it stays out of access logs.
    const key = new URL(url);
    if (token) key.hash = new URLSearchParams({ key: token }).toString();
    q<HTMLElement>('[data-key-output]').hidden = !token;
    q<HTMLElement>('[data-key-unavailable]').hidden = token !== null;
    q<HTMLInputElement>('[data-key-link]').value = token ? key.href : '';
    q<HTMLAnchorElement>('[data-open-key]').href = token ? key.href : '#';
    q<HTMLElement>('[data-compose-output]').hidden = false;
    q<HTMLInputElement>('[data-set-link]').focus();
    q<HTMLInputElement>('[data-set-link]').select();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', async () => {
      const link = q<HTMLInputElement>(`#${button.dataset.copy}`);
      const said = button.parentElement!.querySelector('[data-copied]')!;
      try {
        await navigator.clipboard.writeText(link.value);
        said.textContent = tr('ex.set.copied');
      } catch {
        // No clipboard permission (e.g. not a secure context): leave the link selected to copy by hand.
        link.focus();
        link.select();
      }
    });
  }
}
