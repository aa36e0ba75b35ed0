// The about page: the catalog's date and sources come from the catalog
// itself, the licenses from the repository's NOTICE file and licenses/
// (bundled as text at build time), so neither can drift from what ships.
import '../src/styles/tool.css';
import './about.css';
import notice from '../../NOTICE?raw';
import llamaLicense from '../../licenses/Meta-Llama-3-Community-License.txt?raw';
import gemmaTerms from '../../licenses/Gemma-Terms-of-Use.md?raw';
import { loadLlmcalc } from 'llmcalc';

document.querySelector('[data-notice]').textContent = notice;
document.querySelector('[data-license="llama3"]').textContent = llamaLicense;
document.querySelector('[data-license="gemma"]').textContent = gemmaTerms;

async function main() {
  const summary = document.querySelector('[data-catalog-summary]');
  try {
    const llm = await loadLlmcalc();
    const catalog = await llm.loadCatalog();
    const providers = new Set(catalog.models.map((m) => m.provider)).size;
    summary.textContent =
      `${llm.format.count(catalog.models.length)} models from ${providers} providers. ` +
      `Prices as of ${catalog.asOf}; catalog generated ${catalog.generated}. ` +
      'Each price shown in the tools links to its source.';
    const tbody = document.querySelector('[data-sources] tbody');
    tbody.replaceChildren(
      ...catalog.sources.map((s) => {
        const row = document.createElement('tr');
        const name = document.createElement('td');
        if (s.url) name.append(Object.assign(document.createElement('a'), { href: s.url, textContent: s.name, rel: 'noreferrer' }));
        else name.textContent = s.name;
        if (s.version) name.append(` ${s.version}`);
        const cell = (t) => Object.assign(document.createElement('td'), { textContent: t ?? '' });
        row.append(name, cell(s.covers), cell(s.license), cell(s.as_of));
        return row;
      }),
    );
  } catch (e) {
    summary.textContent = `The catalog could not load: ${e.message}`;
  }
}

main();
