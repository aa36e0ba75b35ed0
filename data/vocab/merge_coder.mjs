// Format version 4 of the vocabulary file (src/tokenizer/vocab.h): a
// byte-level BPE vocabulary written as its merges. Its decoder is
// src/tokenizer/merge_decoder.cpp; the two must agree on every step below.
//
// Why: every token of OpenAI's vocabularies past the 256 single bytes is
// the concatenation a + b of two tokens of lower rank (the merge BPE
// training made), so a vocabulary in rank order is a list of pairs of
// earlier tokens, and the pairs are far more predictable than the bytes
// they spell: a few parts recur by the thousand (' s', 'ing', '.'), and the
// first byte of b follows from the last byte of a. o200k_base takes 637 KB
// this way; the best layout for brotli took 779 KB (version 2: the tokens
// sorted and front-coded, brotli -q 11). It must also load fast (a page's
// first count waits for it), which is why the coding is static and
// table-driven: one table lookup per symbol, no adaptive probabilities (an
// adaptive binary coder of the same model was 2% smaller and 2-3 times
// slower to decode).
//
// Each part of a merge is coded as its first byte and its position in a
// list, both made small by move-to-front-like lists (UseList below):
//   key   the part's first byte, as its position in a list of the 256 bytes
//         ordered by use: one list for a; for b, one per last byte of a;
//   pos   the part's position in the list of tokens that start with that
//         byte, ordered by how often each was used on that side (ties: in
//         rank order), as a bucket (bucketOf) and the bucket's low bits.
// Then token r (= a + b) joins the end of both sides' lists of its first
// byte. The keys and buckets are rANS-coded (ryg_rans's byte-wise rANS, 12-
// bit frequencies) with static tables written in the file: a's keys, b's
// keys, and the buckets per side and per bit length of the list's size
// (early lists are short). The low bits are written as they are.

const PROB_BITS = 12;
const PROB_SCALE = 1 << PROB_BITS;
const RANS_L = 1 << 23; // lower bound of the coder's state

/** Table numbers: the keys, then the buckets by side and list-size bit length (0-25). */
const KEY_A = 0;
const KEY_B = 1;
const SIZE_CLASSES = 26;
const bucketTable = (side, listSize) => 2 + side * SIZE_CLASSES + (32 - Math.clz32(listSize));
const TABLES = 2 + 2 * SIZE_CLASSES;

/** A list position as (bucket, count of low bits, low bits): small positions cost little. */
export function bucketOf(pos) {
  const v = pos + 1;
  if (v < 8) return [v - 1, 0, 0];
  const len = 32 - Math.clz32(v);
  const extra = len - 3;
  return [7 + (len - 4) * 4 + ((v >>> extra) & 3), extra, v & ((1 << extra) - 1)];
}

/**
 * Items ordered by use count, most used first, ties in the order they
 * joined. Using one swaps it with the first item of its count, so every
 * step is O(1). start[c] = index of the first item used <= c times.
 */
class UseList {
  constructor() {
    this.items = [];
    this.start = [0];
    this.pos = new Map();
    this.uses = new Map();
  }

  add(item) {
    this.pos.set(item, this.items.length);
    this.uses.set(item, 0);
    this.items.push(item);
  }

  /** Marks one more use of `item`; returns its position before the use. */
  use(item) {
    const at = this.pos.get(item);
    const c = this.uses.get(item);
    const to = this.start[c];
    const other = this.items[to];
    this.items[to] = item;
    this.items[at] = other;
    this.pos.set(other, at);
    this.pos.set(item, to);
    this.start[c] = to + 1;
    this.uses.set(item, c + 1);
    if (this.start.length === c + 1) this.start.push(0);
    return at;
  }
}

function byteList() {
  const list = new UseList();
  for (let b = 0; b < 256; b++) list.add(b);
  return list;
}

class BitWriter {
  constructor() {
    this.bytes = [];
    this.acc = 0;
    this.n = 0;
  }

