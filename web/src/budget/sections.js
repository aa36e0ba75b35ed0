// The seven sections of a request, shared by the budget and the
// context-window pages: each sent section is typed as a token count or
// pasted as text (counted per model); the output reserve is a count.
// The fields are built here so both pages have the same ones; numbers go
// into the page URL, pasted text does not (data-no-url).
import { make } from '../shell/dom.js';

export const SECTIONS = [
  { id: 'system', label: 'System prompt', value: '800' },
  { id: 'tools', label: 'Tool definitions', value: '1,200' },
  { id: 'examples', label: 'Few-shot examples', value: '2,000' },
  { id: 'history', label: 'Conversation history', value: '6,000' },
  { id: 'context', label: 'Retrieved context', value: '24,000' },
  { id: 'user', label: 'User message', value: '300' },
  { id: 'output', label: 'Output reserve', value: '4,000', hint: 'Room kept for the reply.' },
];

function modeSwitch(section) {
  const name = `${section.id}_mode`;
  const group = make('span', { className: 'segmented', attrs: { role: 'radiogroup', 'aria-label': `How to enter the ${section.label.toLowerCase()}` } });
  for (const [value, text] of [['tokens', 'Tokens'], ['text', 'Text']]) {
    const id = `${name}_${value}`;
    const input = make('input', { type: 'radio', id, name, value, checked: value === 'tokens', defaultChecked: value === 'tokens' });
    group.append(input, make('label', { htmlFor: id, textContent: text }));
  }
  return group;
}

/** Builds the section fields into `container` (a .form-section's body). */
export function renderSectionFields(container) {
  for (const section of SECTIONS) {
    const id = section.id;
    const field = make('div', { className: 'field section-field', attrs: { 'data-field': id, 'data-section': id } });
    const head = make('div', { className: 'label-row' }, [
      make('label', { htmlFor: id }, [make('span', { className: `swatch seg-${id}`, attrs: { 'aria-hidden': 'true' } }), section.label]),
    ]);
    if (id !== 'output') head.append(modeSwitch(section));
    const described = `${id}-error${section.hint ? ` ${id}-hint` : ''}`;
    const number = make('div', { className: 'input-wrap', attrs: { 'data-mode': 'tokens' } }, [
      make('input', { id, name: id, inputMode: 'numeric', value: section.value, defaultValue: section.value, attrs: { 'aria-describedby': described } }),
      make('span', { className: 'affix', textContent: 'tokens' }),
    ]);
    field.append(head, number);
    if (id !== 'output') {
      const textId = `${id}_text`;
      field.append(
        make('div', { className: 'text-input', hidden: true, attrs: { 'data-mode': 'text' } }, [
          make('textarea', {
            id: textId,
            name: textId,
            rows: 4,
            spellcheck: false,
            placeholder: `Paste the ${section.label.toLowerCase()} here`,
            attrs: { 'data-no-url': '', 'aria-label': `${section.label} text`, 'aria-describedby': `${id}-error ${id}-count` },
          }),
          make('span', { className: 'hint', id: `${id}-count`, attrs: { 'data-count': id } }),
        ]),
      );
    }
    if (section.hint) field.append(make('span', { className: 'hint', id: `${id}-hint`, textContent: section.hint }));
    field.append(make('span', { className: 'error', id: `${id}-error`, attrs: { role: 'alert' } }));
    container.append(field);
  }
}

/** Shows each section's number or text box by its mode. */
export function syncSectionModes(form) {
  for (const section of SECTIONS) {
    const mode = form.elements[`${section.id}_mode`]?.value ?? 'tokens';
    for (const box of form.querySelectorAll(`[data-section="${section.id}"] [data-mode]`)) {
      box.hidden = box.dataset.mode !== mode;
    }
  }
}

/**
 * The sections as entered: `numbers` (id → typed text, for the core to
 * validate) and `texts` (id → pasted text, to be counted per model).
 */
export function readSections(form) {
  const numbers = {};
  const texts = {};
  for (const section of SECTIONS) {
    const mode = form.elements[`${section.id}_mode`]?.value ?? 'tokens';
    if (mode === 'text') texts[section.id] = form.elements[`${section.id}_text`].value;
    else numbers[section.id] = form.elements[section.id].value;
  }
  return { numbers, texts };
}

/** Marks the field of a core error (field = section id); false when it is not a section. */
export function markSectionError(form, error) {
  const field = form.querySelector(`.section-field[data-field="${error.field}"]`);
  if (!field) return false;
  field.setAttribute('data-invalid', '');
  field.querySelector('input:not([type="radio"])').setAttribute('aria-invalid', 'true');
  field.querySelector('.error').textContent = error.message;
  return true;
}

export function clearSectionErrors(form) {
  for (const field of form.querySelectorAll('.section-field')) {
    field.removeAttribute('data-invalid');
    field.querySelector('input:not([type="radio"])').removeAttribute('aria-invalid');
    field.querySelector('.error').textContent = '';
  }
}
