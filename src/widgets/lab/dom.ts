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

/** A button in the widget's control form. */
export function addButton(root: HTMLElement, label: string, name: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'widget-action';
  button.dataset.action = name;
  button.textContent = label;
  const form = root.querySelector('.widget-controls');
  let row = form?.querySelector<HTMLElement>('.lab-actions');
  if (form && !row) {
    row = document.createElement('div');
    row.className = 'lab-actions';
    form.append(row);
  }
  row?.append(button);
  return button;
}

/** Cell text; a non-finite number never reaches the page (shown as a dash). */
function cellText(cell: string | number): string {
  const text = String(cell);
  return /NaN|Infinity|∞/.test(text) ? '—' : text;
}

let tableCount = 0;

/**
 * A table from a header row and body rows (text only), inside a figure whose caption stays in view
 * while the table scrolls sideways on a narrow screen. Returns the figure; the table is inside it.
 */
export function table(head: string[], rows: (string | number)[][], caption?: string): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'lab-table-figure';
  const t = document.createElement('table');
  t.className = 'lab-table';
  if (caption) {
    const cap = document.createElement('figcaption');
    cap.id = `lab-table-${++tableCount}`;
    cap.textContent = caption;
    figure.append(cap);
    t.setAttribute('aria-labelledby', cap.id);
  }
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
        th.textContent = cellText(cell);
        row.append(th);
      } else row.insertCell().textContent = cellText(cell);
    });
  }
  const scroll = document.createElement('div');
  scroll.className = 'lab-table-scroll';
  scroll.tabIndex = 0;
  scroll.append(t);
  figure.append(scroll);
  return figure;
}
