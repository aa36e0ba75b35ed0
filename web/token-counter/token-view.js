// Shows text as coloured tokens. A 1 MB paste is ~250,000 tokens; the view
// renders them a page at a time ("Show more") so the page stays responsive
// whatever the size, while the counts above always cover the whole text.
const PAGE = 3000;

function visible(text) {
  return text.replace(/ /g, '·').replace(/\t/g, '→').replace(/\r?\n/g, '↵\n');
}

export function renderTokens(container, text, spans, { more, status, format }) {
  const { ids, start, end } = spans;
  let shown = 0;

  function renderPage() {
    const fragment = document.createDocumentFragment();
    const stop = Math.min(ids.length, shown + PAGE);
    for (let i = shown; i < stop; i++) {
      const span = document.createElement('span');
      span.className = `tok t${i % 6}`;
      const piece = text.slice(start[i], end[i]);
      if (piece) {
        span.textContent = visible(piece);
      } else {
        // A byte-level token that holds only part of a character.
        span.textContent = '�';
        span.classList.add('partial');
      }
      span.title = `token ${format.count(i + 1)} · id ${ids[i]}`;
      fragment.append(span);
    }
    container.append(fragment);
    shown = stop;
    more.hidden = shown >= ids.length;
    status.textContent =
      ids.length > shown ? `Showing ${format.count(shown)} of ${format.count(ids.length)} tokens.` : `${format.count(ids.length)} tokens.`;
  }

  container.replaceChildren();
  more.onclick = renderPage;
  renderPage();
}
