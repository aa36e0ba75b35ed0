#include "tokenizer/pretokenizer.h"

#include "tokenizer/utf8.h"

namespace llmcalc::tokenizer {
namespace {

constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

struct Text {
  const std::uint8_t* s;
  std::size_t n;
  LLMCALC_ALWAYS_INLINE Char at(std::size_t i) const { return decode_char(s, n, i); }
  bool byte_is(std::size_t i, char c) const {
    return i < n && s[i] == static_cast<std::uint8_t>(c);
  }
  bool newline(std::size_t i) const { return i < n && (s[i] == '\r' || s[i] == '\n'); }
};

// o200k's case classes. Lm, Lo and marks are in both, which is what makes
// the word alternatives backtrack (see word_lower).
bool in_upper_set(CharClass c) {  // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
  return c == CharClass::kUpper || c == CharClass::kLetterOther || c == CharClass::kMark;
}
bool in_lower_set(CharClass c) {  // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
  return c == CharClass::kLower || c == CharClass::kLetterOther || c == CharClass::kMark;
}

// The contraction alternatives 's|'t|'re|'ve|'m|'ll|'d; returns their byte
// length at i, or 0. Under (?i) Rust's regex uses Unicode simple case
// folding, where 's' also matches U+017F LATIN SMALL LETTER LONG S (C5 BF);
// no other non-ASCII character folds to one of these letters.
std::size_t contraction(const Text& t, std::size_t i, bool ignore_case) {
  if (!t.byte_is(i, '\'') || i + 1 >= t.n) return 0;
  auto fold = [&](std::size_t j) -> int {
    if (j >= t.n) return 0;
    int c = t.s[j];
    return ignore_case && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  };
  int c1 = fold(i + 1);
  if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd') return 2;
  if (ignore_case && t.s[i + 1] == 0xC5 && t.byte_is(i + 2, '\xBF')) return 3;  // 'ſ
  int c2 = fold(i + 2);
  if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) return 3;
  return 0;
}

template <class Pred>
std::size_t run(const Text& t, std::size_t i, Pred pred) {
  while (i < t.n) {
    Char c = t.at(i);
    if (!pred(c.cls)) break;
    i += c.len;
  }
  return i;
}

// \s+(?!\S)|\s+ and, with `newline_alt`, \s*[\r\n]+ before them. W is the
// whitespace run at i.
//  - \s*[\r\n]+: \s* takes all of W and gives characters back until one is
//    \r or \n, so the match ends just after W's last \r or \n.
//  - \s+(?!\S): at the end of the text all of W; otherwise W minus its last
//    character (which then starts the next piece, e.g. " word"), provided
//    that leaves at least one character.
//  - \s+: all of W (only reached when W is one character).
// With `ends_text`, a position where it holds also counts as the end of the
// text (DeepSeek: split 3 sees only the text up to the next digit or CJK).
std::size_t whitespace(const Text& t, std::size_t i, bool newline_alt,
                       bool (*ends_text)(const Text&, std::size_t) = nullptr) {
  std::size_t end = i, last_start = i, after_newline = 0, count = 0;
  while (end < t.n) {
    Char c = t.at(end);
    if (!is_space(c.cls)) break;
    last_start = end;
    end += c.len;
    ++count;
    if (c.cp == '\r' || c.cp == '\n') after_newline = end;
  }
  if (newline_alt && after_newline != 0) return after_newline;
  if (end == t.n || count == 1 || (ends_text && ends_text(t, end))) return end;
  return last_start;
}

// \p{N}{1,max} at i, whose first character c0 is a number.
std::size_t numbers(const Text& t, std::size_t i, const Char& c0, int max) {
  std::size_t e = i + c0.len;
  for (int k = 1; k < max && e < t.n; ++k) {
    Char c = t.at(e);
    if (!is_number(c.cls)) break;
    e += c.len;
  }
  return e;
}

// " ?[^\s\p{L}\p{N}]+" followed by a run of [\r\n] (cl100k) or [\r\n/]
// (o200k); kNoMatch when neither c0 nor (after a space) c1 is such a character.
std::size_t punctuation(const Text& t, std::size_t i, const Char& c0, bool slash) {
  std::size_t start = kNoMatch;
  if (is_other(c0.cls)) {
    start = i;
  } else if (t.s[i] == ' ' && i + 1 < t.n && is_other(t.at(i + 1).cls)) {
    start = i + 1;
  }
  if (start == kNoMatch) return kNoMatch;
  std::size_t e = run(t, start, is_other);
  while (t.newline(e) || (slash && t.byte_is(e, '/'))) ++e;
  return e;
}

std::size_t scan_r50k(const Text& t, std::size_t i) {
  if (std::size_t k = contraction(t, i, false)) return i + k;
  Char c0 = t.at(i);
  // " ?X+" for X = \p{L}, \p{N}, [^\s\p{L}\p{N}]: an optional ASCII space,
  // then a run of one class.
  std::size_t start = i;
  CharClass cls = c0.cls;
  if (t.s[i] == ' ' && i + 1 < t.n) {
    Char c1 = t.at(i + 1);
    if (!is_space(c1.cls)) {
      start = i + 1;
      cls = c1.cls;
    }
  }
  if (is_letter(cls)) return run(t, start, is_letter);
  if (is_number(cls)) return run(t, start, is_number);
  if (is_other(cls)) return run(t, start, is_other);
  return whitespace(t, i, false);
}

// cl100k_base, and with `max_digits` 1 Qwen 2.5's \p{N} instead of \p{N}{1,3}.
std::size_t scan_cl100k(const Text& t, std::size_t i, int max_digits) {
  if (std::size_t k = contraction(t, i, true)) return i + k;
  Char c0 = t.at(i);
  // [^\r\n\p{L}\p{N}]?\p{L}+
  if (is_letter(c0.cls)) return run(t, i, is_letter);
  bool prefix_ok = !is_number(c0.cls) && !t.newline(i);
  if (prefix_ok && i + c0.len < t.n && is_letter(t.at(i + c0.len).cls)) {
    return run(t, i + c0.len, is_letter);
  }
  if (is_number(c0.cls)) return numbers(t, i, c0, max_digits);
  if (std::size_t e = punctuation(t, i, c0, false); e != kNoMatch) return e;
  return whitespace(t, i, true);
}

// [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|...)? at s0.
// The star takes the whole upper-set run; if a lower-only letter (Ll)
// follows, the plus takes the lower-set run from there. Otherwise the star
// gives characters back until the plus can take one: the match ends after
// the run's last character that is also in the lower set (Lm, Lo, M), and
// fails if there is none (an all-caps word, left to the next alternative).
std::size_t word_lower(const Text& t, std::size_t s0, bool contractions) {
  std::size_t j = s0, last_lower_end = kNoMatch;
  while (j < t.n) {
    Char c = t.at(j);
    if (!in_upper_set(c.cls)) break;
    j += c.len;
    if (in_lower_set(c.cls)) last_lower_end = j;
  }
  std::size_t e;
  if (j < t.n && t.at(j).cls == CharClass::kLower) {
    e = run(t, j, in_lower_set);
  } else if (last_lower_end != kNoMatch) {
    e = last_lower_end;
  } else {
    return kNoMatch;
  }
  return contractions ? e + contraction(t, e, true) : e;
}

// [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|...)? at s0.
std::size_t word_upper(const Text& t, std::size_t s0, bool contractions) {
  std::size_t j = run(t, s0, in_upper_set);
  if (j == s0) return kNoMatch;
  j = run(t, j, in_lower_set);
  return contractions ? j + contraction(t, j, true) : j;
}

// o200k_base, and Mistral's tekken: the same without the contraction
// suffixes and with \p{N} instead of \p{N}{1,3}.
std::size_t scan_o200k(const Text& t, std::size_t i, bool contractions, int max_digits) {
  Char c0 = t.at(i);
  // [^\r\n\p{L}\p{N}]? before either word form: tried with the prefix first,
  // then without (a mark may be the prefix or the word's first character).
  bool prefix_ok = !is_letter(c0.cls) && !is_number(c0.cls) && !t.newline(i);
  std::size_t after = i + c0.len;
  const bool k = contractions;
  if (prefix_ok) {
    if (std::size_t e = word_lower(t, after, k); e != kNoMatch) return e;
  }
  if (std::size_t e = word_lower(t, i, k); e != kNoMatch) return e;
  if (prefix_ok) {
    if (std::size_t e = word_upper(t, after, k); e != kNoMatch) return e;
  }
  if (std::size_t e = word_upper(t, i, k); e != kNoMatch) return e;
  if (is_number(c0.cls)) return numbers(t, i, c0, max_digits);
  if (std::size_t e = punctuation(t, i, c0, true); e != kNoMatch) return e;
  return whitespace(t, i, true);
}

// DeepSeek V3: three Split pre-tokenizers in sequence (behavior Isolated:
// matches and the text between them are pieces, and each split works on
// the pieces of the one before):
//   1. \p{N}{1,3}
//   2. [一-龥぀-ゟ゠-ヿ]+   (U+4E00-9FA5, U+3040-309F, U+30A0-30FF)
//   3. [!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+|
//       ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
// A piece from pos: a digit starts a split-1 match (pieces always end on
// its boundaries); else the split-1 gap runs to the next digit, a CJK
// character starts a split-2 run, else the split-2 gap runs to the next
// digit or CJK character, and split 3 sees that gap as its whole text (its
// end is the end for \s+(?!\S)).
bool deepseek_cjk(std::uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FA5) || (cp >= 0x3040 && cp <= 0x30FF);
}

