/**
 * The island pattern every widget uses.
 *
 * The page ships only this small script per widget kind. It
 * 1. reads the widget's parameters from the URL and validates them against the declared table;
 * 2. validates every edit of a control, keeping the previous valid value (and saying so) when an
 *    edit is invalid, and mirrors valid state into the URL and into the print summary; a parameter
 *    declared `shownWhen` is shown (control and printed value) only while its condition holds;
 * 3. loads the heavy module (tfjs, Plot) only when the widget comes near the viewport, then
 *    mounts it and forwards every later valid change to it.
 *
 * Markup contract (rendered by WidgetShell.astro): root `[data-widget=<kind>]` with `data-prefix`
 * (the URL prefix; its id is `widget-<prefix>`), `data-lang`, a `<script type="application/json" data-strings>` holding the UI
 * strings the island needs, one control per parameter with `data-param=<name>` (range sliders
 * `data-param-slider=<name>`) inside a row `[data-param-row=<name>]`, an error slot
 * `[data-param-error=<name>]`, `[data-print=<name>]` cells after their `[data-print-label=<name>]`,
 * a status line `[data-status]`, a backend picker `[data-backend]` and the output `[data-output]`.
 */
import {
  checkConstraints,
  defaults,
  formatParam,
  isShown,
  parseParam,
  readParams,
  writeParams,
  type Constraint,
  type ParamTable,
  type ParamValues,
} from '../params.ts';
import { displayValue, joinSentences, keptMessage, paramErrorMessage, type Lookup } from '../param-messages.ts';
import type { UiKey } from '../../i18n/index.ts';
import { makeQuerySafeForTfjs } from './tfjs-query.ts';
import { resolveConflicts, type Adjustment } from '../resolve.ts';
import { watchPlots } from './plot-a11y.ts';

export interface WidgetContext<T extends ParamTable> {
  root: HTMLElement;
  output: HTMLElement;
  values: ParamValues<T>;
  tr: Lookup;
  /** Show a line of status text (polite live region). */
  setStatus(text: string): void;
  /**
   * The latest valid values. A long computation started for `values` can stop early once
   * `current() !== values`: the reader has changed something and a new update will follow.
   */
  current(): ParamValues<T>;
}

export interface WidgetInstance<T extends ParamTable> {
  update(values: ParamValues<T>): void | Promise<void>;
}

export interface WidgetModule<T extends ParamTable> {
  mount(ctx: WidgetContext<T>): Promise<WidgetInstance<T>>;
}

/**
 * One widget computes at a time on a page: tfjs has one backend and one tensor count per page, and
 * long runs now give the browser turns, so without this two widgets' runs would interleave (and
 * each would report the other's tensors as its own).
 */
let pageQueue: Promise<unknown> = Promise.resolve();
function exclusive(task: () => void | Promise<void>): Promise<void> {
  const next = pageQueue.then(task, task);
  pageQueue = next.catch(() => undefined);
  return next;
}

/** Lazy-load margin: start fetching a little before the widget is on screen. */
const ROOT_MARGIN = '200px 0px';

