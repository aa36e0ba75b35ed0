// Pathological inputs for a BPE tokenizer, generated (not stored) from a
// fixed seed so every run and every library sees the same bytes. Each is
// one huge pre-tokenizer piece, or (digits) a flood of tiny ones; a naive
// merge loop is quadratic in the piece length on the first kind.

/** mulberry32: a small, fixed, well-known PRNG; quality is not the point. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fromAlphabet(chars, count, seed) {
  const next = rng(seed);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = chars[Math.floor(next() * chars.length)];
  return out.join('');
}

/** At most `bytes` UTF-8 bytes of text: cut at a line end if there is one, else at a character boundary. */
export function utf8Prefix(text, bytes) {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= bytes) return text;
  const line = buf.lastIndexOf(0x0a, bytes - 1);
  let end = line > 0 ? line + 1 : bytes;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

/**
 * @param {number} bytes size of each input
 * @param {string} prose real prose; its first `bytes` are the reference
 */
export function pathological(bytes, prose) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let cjk = '';
  for (let cp = 0x4e00; cp <= 0x9fa5; cp++) cjk += String.fromCodePoint(cp);
  return {
    prose: utf8Prefix(prose, bytes),
    'random letters, no whitespace': fromAlphabet(letters, bytes, 1),
    'one letter repeated': 'a'.repeat(bytes),
    'random digits': fromAlphabet('0123456789', bytes, 2),
    'random CJK': fromAlphabet(cjk, Math.floor(bytes / 3), 3),
  };
}
