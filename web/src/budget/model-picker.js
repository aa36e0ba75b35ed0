// Choosing several models for the budget and context-window pages: a
// select of the catalog's current chat and reasoning models (grouped by
// provider, with their windows), an "Add" button, removable chips, and on
// the context-window page windows of one's own. The choice lives in a
// hidden form field as "provider:id" and "window:N" items, so it is in the
// page URL like every other input.
import { make } from '../shell/dom.js';

/** "128K", "1M", "1.05M": a window at a glance. */
export function shortTokens(n) {
  if (n >= 1e6) return `${Number((n / 1e6).toFixed(2))}M`;
  if (n >= 1e3) return `${Number((n / 1e3).toFixed(1))}K`;
  return String(n);
}

/**
 * @param {{root: HTMLElement, field: HTMLInputElement, catalog: {providers: any[], models: any[]},
 *   max: number, allowCustom?: boolean, onChange: () => void}} options
 */
export function createModelPicker({ root, field, catalog, max, allowCustom = false, onChange }) {
  const providerName = new Map(catalog.providers.map((p) => [p.id, p.name]));
  const byKey = new Map(catalog.models.map((m) => [`${m.provider}:${m.id}`, m]));
  const choosable = catalog.models.filter((m) => (m.kind === 'chat' || m.kind === 'reasoning') && !m.deprecated);

  const select = make('select', { id: 'model-select', attrs: { 'aria-describedby': 'model-error' } });
  for (const provider of catalog.providers) {
    const models = choosable.filter((m) => m.provider === provider.id);
    if (!models.length) continue;
    const group = make('optgroup', { label: provider.name });
    for (const m of models) {
      const window = m.context_window ? `${shortTokens(m.context_window)} window` : 'window unknown';
      group.append(make('option', { value: `${provider.id}:${m.id}`, textContent: `${m.id} · ${window}` }));
    }
    select.append(group);
  }
  // Offer a current flagship first rather than the catalog's first entry.
  select.value = byKey.has('openai:gpt-4.1') ? 'openai:gpt-4.1' : select.value;
  const add = make('button', { type: 'button', className: 'button', textContent: 'Add model' });
  const chips = make('ul', { className: 'chips', attrs: { 'aria-label': 'Chosen models' } });
  const note = make('span', { className: 'hint', id: 'model-hint' });
  root.append(
    make('div', { className: 'field', attrs: { 'data-field': 'model' } }, [
      make('label', { htmlFor: 'model-select', textContent: 'Model' }),
      make('div', { className: 'picker-row' }, [make('div', { className: 'input-wrap' }, [select]), add]),
      make('span', { className: 'error', id: 'model-error', attrs: { role: 'alert' } }),
    ]),
  );
  let windowInput = null;
  let addWindow = null;
  if (allowCustom) {
    windowInput = make('input', { id: 'own-window', inputMode: 'numeric', placeholder: '8,192', attrs: { 'data-no-url': '', 'aria-describedby': 'own-window-error' } });
    addWindow = make('button', { type: 'button', className: 'button', textContent: 'Add window' });
    root.append(
      make('div', { className: 'field', attrs: { 'data-field': 'context_window' } }, [
        make('label', { htmlFor: 'own-window', textContent: 'A window of your own' }),
        make('div', { className: 'picker-row' }, [make('div', { className: 'input-wrap' }, [windowInput, make('span', { className: 'affix', textContent: 'tokens' })]), addWindow]),
        make('span', { className: 'error', id: 'own-window-error', attrs: { role: 'alert' } }),
      ]),
    );
  }
  root.append(chips, note);

  const items = () => field.value.split(',').map((s) => s.trim()).filter(Boolean);
  const labelOf = (item) => {
    if (item.startsWith('window:')) return `Your window · ${shortTokens(Number(item.slice(7)))}`;
    const m = byKey.get(item);
    if (!m) return item;
    const window = m.context_window ? shortTokens(m.context_window) : 'window unknown';
    return `${m.id} · ${providerName.get(m.provider) ?? m.provider} · ${window}`;
  };

  function render() {
    const list = items();
    chips.replaceChildren(
      ...list.map((item) => {
        const remove = make('button', { type: 'button', className: 'chip__remove', textContent: '×', attrs: { 'aria-label': `Remove ${labelOf(item)}` } });
        remove.addEventListener('click', () => setItems(items().filter((x) => x !== item)));
        return make('li', { className: 'chip' }, [make('span', { textContent: labelOf(item) }), remove]);
      }),
    );
    const full = list.length >= max;
    add.disabled = full;
    if (addWindow) addWindow.disabled = full;
    note.textContent = full ? `Up to ${max} at once: remove one to add another.` : '';
  }

  function setItems(list) {
    field.value = [...new Set(list)].slice(0, max).join(',');
    field.dispatchEvent(new Event('change', { bubbles: true }));
    render();
    onChange();
  }

  add.addEventListener('click', () => setItems([...items(), select.value]));
  addWindow?.addEventListener('click', () => {
    const text = windowInput.value.trim().replace(/[,_\s]/g, '');
    const errorBox = root.querySelector('#own-window-error');
    const n = Number(text);
    if (!/^\d+$/.test(text) || !(n >= 1) || n > 1e12) {
      errorBox.textContent = 'A window is a whole number of tokens, 1 or more (for example 8,192).';
      windowInput.setAttribute('aria-invalid', 'true');
      return;
    }
    errorBox.textContent = '';
    windowInput.removeAttribute('aria-invalid');
    windowInput.value = '';
    setItems([...items(), `window:${n}`]);
  });

  render();
  return {
    /** The budget API's `models` entries, in the order chosen. */
    entries: () =>
      items().map((item) => (item.startsWith('window:') ? { name: `Your window (${shortTokens(Number(item.slice(7)))})`, context_window: item.slice(7) } : item)),
    items,
    labelOf,
    refresh: render,
  };
}
