// The one script a blog includes (built to a stable URL,
// widgets/llmcalc-widgets.js):
//   <script type="module" src="https://…/widgets/llmcalc-widgets.js"></script>
//   <llmcalc-price model="gpt-4o" input="2,000"></llmcalc-price>
// It only defines the custom elements and shows a placeholder. A widget's
// code, the wasm core and the data files load when the widget comes near
// the viewport, from URLs relative to this script (Vite resolves them
// against import.meta.url), so the page may sit on any other origin. Every
// widget imports the same core module, so several widgets on one page
// share one wasm instance and each vocabulary is fetched once.
//
// Keep this file small: it is what every reader of the post downloads.
const WIDGETS = {
  'llmcalc-token-counter': ['token counter', () => import('./token-counter.js')],
  'llmcalc-price': ['price calculator', () => import('./price.js')],
  'llmcalc-break-even': ['break-even calculator', () => import('./break-even.js')],
  'llmcalc-context-window': ['context-window chart', () => import('./context-window.js')],
  'llmcalc-fine-tuning': ['fine-tuning cost estimator', () => import('./fine-tuning.js')],
};

// Constructable style sheets, not <style>: they touch nothing outside the
// shadow root and a host page's CSP (style-src) does not block them.
// `display` is !important because, across shadow boundaries, an important
// declaration of the shadow tree wins over the page's (a page's
// `* { display: none !important }` would otherwise hide every widget);
// the `hidden` attribute still hides one.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`:host{display:block!important;contain:content;margin:1.5em 0}:host([hidden]){display:none!important}
.wait{all:initial;display:block;box-sizing:border-box;min-height:var(--llmcalc-placeholder-height,240px);padding:16px;
border:1px solid var(--llmcalc-border,#d8dde5);border-radius:var(--llmcalc-radius,10px);background:var(--llmcalc-surface,#fff);
color:var(--llmcalc-muted,#566273);font:14px/1.5 var(--llmcalc-font,system-ui,sans-serif)}`);

// One observer for every widget: load a little before it scrolls into view.
let observer;
const pending = new Map();
function whenNear(element, start) {
  if (!('IntersectionObserver' in window)) return start();
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        pending.get(entry.target)?.();
        pending.delete(entry.target);
      }
    },
    { rootMargin: '300px 0px' },
  );
  pending.set(element, start);
  observer.observe(element);
}

for (const [tag, [label, load]] of Object.entries(WIDGETS)) {
  if (customElements.get(tag)) continue; // the script was included twice
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return; // moved within the page: already set up
        // Open, so readers' assistive tools and tests can see inside.
        const root = this.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [sheet];
        const wait = document.createElement('div');
        wait.className = 'wait';
        wait.setAttribute('role', 'status');
        wait.textContent = `Loading the ${label}…`;
        root.append(wait);
        whenNear(this, () =>
          load()
            .then((widget) => widget.mount(this, root, wait))
            .catch((e) => {
              wait.textContent = `The ${label} could not load: ${e.message}`;
            }),
        );
      }
    },
  );
}
