/** Small DOM helpers shared by the lab widgets. */

/** A figure with a caption; `wide` spans both columns of the lab grid. */
export function panel(content: Element, caption: string, name: string, wide = false): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = wide ? 'lab-panel wide' : 'lab-panel';
  figure.dataset.panel = name;
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  figure.append(content, cap);
  return figure;
}

/** Call `onEdit` as soon as the reader touches a control (so a long run can stop early). */
export function watchEdits(root: HTMLElement, onEdit: () => void): void {
  const controls = root.querySelector('.widget-controls');
  controls?.addEventListener('input', onEdit);
  controls?.addEventListener('change', onEdit);
}

/** A button in the widget's control form. */
export function addButton(root: HTMLElement, label: string, name: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'widget-action';
  button.dataset.action = name;
  button.textContent = label;
  const form = root.querySelector('.widget-controls');
  const reset = form?.querySelector('[data-reset]');
  if (reset) form!.insertBefore(button, reset);
  else form?.append(button);
  return button;
}

/** A table from a header row and body rows (text only). */
export function table(head: string[], rows: (string | number)[][], caption?: string): HTMLTableElement {
  const t = document.createElement('table');
  t.className = 'lab-table';
  if (caption) t.createCaption().textContent = caption;
  const tr = t.createTHead().insertRow();
  for (const h of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    tr.append(th);
  }
  const body = t.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    r.forEach((cell, i) => {
      if (i === 0) {
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = String(cell);
        row.append(th);
      } else row.insertCell().textContent = String(cell);
    });
  }
  return t;
}
