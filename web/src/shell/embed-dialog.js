// The "Embed" button of the tool pages that have a widget: a dialog that
// writes the snippet for a blog post from the page's current inputs – the
// script and custom element, or an iframe for platforms that strip
// scripts. Attributes are named after the page's form fields
// (web/widgets/specs.js), so the form is read field by field; values equal
// to the defaults are left out to keep the snippet short.
import '../styles/embed-dialog.css';
import { make } from './dom.js';
import { widgetFor, fieldName } from '../../widgets/specs.js';

// Longer text stays out of the snippet: a post is no place for a document.
const MAX_TEXT = 2000;

const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The widget's attributes from the form: {name: value}, defaults left out. */
export function formAttributes(form, spec) {
  const attributes = {};
  for (const a of spec.attributes) {
    const control = form.elements[fieldName(a.name)];
    if (!control) continue;
    const value = control instanceof RadioNodeList ? control.value : control.type === 'checkbox' ? (control.checked ? '1' : '0') : control.value;
    if (value !== (a.default ?? '') && value.length <= MAX_TEXT) attributes[a.name] = value;
  }
  return attributes;
}

/** The snippet: `mode` 'script' or 'iframe'; `look` {compact, theme}. */
export function snippet(spec, attributes, mode, look, siteRoot) {
  const all = { ...attributes };
  if (look.compact) all.compact = '';
  if (look.theme !== 'light') all.theme = look.theme;
  if (mode === 'iframe') {
    const url = new URL('embed/', siteRoot);
    url.search = new URLSearchParams({ tool: spec.tool, ...all }).toString();
    return `<iframe src="${escapeAttribute(url.href)}" title="${escapeAttribute(spec.title)} (llmcalc)" width="100%" height="${spec.height}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  }
  const attrs = Object.entries(all)
    .map(([name, value]) => (value === '' && name === 'compact' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const loader = new URL('widgets/llmcalc-widgets.js', siteRoot).href;
  return `<script type="module" src="${escapeAttribute(loader)}"></script>\n<${spec.tag}${attrs}></${spec.tag}>`;
}

/**
 * Adds the Embed button after `anchor` (a toolbar button) and its dialog.
 * @param {{form: HTMLFormElement, tool: string, anchor: Element, note?: () => string}} options
 */
export function bindEmbedButton({ form, tool, anchor, note = () => '' }) {
  const spec = widgetFor(tool);
  // Tool pages sit one folder below the site's root.
  const siteRoot = new URL('../', location.href);
  siteRoot.search = '';
  const button = make('button', { type: 'button', className: 'button', textContent: 'Embed', attrs: { 'data-embed-open': '', 'aria-haspopup': 'dialog' } });
  anchor.after(button);

  const code = make('textarea', { id: 'embed-code', className: 'embed-code', readOnly: true, rows: 5, spellcheck: false, attrs: { 'data-embed-code': '' } });
  const status = make('span', { className: 'status', attrs: { role: 'status' } });
  const noteLine = make('p', { className: 'hint small', attrs: { 'data-embed-note': '' } });
  const modes = make('span', { className: 'segmented', attrs: { role: 'radiogroup', 'aria-label': 'Embed as' } });
  for (const [value, text] of [['script', 'Script'], ['iframe', 'Iframe']]) {
    modes.append(make('input', { type: 'radio', name: 'embed_mode', id: `embed_mode_${value}`, value, checked: value === 'script' }), make('label', { htmlFor: `embed_mode_${value}`, textContent: text }));
  }
  const compact = make('input', { type: 'checkbox', id: 'embed_compact' });
  const theme = make('select', { id: 'embed_theme' }, [new Option('Light', 'light'), new Option('Dark', 'dark'), new Option('Follow the reader\'s system', 'auto')]);
  const copy = make('button', { type: 'button', className: 'button', textContent: 'Copy the snippet' });
  const close = make('button', { type: 'button', className: 'button', textContent: 'Close' });
  const dialog = make('dialog', { className: 'embed-dialog card', attrs: { 'aria-labelledby': 'embed-heading' } }, [
    make('h2', { id: 'embed-heading', textContent: `Embed “${spec.title}” in a post` }),
    make('p', { className: 'small', textContent: 'A live calculator with the inputs on this page. Paste the snippet into your post\'s HTML; readers can change the numbers. Use the iframe where a platform strips scripts.' }),
    make('div', { className: 'embed-options' }, [
      modes,
      make('label', { className: 'check' }, [compact, 'Compact']),
      make('label', { className: 'embed-theme', htmlFor: 'embed_theme' }, ['Theme ', theme]),
    ]),
    make('label', { htmlFor: 'embed-code', className: 'visually-hidden', textContent: 'Snippet' }),
    code,
    noteLine,
    make('div', { className: 'toolbar' }, [copy, close, status]),
    make('p', { className: 'small' }, [
      'Attributes, theming and self-hosting: the README\'s “For bloggers” section. ',
      make('a', { href: new URL('widgets/demo/', siteRoot).href, textContent: 'See every widget in a demo post' }),
      '.',
    ]),
  ]);
  document.body.append(dialog);

  const refresh = () => {
    const mode = modes.querySelector('input:checked').value;
    code.value = snippet(spec, formAttributes(form, spec), mode, { compact: compact.checked, theme: theme.value }, siteRoot);
    noteLine.textContent = note();
    noteLine.hidden = !noteLine.textContent;
    status.textContent = '';
  };
  for (const control of [modes, compact, theme]) control.addEventListener('change', refresh);
  button.addEventListener('click', () => {
    refresh();
    dialog.showModal();
    code.select();
  });
  close.addEventListener('click', () => dialog.close());
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = 'Copied.';
    } catch {
      code.select();
      status.textContent = 'Press Ctrl+C (⌘C) to copy the selected snippet.';
    }
  });
}
