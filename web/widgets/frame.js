// What every widget has around its calculator: the shadow root's styles,
// the frame (title, a link to the full tool with the same inputs, status
// and error lines, a footer), the theme and compact attributes, fields in
// the site's markup, errors shown at the field the core names, and
// attributes that keep setting the fields when a page changes them later.
import { loadLlmcalc } from 'llmcalc';
import { make } from '../src/shell/dom.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { widgetFor, fieldName, COMMON_ATTRIBUTES } from './specs.js';
import { widgetSheets } from './styles.js';

// The site's root, one folder above this chunk (widgets/ or assets/).
const SITE_ROOT = new URL(/* @vite-ignore */ '../', import.meta.url);

/** Sets a form control from an attribute's text: radios by value, check boxes by "1"/"true"/"". */
export function setField(form, name, value) {
  const control = form.elements[name];
  if (!control) return;
  if (control instanceof RadioNodeList) control.value = value;
  else if (control.type === 'checkbox') control.checked = ['1', 'true', ''].includes(value);
  else control.value = value;
}

/** A field like the tool pages': label, input with affixes, hint and error line. */
export function field({ name, label, value = '', prefix, affix, hint, inputMode = 'decimal', full = false, control }) {
  const described = [`${name}-error`, hint ? `${name}-hint` : ''].filter(Boolean).join(' ');
  const input = control ?? make('input', { id: name, name, value, defaultValue: value, inputMode, spellcheck: false, attrs: { 'aria-describedby': described } });
  const wrap = make('div', { className: 'input-wrap' }, [
    ...(prefix ? [make('span', { className: 'affix', textContent: prefix })] : []),
    input,
    ...(affix ? [make('span', { className: 'affix', textContent: affix })] : []),
  ]);
  return make('div', { className: `field${full ? ' field--full' : ''}`, attrs: { 'data-field': name } }, [
    make('label', { htmlFor: name, textContent: label }),
    wrap,
    ...(hint ? [make('span', { className: 'hint', id: `${name}-hint`, textContent: hint })] : []),
    make('span', { className: 'error', id: `${name}-error`, attrs: { role: 'alert' } }),
  ]);
}

/** A segmented switch (radio group) like the pages'. */
export function segmented(name, label, options, value) {
  const group = make('span', { className: 'segmented', attrs: { role: 'radiogroup', 'aria-label': label } });
  for (const [optionValue, text] of options) {
    const id = `${name}_${optionValue}`;
    const checked = optionValue === value;
    group.append(make('input', { type: 'radio', id, name, value: optionValue, checked, defaultChecked: checked }), make('label', { htmlFor: id, textContent: text }));
  }
  return group;
}

/** A row of results tiles; returns [tiles, out(name) → the element]. */
export function tiles(names) {
  const out = {};
  const box = make('div', { className: 'tiles' });
  for (const [name, label, detail] of names) {
    out[name] = make('div', { className: 'tile__value' });
    out[`${name}_sub`] = make('div', { className: 'tile__sub' });
    box.append(make('div', { className: 'tile', attrs: detail ? { 'data-detail': '' } : {} }, [make('div', { className: 'tile__label', textContent: label }), out[name], out[`${name}_sub`]]));
  }
  return [box, out];
}

/**
 * Builds the frame into `root` and returns its parts.
 * @param {HTMLElement} host the custom element
 * @param {ShadowRoot} root
 * @param {HTMLElement} placeholder the loader's "Loading…" box, replaced here
 * @param {{tool: string, css?: string[]}} options
 */
