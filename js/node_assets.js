// Data files for the Node entries (node.js, tokenizer_node.js). A
// vocabulary is not read into a buffer of its own but handed over as a file
// that js/tokenizer.js reads straight into wasm memory: memory touched for
// the first time costs about 3 ms a megabyte (Node 20, measured here), and
// Gemma 3's vocabulary is 4 MB. The read is synchronous so that wasm memory
// cannot grow (and move) under it.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assetUrl } from './assets.js';

/**
 * Where Node reads a data file: for a vocabulary js/vocab/<name>.bin, not
 * the file of its URL. Browsers get OpenAI's vocabularies in the format
 * made for downloading (js/vocab/web/); Node gets the one that loads
 * fastest, as size on disk hardly matters.
 */
export function assetPath(name) {
  const url = assetUrl(name);
  if (!url) throw new Error(`Unknown data file: ${name}`);
  return fileURLToPath(name.startsWith('vocab/') ? new URL(`./${name}`, import.meta.url) : url);
}

/** @returns {Promise<Uint8Array | {size: number, readInto(view: Uint8Array): void}>} */
export async function readAsset(name) {
  const path = assetPath(name);
  if (!name.startsWith('vocab/')) return new Uint8Array(await readFile(path));
  // Synchronous too: right after the wasm compiles, V8's background
  // compiler threads kept an async stat waiting 40-80 ms on this 2-core
  // machine, most of the time to load o200k_base in a new process.
  const { size } = statSync(path);
  return {
    size,
    readInto(view) {
      const fd = openSync(path, 'r');
      try {
        for (let at = 0; at < view.length; ) {
          const n = readSync(fd, view, at, view.length - at, at);
          if (n === 0) throw new Error(`Could not load ${name}: the file is shorter than ${size} bytes`);
          at += n;
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
