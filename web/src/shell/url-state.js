// Keeps a form's inputs in the page URL (?name=value…), so a reload or a
// shared link restores them. Values equal to the field's default are left
// out to keep links short. Long text fields opt out with data-no-url.
// extra() may add parameters that are not fields (e.g. counts of a
// dropped file); the page reads those back itself.
export function bindFormToUrl(form, { onRestore, extra } = {}) {
  const fields = () => [...form.elements].filter((e) => e.name && !e.hasAttribute('data-no-url'));
  const params = new URLSearchParams(location.search);
  for (const field of fields()) {
    if (!params.has(field.name)) continue;
    const value = params.get(field.name);
    if (field.type === 'radio') field.checked = field.value === value;
    else if (field.type === 'checkbox') field.checked = value === '1';
    else field.value = value;
  }
  onRestore?.();

  const write = () => {
    const next = new URLSearchParams();
    for (const field of fields()) {
      if (field.type === 'radio') {
        if (field.checked && !field.defaultChecked) next.set(field.name, field.value);
      } else if (field.type === 'checkbox') {
        if (field.checked !== field.defaultChecked) next.set(field.name, field.checked ? '1' : '0');
      } else if (field.value !== defaultValue(field)) {
        next.set(field.name, field.value);
      }
    }
    for (const [key, value] of Object.entries(extra?.() ?? {})) next.set(key, value);
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };
  form.addEventListener('input', write);
  form.addEventListener('change', write);
  return write;
}

// A select has no defaultValue: its default is the option marked selected
// in the markup (or by defaultSelected), else the first.
function defaultValue(field) {
  if (field.tagName !== 'SELECT') return field.defaultValue;
  const options = [...field.options];
  return (options.find((o) => o.defaultSelected) ?? options[0])?.value;
}

/** Copies the current URL; resolves to a message for a status line. */
export async function copyLink() {
  try {
    await navigator.clipboard.writeText(location.href);
    return 'Link copied.';
  } catch {
    return 'Copy the address bar to share these inputs.';
  }
}
