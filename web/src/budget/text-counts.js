// Counting pasted sections in a worker (count.worker.js), started on the
// first text so pages typed in numbers alone never load a vocabulary.
// The last count of each section per encoding is kept, so typing in one
// section does not recount the others (and memory stays one text deep). A request superseded by a newer one resolves to
// null, and the caller drops it.
const key = (encoding, section) => `${encoding}\u0000${section}`;

export function createTextCounter() {
  let worker = null;
  let nextId = 0;
  const waiting = new Map(); // request id -> { resolve, reject }
  const cache = new Map(); // key(encoding, section) -> { text, tokens }

  const start = () => {
    worker = new Worker(new URL('./count.worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      // The worker answers only the newest request: older ones never will.
      for (const [id, waiter] of waiting) {
        if (id < data.id) {
          waiter.resolve(null);
          waiting.delete(id);
        }
      }
      const waiter = waiting.get(data.id);
      waiting.delete(data.id);
      if (!waiter) return;
      if (data.error) waiter.reject(Object.assign(new Error(data.error.message), { field: data.error.field }));
      else waiter.resolve(data.counts);
    };
  };

  /**
   * @param {Record<string, string>} texts section id -> text
   * @param {string[]} encodings
   * @returns {Promise<Record<string, Record<string, number>> | null>} encoding -> section -> tokens
   */
  async function count(texts, encodings) {
    const todo = new Set();
    const toCount = {};
    for (const encoding of encodings) {
      for (const [section, text] of Object.entries(texts)) {
        if (text && cache.get(key(encoding, section))?.text !== text) {
          todo.add(encoding);
          toCount[section] = text;
        }
      }
    }
    if (todo.size) {
      if (!worker) start();
      const id = ++nextId;
      const counts = await new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, texts: toCount, encodings: [...todo] });
      });
      if (counts === null || id !== nextId) return null;
      for (const [encoding, bySection] of Object.entries(counts)) {
        for (const [section, tokens] of Object.entries(bySection)) cache.set(key(encoding, section), { text: toCount[section], tokens });
      }
    }
    const out = {};
    for (const encoding of encodings) {
      out[encoding] = {};
      for (const [section, text] of Object.entries(texts)) {
        const hit = cache.get(key(encoding, section));
        if (text && hit?.text !== text) return null; // cut short by a newer request
        out[encoding][section] = text ? hit.tokens : 0;
      }
    }
    return out;
  }

  return { count };
}
