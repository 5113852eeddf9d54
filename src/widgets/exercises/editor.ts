/**
 * The code editor: CodeMirror 6, loaded only when a code exercise comes into view. It replaces
 * the <textarea> (which stays in the DOM, hidden, and always holds the current code), keeps its
 * label and descriptions for screen readers, indents with Tab (Esc then Tab moves focus on, as
 * the help line under the editor says) and submits with Ctrl/Cmd+Enter.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

// Colours come from CSS variables (styles/exercises.css), so the light and dark themes both work.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword], color: 'var(--cm-keyword)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--cm-number)' },
  { tag: [tags.string], color: 'var(--cm-string)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--cm-function)' },
]);

// CodeMirror's own selection and bracket colours assume a light page; ours follow the theme.
const themed = EditorView.theme({
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': { background: 'var(--cm-selection)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--cm-bracket)' },
});

export function upgradeTextarea(textarea: HTMLTextAreaElement): EditorView {
  // The plain-text name the page wrote for it (a label holding only KaTeX gives no usable text).
  const namedBy = textarea.getAttribute('aria-labelledby');
  const label = (namedBy ? document.getElementById(namedBy)?.textContent?.trim() : undefined) || (textarea.labels?.[0]?.textContent?.trim() ?? '');
  const form = textarea.form;
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(highlight),
        themed,
        // A long line wraps rather than scrolling sideways out of a phone's view.
        EditorView.lineWrapping,
        javascript(),
        EditorState.tabSize.of(2),
        keymap.of([{ key: 'Mod-Enter', run: () => (form?.requestSubmit(), true) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({
          'aria-label': label,
          'aria-describedby': textarea.getAttribute('aria-describedby') ?? '',
          'aria-multiline': 'true',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) textarea.value = u.state.doc.toString();
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.tabIndex = -1;
  textarea.insertAdjacentElement('afterend', view.dom);
  view.dom.classList.add('ex-cm');
  // Someone else (restore, reset) changed the textarea: show it in the editor.
  form?.addEventListener('code-restored', () => {
    if (view.state.doc.toString() !== textarea.value) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: textarea.value } });
  });
  // Clicking the label focuses the editor, as it focused the textarea.
  textarea.labels?.[0]?.addEventListener('click', (e) => {
    e.preventDefault();
    view.focus();
  });
  const hadFocus = document.activeElement === textarea;
  if (hadFocus) view.focus();
  return view;
}
