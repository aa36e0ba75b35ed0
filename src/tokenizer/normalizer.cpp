#include "tokenizer/normalizer.h"

#include <algorithm>
#include <array>

#include "tokenizer/normalization_tables.h"
#include "tokenizer/utf8.h"
#include "util/utf8_append.h"

namespace llmcalc::tokenizer {
namespace {

using namespace detail;

// Hangul syllables decompose and compose by arithmetic (Unicode §3.12).
constexpr std::uint32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr std::uint32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr std::uint32_t kSCount = kLCount * kVCount * kTCount;

// An invalid byte travels as this bit set over its value: a starter that
// neither decomposes nor composes, written back as the byte itself.
constexpr std::uint32_t kRawByte = 0x80000000u;

bool in_ranges(const std::uint32_t* r, std::size_t count, std::uint32_t cp) {
  // r holds `count` [first, last] pairs; find the last pair with first <= cp.
  std::size_t lo = 0, hi = count;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (r[2 * mid] <= cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo > 0 && cp <= r[2 * (lo - 1) + 1];
}

std::uint32_t ccc(std::uint32_t cp) {
  if (cp < 0x300 || cp >= kRawByte) return 0;
  const std::uint32_t* end = kCcc + kCccSize;
  const std::uint32_t* it = std::lower_bound(kCcc, end, cp << 8);
  return it != end && (*it >> 8) == cp ? (*it & 0xFF) : 0;
}

// Appends the full decomposition of cp in `form` to `out` and returns true,
// or returns false when cp stands for itself.
bool lookup(const std::uint32_t* keys, const std::uint32_t* spans, const std::uint16_t* pool,
            std::size_t size, std::uint32_t cp, std::vector<std::uint32_t>& out) {
  const std::uint32_t* it = std::lower_bound(keys, keys + size, cp);
  if (it == keys + size || *it != cp) return false;
  std::uint32_t span = spans[it - keys];
  const std::uint16_t* u = pool + (span >> 5);
  const std::uint16_t* end = u + (span & 31);
  while (u < end) {  // UTF-16
    std::uint32_t c = *u++;
    if (c >= 0xD800 && c < 0xDC00) c = 0x10000 + ((c - 0xD800) << 10) + (*u++ - 0xDC00);
    out.push_back(c);
  }
  return true;
}

bool decompose(NormalForm form, std::uint32_t cp, std::vector<std::uint32_t>& out) {
  if (form == NormalForm::kNfkc) {
    // Runs first: the last run starting at or before cp.
    std::size_t lo = 0, hi = kNfkdRunsSize;
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (kNfkdRuns[3 * mid] <= cp) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0) {
      const std::uint32_t* r = kNfkdRuns + 3 * (lo - 1);
      if (cp < r[0] + r[1]) {
        out.push_back(r[2] + (cp - r[0]));
        return true;
      }
    }
    if (lookup(kNfkdKeys, kNfkdSpans, kNfkdPool, kNfkdKeysSize, cp, out)) return true;
  }
  return lookup(kNfdKeys, kNfdSpans, kNfdPool, kNfdKeysSize, cp, out);
}

std::uint32_t compose(std::uint32_t a, std::uint32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount) {
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
      b < kTBase + kTCount) {
    return a + (b - kTBase);
  }
  if (a >= kRawByte || b >= kRawByte) return 0;
  const std::uint64_t key = std::uint64_t{a} << 42 | std::uint64_t{b} << 21;
  const std::uint64_t* end = kCompose + kComposeSize;
  const std::uint64_t* it = std::lower_bound(kCompose, end, key);
  if (it != end && (*it >> 21) == (key >> 21)) return static_cast<std::uint32_t>(*it & 0x1FFFFF);
  return 0;
}

void put_utf8(std::string& out, std::uint32_t cp) {
  if (cp >= kRawByte) {
    out += static_cast<char>(cp & 0xFF);  // an invalid byte, passed through
  } else {
    append_utf8(out, cp);
  }
}

// The whole algorithm on s[0, n), every character looked up.
void normalize_all(NormalForm form, const std::uint8_t* s, std::size_t n, std::string& out,
                   std::vector<std::uint32_t>* origin) {
  // 1. Decompose, remembering which input character each code point came from.
  std::vector<std::uint32_t> cps, from;
  cps.reserve(n);
  from.reserve(n);
  for (std::size_t i = 0; i < n;) {
    Char c = decode_char(s, n, i);
    auto at = static_cast<std::uint32_t>(i);
    i += c.len;
    if (c.cp == kInvalidByte) {
      cps.push_back(kRawByte | s[at]);
      from.push_back(at);
      continue;
    }
    if (c.cp >= kSBase && c.cp < kSBase + kSCount) {
      std::uint32_t k = c.cp - kSBase;
      cps.push_back(kLBase + k / (kVCount * kTCount));
      cps.push_back(kVBase + (k % (kVCount * kTCount)) / kTCount);
      from.insert(from.end(), 2, at);
      if (k % kTCount) {
        cps.push_back(kTBase + k % kTCount);
        from.push_back(at);
      }
      continue;
    }
    std::size_t before = cps.size();
    if (c.cp < 0xA0 || !decompose(form, c.cp, cps)) cps.push_back(c.cp);
    from.insert(from.end(), cps.size() - before, at);
  }
  // 2. Canonical ordering: each run of non-starters sorted by class, stably
  // (insertion sort: runs are a few marks long).
  std::vector<std::uint32_t> cls(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) cls[i] = ccc(cps[i]);
  for (std::size_t i = 1; i < cps.size(); ++i) {
    for (std::size_t j = i; j > 0 && cls[j] != 0 && cls[j - 1] > cls[j]; --j) {
      std::swap(cps[j], cps[j - 1]);
      std::swap(cls[j], cls[j - 1]);
      std::swap(from[j], from[j - 1]);
    }
  }
  // 3. Canonical composition (UAX #15 §1.3): a character joins the last
  // starter when nothing between them blocks it.
  std::size_t kept = 0;
  std::size_t starter = static_cast<std::size_t>(-1);
  std::uint32_t last = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    std::uint32_t cp = cps[i], cc = cls[i];
    if (starter != static_cast<std::size_t>(-1) &&
        (last < cc || (last == 0 && kept == starter + 1))) {
      if (std::uint32_t comp = compose(cps[starter], cp)) {
        cps[starter] = comp;
        continue;
      }
    }
    if (cc == 0) starter = kept;
    last = cc;
    cps[kept] = cp;
    cls[kept] = cc;
    from[kept] = from[i];
    ++kept;
  }
  // 4. Back to UTF-8, each byte with its origin (kept non-decreasing: marks
  // that moved before others map to the earlier character).
  out.clear();
  if (origin) origin->clear();
  std::uint32_t floor = 0;
  for (std::size_t i = 0; i < kept; ++i) {
    std::size_t before = out.size();
    put_utf8(out, cps[i]);
    floor = std::max(floor, from[i]);
    if (origin) origin->insert(origin->end(), out.size() - before, floor);
  }
  if (origin) origin->push_back(static_cast<std::uint32_t>(n));
}