bool ascii_letter(std::uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

bool letter_or_mark(CharClass c) { return is_letter(c) || c == CharClass::kMark; }

// Where split 3's text ends: at a number or CJK character (splits 1 and 2
// made those pieces of their own). Found as the scan meets it, never by
// looking ahead to it, so a long gap costs no more than its length.
bool gap_ends(const Text& t, std::size_t i) {
  if (i >= t.n) return true;
  Char c = t.at(i);
  return is_number(c.cls) || deepseek_cjk(c.cp);
}

bool word_char(const Char& c) { return letter_or_mark(c.cls) && !deepseek_cjk(c.cp); }

std::size_t word_run(const Text& t, std::size_t i) {
  while (i < t.n) {
    Char c = t.at(i);
    if (!word_char(c)) break;
    i += c.len;
  }
  return i;
}

// Split 3's match at i, which is inside a gap, or kNoMatch.
std::size_t deepseek_match(const Text& t, std::size_t i) {
  const std::uint8_t b = t.s[i];
  // [ASCII punctuation][A-Za-z]+
  if (b < 0x80 && b > ' ' && b != 0x7F && !ascii_letter(b) && !(b >= '0' && b <= '9') &&
      i + 1 < t.n && ascii_letter(t.s[i + 1])) {
    std::size_t e = i + 1;
    while (e < t.n && ascii_letter(t.s[e])) ++e;
    return e;
  }
  Char c0 = t.at(i);
  // [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+ : with the prefix first, then without.
  bool prefix_ok = !is_letter(c0.cls) && c0.cls != CharClass::kPunctSymbol && !t.newline(i);
  if (prefix_ok && i + c0.len < t.n && word_char(t.at(i + c0.len))) {
    return word_run(t, i + c0.len);
  }
  if (word_char(c0)) return word_run(t, i);
  //  ?[\p{P}\p{S}]+[\r\n]* ; the CJK ranges hold some P and S (U+309B,
  // U+309C, U+30A0, U+30FB), which belong to split 2's runs.
  auto punct = [](const Char& c) {
    return c.cls == CharClass::kPunctSymbol && !deepseek_cjk(c.cp);
  };
  std::size_t start = kNoMatch;
  if (punct(c0)) {
    start = i;
  } else if (b == ' ' && i + 1 < t.n && punct(t.at(i + 1))) {
    start = i + 1;
  }
  if (start != kNoMatch) {
    std::size_t e = start;
    while (e < t.n) {
      Char c = t.at(e);
      if (!punct(c)) break;
      e += c.len;
    }
    while (t.newline(e)) ++e;
    return e;
  }
  if (is_space(c0.cls)) return whitespace(t, i, true, gap_ends);
  return kNoMatch;
}

std::size_t scan_deepseek(const Text& t, std::size_t i) {
  Char c0 = t.at(i);
  if (is_number(c0.cls)) return numbers(t, i, c0, 3);
  if (deepseek_cjk(c0.cp)) {
    std::size_t e = i + c0.len;
    while (e < t.n) {
      Char c = t.at(e);
      if (!deepseek_cjk(c.cp)) break;
      e += c.len;
    }
    return e;
  }
  if (std::size_t e = deepseek_match(t, i); e != kNoMatch) return e;
  // No match here: the text up to the next match, or the gap's end, is a
  // piece of its own.
  std::size_t j = i + c0.len;
  while (!gap_ends(t, j) && deepseek_match(t, j) == kNoMatch) j += t.at(j).len;
  return j;
}

}  // namespace

std::size_t next_piece(Pattern pattern, const std::uint8_t* s, std::size_t n, std::size_t pos) {
  Text t{s, n};
  switch (pattern) {
    case Pattern::kR50k:
      return scan_r50k(t, pos);
    case Pattern::kCl100k:
      return scan_cl100k(t, pos, 3);
    case Pattern::kO200k:
      return scan_o200k(t, pos, true, 3);
    case Pattern::kQwen2:
      return scan_cl100k(t, pos, 1);
    case Pattern::kTekken:
      return scan_o200k(t, pos, false, 1);
    case Pattern::kDeepSeekV3:
      return scan_deepseek(t, pos);
    case Pattern::kMetaspace:
      return n;
  }
  return pos + 1;
}

}  // namespace llmcalc::tokenizer
