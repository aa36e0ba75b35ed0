// Runs on every page: the theme follows the system unless the reader chose
// one with the toggle (remembered in localStorage).
import '../styles/base.css';

const KEY = 'llmcalc-theme';
const root = document.documentElement;

function systemTheme() {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function storedTheme() {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'dark' || t === 'light' ? t : null;
  } catch {
    return null; // storage can be disabled; the system setting still applies
  }
}

function apply(theme) {
  root.dataset.theme = theme;
  for (const button of document.querySelectorAll('[data-theme-toggle]')) {
    const next = theme === 'dark' ? 'light' : 'dark';
    button.setAttribute('aria-label', `Switch to ${next} theme`);
    button.title = `Switch to ${next} theme`;
  }
  document.dispatchEvent(new CustomEvent('llmcalc:themechange', { detail: { theme } }));
}

apply(storedTheme() ?? systemTheme());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  if (!storedTheme()) apply(systemTheme());
});

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
  const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* not remembered, but still applied */
  }
  apply(next);
});

// Offline after the first visit (production builds only: the dev server
// serves modules that are not in any precache list). The worker sits at
// the site root, one folder above this bundled script.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const root = new URL(/* @vite-ignore */ '../', import.meta.url);
  navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.pathname }).catch(() => {
    /* e.g. a file:// page; the site still works online */
  });
}