export function createFrame(host, root, placeholder, { tool, css = [] }) {
  const spec = widgetFor(tool);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...widgetSheets(...css)];
  const open = make('a', { className: 'widget-open', textContent: `Open in llmcalc ↗`, target: '_blank', rel: 'noopener' });
  const form = make('form', { id: 'form', className: 'widget-form', noValidate: true, autocomplete: 'off', attrs: { 'aria-label': spec.title } });
  const status = make('p', { className: 'status', textContent: 'Loading the calculator…', attrs: { role: 'status' } });
  const error = make('div', { className: 'form-error', hidden: true, attrs: { role: 'alert' } });
  const results = make('div', { className: 'widget-results', hidden: true, attrs: { 'aria-live': 'polite' } });
  const foot = make('p', { className: 'widget-foot', textContent: 'Computed in your browser by llmcalc: nothing you type leaves this page.' });
  const wrapper = make('div', { className: 'widget', attrs: { 'data-widget': tool } }, [
    make('div', { className: 'widget-head' }, [make('span', { className: 'widget-title', textContent: spec.title }), open]),
    form,
    status,
    error,
    results,
    foot,
  ]);
  placeholder.replaceWith(wrapper);

  // Theme and compact follow their attributes; "auto" follows the system.
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const syncLook = () => {
    const theme = host.getAttribute('theme') ?? 'light';
    wrapper.dataset.theme = theme === 'dark' || (theme === 'auto' && dark.matches) ? 'dark' : 'light';
    wrapper.toggleAttribute('data-compact', host.hasAttribute('compact'));
  };
  dark.addEventListener('change', syncLook);
  syncLook();

  const frame = {
    host,
    spec,
    form,
    status,
    results,
    foot,
    wrapper,
    compact: () => host.hasAttribute('compact'),
    /** The starting value of an attribute: the host's, else the documented default. */
    initial: (name) => host.getAttribute(name) ?? spec.attributes.find((a) => a.name === name)?.default ?? '',
    /** Every attribute the host sets is applied to its field (after the fields exist). */
    applyAttributes() {
      for (const a of spec.attributes) if (host.hasAttribute(a.name)) setField(form, fieldName(a.name), host.getAttribute(a.name));
    },
    /** Points "Open in llmcalc" at the tool page with these inputs (its URL state; defaults left out, as the page does). */
    setOpenLink(params) {
      const url = new URL(spec.page, SITE_ROOT);
      const isDefault = (name, v) => spec.attributes.find((a) => fieldName(a.name) === name)?.default === v;
      const query = new URLSearchParams(Object.entries(params).filter(([k, v]) => v !== undefined && v !== null && v !== '' && !isDefault(k, v)));
      url.search = query.toString();
      open.href = url.href;
    },
    clearErrors() {
      clearFieldErrors(form);
      error.hidden = true;
    },
    /** A core error at its field (LlmcalcError.field), and above the results. */
    showError(e, fieldOf = (name) => name) {
      const name = fieldOf(e?.field ?? '');
      if (e?.message) markFieldError(form, name, e.message);
      error.textContent = String(e?.message ?? e);
      error.hidden = false;
      results.hidden = true;
      status.hidden = true;
    },
    showResults() {
      status.hidden = true;
      error.hidden = true;
      results.hidden = false;
    },
    /** The shared core (and the price catalog when asked); null after saying why it could not load. */
    async loadCore({ catalog = false } = {}) {
      try {
        const llm = await loadLlmcalc();
        return { llm, catalog: catalog ? await llm.loadCatalog() : null };
      } catch (e) {
        status.textContent = `The calculator could not load: ${e.message}`;
        return null;
      }
    },
  };

  // A page may change attributes after the widget loaded (a demo's
  // buttons, a framework re-render): set the fields and recompute.
  new MutationObserver((records) => {
    const names = new Set(records.map((r) => r.attributeName));
    if ([...COMMON_ATTRIBUTES].some((a) => names.has(a.name))) syncLook();
    const changed = spec.attributes.filter((a) => names.has(a.name));
    for (const a of changed) setField(form, fieldName(a.name), host.getAttribute(a.name) ?? a.default ?? '');
    if (changed.length) form.dispatchEvent(new Event('change'));
  }).observe(host, { attributes: true });

  return frame;
}
