/** Prepares code parts without loading the sandbox runner or the editor up front. */
/** Code parts get the real editor once their card comes into view; the reset button restores the starter. */
export function prepareCodeParts(card: HTMLElement): void {
  const forms = [...card.querySelectorAll<HTMLFormElement>('form[data-part-kind="code"]')];
  for (const form of forms) {
    const textarea = form.querySelector<HTMLTextAreaElement>('textarea[data-answer]');
    if (!textarea) continue;
    form.querySelector('[data-code-reset]')?.addEventListener('click', () => {
      textarea.value = textarea.dataset.starter ?? '';
      form.dispatchEvent(new CustomEvent('code-restored'));
    });
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void import('./editor.ts')
          .then((m) => m.upgradeTextarea(textarea))
          .catch(() => {
            /* the textarea keeps working */
          });
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(textarea);
  }
}
