// The chat-mode messages editor: a list of role / optional name / content
// rows. It owns its DOM and reports every change through `onChange`.
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];

export function createMessagesEditor(list, onChange) {
  let next = 0;

  function row(message) {
    const id = `msg-${next++}`;
    const item = document.createElement('li');
    item.className = 'message';
    const meta = document.createElement('div');
    meta.className = 'message__meta';
    const role = document.createElement('select');
    role.setAttribute('aria-label', 'Role');
    role.dataset.noUrl = '';
    for (const r of ROLES) role.append(new Option(r, r, false, r === message.role));
    const name = Object.assign(document.createElement('input'), { placeholder: 'name (optional)', value: message.name ?? '' });
    name.setAttribute('aria-label', 'Name (optional)');
    meta.append(role, name);
    const content = Object.assign(document.createElement('textarea'), { rows: 3, value: message.content, id });
    content.setAttribute('aria-label', 'Content');
    content.spellcheck = false;
    const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: 'Remove' });
    remove.setAttribute('aria-label', 'Remove this message');
    remove.addEventListener('click', () => {
      item.remove();
      onChange();
    });
    for (const el of [role, name, content]) el.setAttribute('data-no-url', '');
    item.append(meta, content, remove);
    return item;
  }

  list.append(
    row({ role: 'system', content: 'You are a helpful assistant.' }),
    row({ role: 'user', content: 'How many tokens is this request?' }),
  );

  return {
    add() {
      const item = row({ role: 'user', content: '' });
      list.append(item);
      item.querySelector('textarea').focus();
      onChange();
    },
    value() {
      return [...list.children].map((item) => {
        const [role, name] = item.querySelectorAll('select, input');
        const m = { role: role.value, content: item.querySelector('textarea').value };
        if (name.value.trim()) m.name = name.value.trim();
        return m;
      });
    },
  };
}