function lookupFrom(root: HTMLElement): Lookup {
  const node = root.querySelector<HTMLScriptElement>('script[data-strings]');
  const table = JSON.parse(node?.textContent ?? '{}') as Partial<Record<UiKey, string>>;
  return (key, vars = {}) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface IslandOptions<T extends ParamTable> {
  /** Rules between parameters, checked after each parameter is valid on its own. */
  constraints?: readonly Constraint<T>[];
}

/**
 * Bring every `[data-widget=<kind>]` on the page to life. `table` may be a function of the root
 * element, for widgets whose choices are written into the markup at build time.
 */
export function island<T extends ParamTable>(
  kind: string,
  table: T | ((root: HTMLElement) => T),
  load: () => Promise<WidgetModule<T>>,
  options: IslandOptions<T> = {},
): void {
  // Before any widget loads tfjs, which reads (and can be broken by) the query string.
  makeQuerySafeForTfjs();
  for (const root of document.querySelectorAll<HTMLElement>(`[data-widget="${kind}"]`)) {
    setup(root, typeof table === 'function' ? table(root) : table, load, options);
  }
}

function setup<T extends ParamTable>(root: HTMLElement, table: T, load: () => Promise<WidgetModule<T>>, options: IslandOptions<T>): void {
  const constraints = options.constraints ?? [];
  const tr = lookupFrom(root);
  // The URL prefix of this widget's parameters (data-prefix; the element id is widget-<prefix>, so
  // it never collides with a heading's anchor of the same name).
  const prefix = root.dataset.prefix ?? root.id;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const setStatus = (text: string) => {
    if (status) status.textContent = text;
  };

  const initial = readParams(table, new URLSearchParams(location.search), prefix);
  let values = initial.values;
  // Parameters the reader set (valid values from the URL, then every accepted edit): conflicts
  // with a default are resolved in their favour (see resolve.ts).
  const readerSet = new Set<string>();
  {
    const search = new URLSearchParams(location.search);
    const bad = new Set(initial.errors.map((e) => e.param));
    for (const name of Object.keys(table)) if (search.has(`${prefix}.${name}`) && !bad.has(name)) readerSet.add(name);
  }
  // Error slots currently showing a broken constraint: cleared by the next valid edit.
  const constraintSlots = new Set<string>();
  let instance: WidgetInstance<T> | null = null;
  let running: Promise<void> | null = null;
  let pending = false;

  const control = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-param="${name}"]`);
  const slider = (name: string) => root.querySelector<HTMLInputElement>(`[data-param-slider="${name}"]`);

  function showError(name: string, message: string | null) {
    const slot = root.querySelector<HTMLElement>(`[data-param-error="${name}"]`);
    const input = control(name);
    if (slot) {
      slot.textContent = message ?? '';
      slot.hidden = message === null;
      delete slot.dataset.adjusted;
    }
    if (input) {
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
    }
  }

  /** Say, in its slot, that a default was changed to fit the reader's values (not an error). */
  function showAdjusted(adjusted: readonly Adjustment[]) {
    for (const a of adjusted) {
      const spec = table[a.param];
      reflect(a.param, a.to);
      showError(a.param, null);
      const slot = root.querySelector<HTMLElement>(`[data-param-error="${a.param}"]`);
      if (slot) {
        slot.textContent = tr('param.adjusted', { label: tr(spec.label), value: displayValue(tr, spec, a.to), previous: displayValue(tr, spec, a.from) });
        slot.hidden = false;
        slot.dataset.adjusted = '';
      }
      constraintSlots.add(a.param);
    }
  }

  function reflect(name: string, value: unknown) {
    const spec = table[name];
    const input = control(name);
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
    else if (input) input.value = formatParam(spec, value);
    const range = slider(name);
    if (range) range.value = String(value);
    const printed = root.querySelector<HTMLElement>(`[data-print="${name}"]`);
    if (printed) printed.textContent = formatParam(spec, value);
  }

  /** Show the rows (and printed values) of the parameters whose `shownWhen` holds; hide the others. */
  function showRows() {
    for (const [name, spec] of Object.entries(table)) {
      if (!spec.shownWhen) continue;
      const hidden = !isShown(spec, values as Record<string, unknown>);
      for (const el of root.querySelectorAll<HTMLElement>(`[data-param-row="${name}"], [data-print-label="${name}"], [data-print="${name}"]`)) el.hidden = hidden;
    }
  }

  function syncUrl() {
    const url = new URL(location.href);
    writeParams(table, values, url.searchParams, prefix);
    history.replaceState(history.state, '', url);
  }

  async function run() {
    if (!instance) return;
    if (running) {
      pending = true;
      return;
    }
    running = (async () => {
      do {
        pending = false;
        try {
          await exclusive(() => instance!.update(values));
        } catch (error) {
          setStatus(tr('widget.failed', { message: error instanceof Error ? error.message : String(error) }));
        }
      } while (pending);
    })();
    await running;
    running = null;
  }

  function edit(name: string, raw: string) {
    const spec = table[name];
    const parsed = parseParam(name, spec, raw);
    if (!parsed.ok) {
      const kept = keptMessage(tr, spec, (values as Record<string, unknown>)[name]);
      showError(name, joinSentences(paramErrorMessage(tr, parsed.error), kept));
      return;
    }
    let candidate = { ...values, [name]: parsed.value };
    let adjusted: Adjustment[] = [];
    let broken = checkConstraints(constraints, candidate);
    if (broken) {
      // Keep what the reader set, now and before; adjust parameters left at their defaults.
      const resolved = resolveConflicts(table, constraints, candidate, new Set([...readerSet, name]));
      if (resolved) {
        candidate = resolved.values;
        adjusted = resolved.adjusted;
        broken = null;
      }
    }
    if (broken) {
      const kept = keptMessage(tr, spec, (values as Record<string, unknown>)[name]);
      for (const slot of constraintSlots) showError(slot, null);
      constraintSlots.clear();
      showError(name, joinSentences(tr(broken.message, broken.vars), kept));
      constraintSlots.add(name);
      // A select or checkbox cannot show an invalid choice next to its message: put it back.
      const input = control(name);
      if (input instanceof HTMLSelectElement || (input instanceof HTMLInputElement && input.type === 'checkbox')) {
        reflect(name, (values as Record<string, unknown>)[name]);
      }
      return;
    }
    showError(name, null);
    for (const slot of constraintSlots) showError(slot, null);
    constraintSlots.clear();
    values = candidate;
    readerSet.add(name);
    reflect(name, parsed.value);
    showAdjusted(adjusted);
    showRows();
    syncUrl();
    void run();
  }

  for (const name of Object.keys(table)) {
    reflect(name, (values as Record<string, unknown>)[name]);
    const input = control(name);
    if (!input) continue;
    const rawOf = () => (input instanceof HTMLInputElement && input.type === 'checkbox' ? String(input.checked) : input.value);
    // Text boxes validate on commit (change) so half-typed numbers are not flagged; selects and checkboxes commit at once.
    input.addEventListener('change', () => edit(name, rawOf()));
    slider(name)?.addEventListener('input', (e) => edit(name, (e.target as HTMLInputElement).value));
  }
  const search = new URLSearchParams(location.search);
  // Why each refused URL value was refused: a rule broken at load that blames the same parameter
  // adds to this message rather than replacing it, so the reader still learns what was wrong.
  const refusedAtLoad = new Map<string, string>();
  for (const error of initial.errors) {
    const spec = table[error.param];
    const kept = keptMessage(tr, spec, spec.default);
    refusedAtLoad.set(error.param, paramErrorMessage(tr, error));
    showError(error.param, joinSentences(paramErrorMessage(tr, error), kept));
    // The text box shows what the URL held (for a list, the whole list, not just the bad element).
    const input = control(error.param);
    if (input && !(input instanceof HTMLSelectElement)) input.value = search.get(`${prefix}.${error.param}`) ?? error.raw;
  }
  // Values read from the URL that break a rule between parameters: the parameter the rule blames
  // falls back to its default and the others are kept (nothing the reader chose is lost); only if
  // that still breaks a rule does every parameter fall back to its default.
  // A conflict with a default is resolved first, in favour of the reader's values.
  // Parameters whose URL value was refused keep their default and their message: never adjusted.
  const keep = new Set([...readerSet, ...initial.errors.map((e) => e.param)]);
  const resolvedAtLoad = checkConstraints(constraints, values) ? resolveConflicts(table, constraints, values, keep) : null;
  if (resolvedAtLoad) {
    values = resolvedAtLoad.values;
    showAdjusted(resolvedAtLoad.adjusted);
    syncUrl();
  }
  const brokenAtLoad = checkConstraints(constraints, values);
  if (brokenAtLoad) {
    const where = brokenAtLoad.param ?? Object.keys(table)[0];
    const spec = table[where];
    const raw = formatParam(spec, (values as Record<string, unknown>)[where]);
    const rule = tr(brokenAtLoad.message, brokenAtLoad.vars);
    const why = refusedAtLoad.has(where) ? joinSentences(refusedAtLoad.get(where)!, rule) : rule;
    const repaired = { ...values, [where]: spec.default } as ParamValues<T>;
    if (brokenAtLoad.param !== undefined && checkConstraints(constraints, repaired) === null) {
      values = repaired;
      reflect(where, spec.default);
      showError(where, joinSentences(why, keptMessage(tr, spec, spec.default)));
      const input = control(where);
      if (input && !(input instanceof HTMLSelectElement) && !(input instanceof HTMLInputElement && input.type === 'checkbox')) input.value = raw;
    } else {
      const fallback = defaults(table);
      for (const name of Object.keys(table)) reflect(name, (fallback as Record<string, unknown>)[name]);
      values = fallback;
      showError(where, joinSentences(why, tr('param.defaultsUsed')));
    }
    constraintSlots.add(where);
  }
  showRows();

  // Enter in a text box commits the value (change event); the form itself never submits.
  root.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());

  root.querySelector('[data-reset]')?.addEventListener('click', () => {
    for (const [name, spec] of Object.entries(table)) {
      showError(name, null);
      reflect(name, spec.default);
    }
    constraintSlots.clear();
    readerSet.clear();
    values = readParams(table, new URLSearchParams(), prefix).values;
    showRows();
    syncUrl();
    void run();
  });

  const start = async () => {
    root.dataset.state = 'loading';
    setStatus(tr('widget.loadingNow'));
    try {
      const module = await load();
      watchPlots(output);
      instance = await module.mount({ root, output, values, tr, setStatus, current: () => values });
      // A widget that says nothing once mounted must not keep saying it is loading.
      if (status?.textContent === tr('widget.loadingNow')) setStatus('');
      root.dataset.state = 'ready';
      await run();
    } catch (error) {
      root.dataset.state = 'failed';
      setStatus(tr('widget.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  root.dataset.state = 'idle';
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void start();
      }
    },
    { rootMargin: ROOT_MARGIN },
  );
  observer.observe(root);
}
