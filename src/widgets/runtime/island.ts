/**
 * The island pattern every widget uses.
 *
 * The page ships only this small script per widget kind. It
 * 1. reads the widget's parameters from the URL and validates them against the declared table;
 * 2. validates every edit of a control, keeping the previous valid value (and saying so) when an
 *    edit is invalid, and mirrors valid state into the URL and into the print summary;
 * 3. loads the heavy module (tfjs, Plot) only when the widget comes near the viewport, then
 *    mounts it and forwards every later valid change to it.
 *
 * Markup contract (rendered by WidgetShell.astro): root `[data-widget=<kind>]` with an `id` used
 * as the URL prefix, `data-lang`, a `<script type="application/json" data-strings>` holding the UI
 * strings the island needs, one control per parameter with `data-param=<name>` (range sliders
 * `data-param-slider=<name>`), an error slot `[data-param-error=<name>]`, `[data-print=<name>]`
 * cells, a status line `[data-status]`, a backend picker `[data-backend]` and the output `[data-output]`.
 */
import { formatParam, parseParam, readParams, writeParams, type ParamTable, type ParamValues } from '../params.ts';
import { paramErrorMessage, type Lookup } from '../param-messages.ts';
import type { UiKey } from '../../i18n/index.ts';

export interface WidgetContext<T extends ParamTable> {
  root: HTMLElement;
  output: HTMLElement;
  values: ParamValues<T>;
  tr: Lookup;
  /** Show a line of status text (polite live region). */
  setStatus(text: string): void;
}

export interface WidgetInstance<T extends ParamTable> {
  update(values: ParamValues<T>): void | Promise<void>;
}

/**
 * A check across parameters (e.g. η against the chosen timesteps), run after each value passes its
 * own range. Returns null when the values are valid together, else the parameter to blame and the
 * message to show under it (already translated through `tr`).
 */
export type CrossCheck<T extends ParamTable> = (values: ParamValues<T>, tr: Lookup) => { param: keyof T & string; message: string } | null;

export interface WidgetModule<T extends ParamTable> {
  mount(ctx: WidgetContext<T>): Promise<WidgetInstance<T>>;
}

/** Lazy-load margin: start fetching a little before the widget is on screen. */
const ROOT_MARGIN = '200px 0px';

function lookupFrom(root: HTMLElement): Lookup {
  const node = root.querySelector<HTMLScriptElement>('script[data-strings]');
  const table = JSON.parse(node?.textContent ?? '{}') as Partial<Record<UiKey, string>>;
  return (key, vars = {}) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function island<T extends ParamTable>(kind: string, table: T, load: () => Promise<WidgetModule<T>>, check?: CrossCheck<T>): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-widget="${kind}"]`)) {
    setup(root, table, load, check);
  }
}

function setup<T extends ParamTable>(root: HTMLElement, table: T, load: () => Promise<WidgetModule<T>>, check?: CrossCheck<T>): void {
  const tr = lookupFrom(root);
  const prefix = root.id;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const setStatus = (text: string) => {
    if (status) status.textContent = text;
  };

  const initial = readParams(table, new URLSearchParams(location.search), prefix);
  let values = initial.values;
  let instance: WidgetInstance<T> | null = null;
  let running: Promise<void> | null = null;
  let pending = false;
  const crossBlamed = new Set<string>();

  const control = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-param="${name}"]`);
  const slider = (name: string) => root.querySelector<HTMLInputElement>(`[data-param-slider="${name}"]`);

  function showError(name: string, message: string | null) {
    const slot = root.querySelector<HTMLElement>(`[data-param-error="${name}"]`);
    const input = control(name);
    if (slot) {
      slot.textContent = message ?? '';
      slot.hidden = message === null;
    }
    if (input) {
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
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
          await instance!.update(values);
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
      const kept = tr('param.keptPrevious', { value: formatParam(spec, (values as Record<string, unknown>)[name]) });
      showError(name, `${paramErrorMessage(tr, parsed.error)} ${kept}`);
      return;
    }
    const candidate = { ...values, [name]: parsed.value };
    const cross = check?.(candidate, tr);
    if (cross) {
      const kept = tr('param.keptPrevious', { value: formatParam(spec, (values as Record<string, unknown>)[name]) });
      showError(name, `${cross.message} ${kept}`);
      crossBlamed.add(name);
      reflect(name, (values as Record<string, unknown>)[name]);
      const input = control(name);
      if (input && !(input instanceof HTMLSelectElement)) input.value = raw;
      return;
    }
    // The combination is valid now: clear the cross-parameter messages shown earlier.
    for (const other of crossBlamed) if (other !== name) showError(other, null);
    crossBlamed.clear();
    showError(name, null);
    values = candidate;
    reflect(name, parsed.value);
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
  for (const error of initial.errors) {
    const spec = table[error.param];
    const kept = tr('param.keptPrevious', { value: formatParam(spec, spec.default) });
    showError(error.param, `${paramErrorMessage(tr, error)} ${kept}`);
    const input = control(error.param);
    if (input && !(input instanceof HTMLSelectElement)) input.value = error.raw;
  }

  // Values read from the URL must also be valid together; the parameter blamed falls back to its default.
  const crossInitial = check?.(values, tr);
  if (crossInitial) {
    const spec = table[crossInitial.param];
    const raw = formatParam(spec, (values as Record<string, unknown>)[crossInitial.param]);
    values = { ...values, [crossInitial.param]: spec.default };
    reflect(crossInitial.param, spec.default);
    showError(crossInitial.param, `${crossInitial.message} ${tr('param.keptPrevious', { value: formatParam(spec, spec.default) })}`);
    crossBlamed.add(crossInitial.param);
    const input = control(crossInitial.param);
    if (input && !(input instanceof HTMLSelectElement)) input.value = raw;
  }

  root.querySelector('[data-reset]')?.addEventListener('click', () => {
    for (const [name, spec] of Object.entries(table)) {
      showError(name, null);
      reflect(name, spec.default);
    }
    values = readParams(table, new URLSearchParams(), prefix).values;
    syncUrl();
    void run();
  });

  const start = async () => {
    root.dataset.state = 'loading';
    setStatus(tr('widget.loadingNow'));
    try {
      const module = await load();
      instance = await module.mount({ root, output, values, tr, setStatus });
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
