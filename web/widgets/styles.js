// Style sheets for the shadow roots, made once per page and shared by every
// widget (adoptedStyleSheets): the site's own CSS, imported as text so
// nothing is injected into the host document. Changes on the way in:
//  - The site's theme properties sit on `:root`, which a shadow root does
//    not have: they move to the frame (.widget, and .widget[data-theme=dark]),
//    and each one becomes overridable from the host page as
//    --llmcalc-<name> (README, "For bloggers", lists the ones to use).
//  - `rem` is the host page's root font size, which a blog may set to
//    anything (40px, 62.5 %…); lengths become multiples of the widget's
//    own unit (--unit, from --llmcalc-font-size) instead.
import widgetCss from './widget.css?inline';
import baseCss from '../src/styles/base.css?inline';
import toolCss from '../src/styles/tool.css?inline';

const cache = new Map();

/** `:root{--accent:#0f766e}` → `.widget{--accent:var(--llmcalc-accent,#0f766e)}` (minified or not). */
function themeOnFrame(css) {
  return css.replace(/:root(\[data-theme=['"]?dark['"]?\])?\s*\{([^}]*)\}/g, (_, dark, body) => {
    const declarations = body.split(';').map((d) => d.replace(/^\s*--([\w-]+)\s*:\s*(.+?)\s*$/s, '--$1:var(--llmcalc-$1,$2)'));
    return `.widget${dark ? "[data-theme='dark']" : ''}{${declarations.join(';')}}`;
  });
}

function sheetFrom(cssText) {
  if (!cache.has(cssText)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(themeOnFrame(cssText).replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--unit))'));
    cache.set(cssText, sheet);
  }
  return cache.get(cssText);
}

/** The frame, the site's base and form styles, then a widget's own (chart CSS, …). */
export function widgetSheets(...extra) {
  return [widgetCss, baseCss, toolCss, ...extra].map(sheetFrom);
}
