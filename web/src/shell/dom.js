// Small DOM helpers shared by the tool pages.

/**
 * An element with properties and children: make('td', { className: 'num', textContent: '5' }).
 * `attrs` sets attributes that have no property (aria-*, data-*, role).
 */
export function make(tag, props = {}, children = []) {
  const { attrs = {}, ...properties } = props;
  const node = Object.assign(document.createElement(tag), properties);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A link to a price source, opened in a new tab without a referrer. */
export function sourceLink(url, text) {
  return make('a', { href: url, textContent: text, rel: 'noreferrer', target: '_blank' });
}

/** Readable host of a source URL ("openai.com"); the URL itself if it does not parse. */
export function sourceHost(url) {
  try {
    return new URL(url).hostname.replace(/^(www|docs|api-docs|developers)\./, '');
  } catch {
    return url;
  }
}

/** "Price from openai.com, as of 2025-08-01." for a priced result ({source, as_of, price_period}). */
export function priceSource(r) {
  return [
    'Price from ',
    sourceLink(r.source, sourceHost(r.source)),
    ', as of ',
    make('span', { className: 'nowrap', textContent: r.as_of }),
    r.price_period && r.price_period !== 'standard' ? ` (${r.price_period})` : '',
    '.',
  ];
}
