/**
 * The only exercise script every page with exercises loads up front (a few hundred bytes):
 * when an exercise section comes near the viewport, load the rest and mount it.
 */
const MARGIN = '400px 0px';

export function startExercises(): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-exercises]')) {
    if (section.dataset.started) continue;
    section.dataset.started = 'true';
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void import('./mount.ts').then((m) => m.mountSection(section));
      },
      { rootMargin: MARGIN },
    );
    observer.observe(section);
  }
}
