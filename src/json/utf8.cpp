#include "json/utf8.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace llmcalc {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  std::size_t left = text.size() - pos;
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  // Table 3-7 of the Unicode standard: the second byte's range depends on
  // the first, which is what rules out overlongs and surrogates.
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (left < n || p[1] < lo || p[1] > hi) return 0;
  for (std::size_t i = 2; i < n; ++i) {
    if (!is_continuation(p[i])) return 0;
  }
  return n;
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // ASCII runs are the common case: skip 8 bytes at a time.
    while (i + 8 <= n) {
      unsigned long long word;
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) len = 1;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

TextPosition position_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition pos;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  pos.column = utf16_length(text.substr(line_start, offset - line_start)) + 1;
  return pos;
}

std::string describe_char_at(std::string_view text, std::size_t pos) {
  char buf[32];
  auto c = static_cast<unsigned char>(text[pos]);
  std::size_t len = utf8_sequence_length(text, pos);
  if (len == 0) {
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
    return buf;
  }
  if (len == 1 && c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  unsigned cp = c;
  if (len > 1) {
    cp = c & (0xFF >> (len + 1));
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (text[pos + i] & 0x3F);
  }
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  std::string out = buf;
  if (cp >= 0x80) out += " '" + std::string(text.substr(pos, len)) + "'";
  return out;
}

}  // namespace llmcalc
