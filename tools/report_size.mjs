// Prints raw, gzip and brotli sizes of the given files: the numbers a user
// downloads. Used after the wasm link and by the benchmarks.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const s = compressedSizes(readFileSync(file));
    console.log(`size ${basename(file)}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`);
  }
}
