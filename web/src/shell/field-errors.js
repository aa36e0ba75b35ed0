// A bad value's message at its field, the same way on every tool page and
// widget: the core's LlmcalcError names the field (error.field); the
// .field[data-field=NAME] box gets data-invalid, its control aria-invalid,
// and its .error line the message. Boxes marked data-own-check are
// validated by their own code and left alone when clearing.

// The field's value control: not the radios of a unit switch, not a file picker.
const CONTROL = 'input:not([type="radio"]):not([type="checkbox"]):not([type="file"]), select, textarea';

/** Clears every field's error in `root`. */
export function clearFieldErrors(root) {
  for (const box of root.querySelectorAll('.field:not([data-own-check])')) {
    box.removeAttribute('data-invalid');
    box.querySelector(CONTROL)?.removeAttribute('aria-invalid');
    const line = box.querySelector('.error');
    if (line) line.textContent = '';
  }
}

/** Marks field `name` with `message`; false when it has no visible box. */
export function markFieldError(root, name, message) {
  const box = name ? root.querySelector(`.field[data-field="${name}"]`) : null;
  if (!box || box.closest('[hidden]')) return false;
  box.setAttribute('data-invalid', '');
  box.querySelector(CONTROL)?.setAttribute('aria-invalid', 'true');
  const line = box.querySelector('.error');
  if (line) line.textContent = message;
  return true;
}
