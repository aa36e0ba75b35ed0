// Downloads of results: tables as CSV or JSON, charts as SVG or PNG. All
// made in the page from what is on screen; nothing is uploaded.

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted. */
export function toCsv(rows) {
  const field = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** rows: array of objects with the same keys; columns: their order. */
export function downloadCsv(filename, columns, rows) {
  const csv = toCsv([columns, ...rows.map((r) => columns.map((c) => r[c]))]);
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
}

export function downloadJson(filename, value) {
  download(new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }), filename);
}

/** text: a string or a Blob (e.g. a large output made in a worker). */
export function downloadText(filename, text, type = 'text/plain;charset=utf-8') {
  download(text instanceof Blob ? text : new Blob([text], { type }), filename);
}

// Inlines the computed colours and fonts into a copy of the chart, so the
// exported file looks the same outside the page's stylesheet and theme.
function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  const source = svg.querySelectorAll('*');
  const target = copy.querySelectorAll('*');
  const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-family', 'font-size', 'font-weight', 'opacity'];
  source.forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const p of props) {
      const v = style.getPropertyValue(p);
      if (v) target[i].setAttribute(p, v);
    }
  });
  const box = svg.viewBox.baseVal;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  copy.prepend(background);
  return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(filename, svg) {
  download(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }), filename);
}

/** Renders the chart at 2× for a sharp PNG. */
export async function downloadPng(filename, svg) {
  const box = svg.viewBox.baseVal;
  const image = new Image();
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: box.width * 2, height: box.height * 2 });
    const context = canvas.getContext('2d');
    context.scale(2, 2);
    context.drawImage(image, 0, 0, box.width, box.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
