// The iframe mode, for platforms that strip <script> from posts:
//   <iframe src="…/embed/?tool=price&model=gpt-4o&input=2000" …></iframe>
// `tool` picks the widget; every other parameter the widget knows becomes
// its attribute (README, "For bloggers"). The page shows the widget alone,
// with no header or footer, and it runs under the site's own CSP.
import './embed.css';
import '../widgets/llmcalc-widgets.js';
import { WIDGETS, COMMON_ATTRIBUTES, widgetFor } from '../widgets/specs.js';

const params = new URLSearchParams(location.search);
const main = document.querySelector('[data-embed]');
const spec = widgetFor(params.get('tool') ?? '');

if (!spec) {
  const p = document.createElement('p');
  p.textContent = `Choose a calculator with ?tool=: ${WIDGETS.map((w) => w.tool).join(', ')}.`;
  main.replaceChildren(p);
} else {
  document.title = `${spec.title} · llmcalc`;
  const widget = document.createElement(spec.tag);
  for (const { name } of [...COMMON_ATTRIBUTES, ...spec.attributes]) {
    if (params.has(name)) widget.setAttribute(name, params.get(name));
  }
  main.replaceChildren(widget);
}