  /** `count` bits of `value`, high first. */
  write(value, count) {
    for (let k = count - 1; k >= 0; k--) {
      this.acc = (this.acc << 1) | ((value >>> k) & 1);
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }

  finish() {
    if (this.n) this.bytes.push(this.acc << (8 - this.n));
    return Uint8Array.from(this.bytes);
  }
}

/** Frequencies summing to PROB_SCALE, at least 1 for every symbol seen. */
export function quantize(counts) {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return [];
  const freqs = counts.map((c) => (c ? Math.max(1, Math.round((c * PROB_SCALE) / total)) : 0));
  let excess = freqs.reduce((s, f) => s + f, 0) - PROB_SCALE;
  // Take from (or give to) the largest frequencies, where it costs least.
  const order = freqs.map((_, i) => i).sort((x, y) => freqs[y] - freqs[x]);
  for (let i = 0; excess !== 0; i = (i + 1) % order.length) {
    const s = order[i];
    if (excess > 0 && freqs[s] > 1) {
      freqs[s]--;
      excess--;
    } else if (excess < 0) {
      freqs[s]++;
      excess++;
    }
  }
  let last = freqs.length;
  while (last > 0 && freqs[last - 1] === 0) last--;
  return freqs.slice(0, last);
}

/** rANS over symbols given in decoding order; returns the bytes the decoder reads. */
function ransEncode(symbols, tables) {
  const cums = tables.map((freqs) => {
    const cum = [];
    let sum = 0;
    for (const f of freqs) {
      cum.push(sum);
      sum += f;
    }
    return cum;
  });
  const out = []; // emitted last byte first
  let x = RANS_L;
  for (let i = symbols.length - 1; i >= 0; i--) {
    const [table, s] = symbols[i];
    const freq = tables[table][s];
    const xMax = (RANS_L >>> PROB_BITS) * 256 * freq;
    while (x >= xMax) {
      out.push(x & 0xff);
      x = Math.floor(x / 256);
    }
    x = Math.floor(x / freq) * PROB_SCALE + (x % freq) + cums[table][s];
  }
  const head = [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24];
  return Uint8Array.from([...head, ...out.reverse()]);
}

/**
 * Splits token `t` of rank r into two tokens of lower rank, the way BPE
 * with the ranks below r merges its bytes; else at the first point where
 * both halves are tokens of lower rank; null when there is none.
 */
function splitOf(t, r, rankOf) {
  const rank = (bytes) => rankOf.get(bytes.toString('latin1'));
  const parts = Array.from(t, (byte) => Buffer.from([byte]));
  for (;;) {
    let best = -1;
    let bestRank = r;
    for (let i = 0; i + 1 < parts.length; i++) {
      const merged = rank(Buffer.concat([parts[i], parts[i + 1]]));
      if (merged !== undefined && merged < bestRank) {
        bestRank = merged;
        best = i;
      }
    }
    if (best < 0) break;
    parts.splice(best, 2, Buffer.concat([parts[best], parts[best + 1]]));
  }
  if (parts.length === 2) return parts.map(rank);
  for (let k = 1; k < t.length; k++) {
    const a = rank(t.subarray(0, k));
    const b = rank(t.subarray(k));
    if (a !== undefined && b !== undefined && a < r && b < r) return [a, b];
  }
  return null;
}

/** What every vocabulary file starts with: magic, format version, name, number of ranks. */
export function fileHead(version, name, count) {
  const nameBytes = Buffer.from(name, 'ascii');
  const head = Buffer.alloc(8 + 1 + nameBytes.length + 4);
  head.write('LLMCVOC', 0, 'ascii');
  head[7] = version;
  head[8] = nameBytes.length;
  nameBytes.copy(head, 9);
  head.writeUInt32LE(count, 9 + nameBytes.length);
  return head;
}

export function u32(value) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value, 0);
  return b;
}

function varint(value, out) {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
}

/**
 * The version 4 file for tokens by rank (a hole: a rank without a token), or
 * null when the vocabulary is not one this format can hold: ranks 0-255 must
 * be the 256 single bytes, and every longer token a merge of two tokens of
 * lower rank.
 *   "LLMCVOC" u8 version (4)  u8 name_len, name  u32 count (ranks, holes too)
 *   256 x u8: the byte of each of the ranks 0-255
 *   u32 holes, holes x u32: the ranks without a token, ascending
 *   256 varints: how many tokens start with each byte (the lists' sizes)
 *   TABLES tables, each: varint n, then n varint frequencies of the symbols
 *     0..n-1 (n = 0: a table never used; else they sum to 4096)
 *   for a, then for b (two streams, so that the decoder can take all of a's
 *   parts first, and memory loads of one do not hold up the next):
 *     u32 size, size bytes: the low bits of the positions, high bit first
 *     u32 size, size bytes: the rANS-coded keys and buckets
 */
export function encodeMerges(name, byRank) {
  const count = byRank.length;
  if (count < 256 || count > 1 << 24) return null;
  const rankOf = new Map();
  const byteOfRank = Buffer.alloc(256);
  const holes = [];
  for (let r = 0; r < count; r++) {
    const t = byRank[r];
    if (!t?.length) {
      if (r < 256) return null;
      holes.push(r);
      continue;
    }
    if ((r < 256) !== (t.length === 1)) return null;
    if (r < 256) byteOfRank[r] = t[0];
    rankOf.set(t.toString('latin1'), r);
  }
  if (new Set(byteOfRank).size !== 256) return null;

  const symbols = [[], []]; // per side: [table, symbol] in decoding order
  const counts = Array.from({ length: TABLES }, () => []);
  const emit = (side, table, s) => {
    symbols[side].push([table, s]);
    counts[table][s] = (counts[table][s] ?? 0) + 1;
  };
  const bits = [new BitWriter(), new BitWriter()];
  const keysA = byteList();
  const keysB = Array.from({ length: 256 }, byteList);
  const lists = [0, 1].map(() => Array.from({ length: 256 }, () => new UseList()));
  const codePart = (side, keys, token) => {
    const first = byRank[token][0];
    const list = lists[side][first];
    emit(side, side === 0 ? KEY_A : KEY_B, keys.use(first));
    const table = bucketTable(side, list.items.length);
    const [bucket, extra, low] = bucketOf(list.use(token));
    emit(side, table, bucket);
    bits[side].write(low, extra);
  };
  for (let r = 0; r < count; r++) {
    const t = byRank[r];
    if (!t?.length) continue;
    if (r >= 256) {
      const split = splitOf(t, r, rankOf);
      if (!split) return null;
      const [a, b] = split;
      codePart(0, keysA, a);
      codePart(1, keysB[byRank[a][byRank[a].length - 1]], b);
    }
    lists[0][t[0]].add(r);
    lists[1][t[0]].add(r);
  }
  const tables = counts.map((c) => quantize(Array.from(c, (x) => x ?? 0)));
  const streams = [0, 1].flatMap((side) => {
    const lowBits = bits[side].finish();
    const coded = ransEncode(symbols[side], tables);
    return [u32(lowBits.length), lowBits, u32(coded.length), coded];
  });

  const tableBytes = [];
  for (const list of lists[0]) varint(list.items.length, tableBytes);
  for (const freqs of tables) {
    varint(freqs.length, tableBytes);
    for (const f of freqs) varint(f, tableBytes);
  }
  return Buffer.concat([
    fileHead(4, name, count),
    byteOfRank,
    u32(holes.length),
    ...holes.map(u32),
    Buffer.from(tableBytes),
    ...streams,
  ]);
}
