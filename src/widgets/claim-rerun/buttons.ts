/**
 * Adds a "Re-run with your parameters" button to the badge of every claim on the page that the
 * re-run widget offers. The button selects the claim in the widget and moves focus there.
 */
export function attachRerunButtons(root: HTMLElement, ids: readonly string[]): void {
  const strings = JSON.parse(root.querySelector('script[data-strings]')?.textContent ?? '{}') as Record<string, string>;
  const label = strings['rerun.button'] ?? 'Re-run';
  const select = root.querySelector<HTMLSelectElement>('[data-param="claim"]');
  if (!select) return;
  const known = new Set(ids);
  for (const figure of document.querySelectorAll<HTMLElement>('figure.claim[data-claim]')) {
    const id = figure.dataset.claim!;
    const badge = figure.querySelector('.claim-badge');
    if (!known.has(id) || !badge || badge.querySelector('.claim-rerun')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'claim-rerun';
    button.textContent = label;
    button.dataset.rerunClaim = id;
    button.addEventListener('click', () => {
      select.value = id;
      select.dispatchEvent(new Event('change'));
      root.scrollIntoView({ block: 'start', behavior: 'smooth' });
      select.focus({ preventScroll: true });
    });
    badge.append(button);
  }
}