// The characters that need a look: those that may change, be reordered or
// compose with a character before them (generate_normalization.py). Any
// other is a starter that stays as it is and never joins what comes before
// it, so the text splits before it without changing its normal form (the
// boundaries of UAX #15 section 9); invalid bytes are such starters too.
//
// The Basic Multilingual Plane's part of the ranges is also kept as a
// bitmap (8 KB a form, built on first use): nearly every character of real
// text is there, and one bit test per character beats a binary search over
// hundreds of ranges (Chinese text has no character below them to skip).
using BmpBits = std::array<std::uint64_t, 0x10000 / 64>;

BmpBits bmp_bits(const std::uint32_t* ranges, std::size_t count) {
  BmpBits bits{};
  for (std::size_t k = 0; k < count; ++k) {
    for (std::uint32_t cp = ranges[2 * k]; cp <= ranges[2 * k + 1] && cp < 0x10000; ++cp) {
      bits[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    }
  }
  return bits;
}

const BmpBits& bmp_bits(NormalForm form) {
  static const BmpBits nfc = bmp_bits(kNfcAttention, kNfcAttentionSize);
  static const BmpBits nfkc = bmp_bits(kNfkcAttention, kNfkcAttentionSize);
  return form == NormalForm::kNfc ? nfc : nfkc;
}

class Attention {
 public:
  explicit Attention(NormalForm form)
      : ranges_(form == NormalForm::kNfc ? kNfcAttention : kNfkcAttention),
        count_(form == NormalForm::kNfc ? kNfcAttentionSize : kNfkcAttentionSize),
        bmp_(bmp_bits(form)) {}
  // The character at s[i] (i < n): its length, 0 when it needs no look.
  LLMCALC_ALWAYS_INLINE std::size_t look(const std::uint8_t* s, std::size_t n, std::size_t i,
                                         std::size_t& len) const {
    if (s[i] < 0x80) {  // below the first range (U+00A0 for NFKC, U+0300 for NFC)
      len = 1;
      return 0;
    }
    Char c = decode_char(s, n, i);
    len = c.len;
    if (c.cp == kInvalidByte) return 0;
    if (c.cp < 0x10000) return bmp_[c.cp >> 6] >> (c.cp & 63) & 1 ? len : 0;
    return in_ranges(ranges_, count_, c.cp) ? len : 0;
  }

 private:
  const std::uint32_t* ranges_;
  std::size_t count_;
  const BmpBits& bmp_;
};

// Appends s[begin, end) as it is; each byte's origin is where its character starts.
void append_as_is(const std::uint8_t* s, std::size_t n, std::size_t begin, std::size_t end,
                  std::string& out, std::vector<std::uint32_t>* origin) {
  out.append(reinterpret_cast<const char*>(s + begin), end - begin);
  if (!origin) return;
  for (std::size_t i = begin; i < end;) {
    std::size_t len = decode_char(s, n, i).len;
    origin->insert(origin->end(), len, static_cast<std::uint32_t>(i));
    i += len;
  }
}

}  // namespace

