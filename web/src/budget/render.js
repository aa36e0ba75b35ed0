// Pieces of the budget results both pages draw: the section legend and the
// stacked-bar rows of a budget result.
import { SECTIONS } from './sections.js';

export function renderLegend(list) {
  list.replaceChildren(
    ...SECTIONS.map((s) => {
      const swatch = Object.assign(document.createElement('span'), { className: `swatch seg-${s.id}` });
      swatch.setAttribute('aria-hidden', 'true');
      const item = document.createElement('li');
      item.append(swatch, s.label);
      return item;
    }),
  );
}

/** A budget result as renderStackedBars rows, with a sentence per segment. */
export function stackRows(llm, result) {
  const f = llm.format;
  return result.models.map((m) => ({
    label: m.name,
    detail:
      m.context_window === null
        ? `${f.count(m.total_tokens)} tokens · window unknown`
        : `${f.count(m.total_tokens)} of ${f.count(m.context_window)} · ${f.percent(m.share)}${m.fits ? '' : ' · over'}`,
    shortDetail: m.share === null ? 'window unknown' : f.percent(m.share),
    window: m.context_window,
    total: m.total_tokens,
    segments: m.sections.map((s) => ({
      label: s.label,
      tokens: s.tokens,
      className: `seg-${s.id}`,
      tip: `${m.name} · ${s.label}: ${f.count(s.tokens)} tokens${s.share === null ? '' : ` (${f.percent(s.share)} of the window)`}`,
    })),
  }));
}