bool is_normalized(NormalForm form, const std::uint8_t* s, std::size_t n) {
  const Attention attention(form);
  for (std::size_t i = 0, len = 0; i < n; i += len) {
    if (attention.look(s, n, i, len)) return false;
  }
  return true;
}

// Only the runs of characters that need a look, each with the starter
// before it (which they may compose with), go through the whole algorithm;
// the rest is copied. Text that needs normalizing mostly needs it in a few
// places (a decomposed accent, a fullwidth form), and the whole algorithm
// looks every character up in several tables: for the legacy Claude
// tokenizer's NFKC this was most of the time of counting real text.
bool normalize_if_needed(NormalForm form, const std::uint8_t* s, std::size_t n, std::string& out,
                         std::vector<std::uint32_t>* origin) {
  const Attention attention(form);
  out.clear();
  if (origin) origin->clear();
  bool looked = false;
  std::string part;
  std::vector<std::uint32_t> part_origin;
  std::size_t done = 0;  // s[0, done) is in out
  std::size_t safe = 0;  // the text may be split before s[safe]
  for (std::size_t i = 0, len = 0; i < n; i += len) {
    if (!attention.look(s, n, i, len)) {
      safe = i;
      continue;
    }
    looked = true;
    std::size_t end = i + len;
    while (end < n && attention.look(s, n, end, len)) end += len;
    append_as_is(s, n, done, safe, out, origin);
    normalize_all(form, s + safe, end - safe, part, origin ? &part_origin : nullptr);
    out += part;
    if (origin) {
      for (std::size_t k = 0; k < part.size(); ++k) {
        origin->push_back(part_origin[k] + static_cast<std::uint32_t>(safe));
      }
    }
    done = safe = end;
    i = end;
    len = 0;
  }
  if (!looked) return false;
  append_as_is(s, n, done, n, out, origin);
  if (origin) origin->push_back(static_cast<std::uint32_t>(n));
  return true;
}

void normalize(NormalForm form, const std::uint8_t* s, std::size_t n, std::string& out,
               std::vector<std::uint32_t>* origin) {
  if (normalize_if_needed(form, s, n, out, origin)) return;
  append_as_is(s, n, 0, n, out, origin);
  if (origin) origin->push_back(static_cast<std::uint32_t>(n));
}

}  // namespace llmcalc::tokenizer
