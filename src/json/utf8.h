// UTF-8 checks shared by the JSON formatter and the dataset checker.
// Positions shown to people are 1-based; columns count UTF-16 code units,
// because the page is JavaScript (String indices, setSelectionRange) and
// editors such as VS Code count the same way. A code point above U+FFFF is
// therefore two columns; an invalid byte counts as one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace llmcalc {

// Length (1-4) of the well-formed UTF-8 sequence starting at text[pos], or
// 0 when the bytes there are not well-formed (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF, no truncated sequence).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// How many UTF-16 code units `text` occupies once decoded.
std::size_t utf16_length(std::string_view text);

struct TextPosition {
  std::size_t line = 1;    // 1-based; lines end at '\n' (a CR before it is part of the line end)
  std::size_t column = 1;  // 1-based, UTF-16 code units from the start of the line
};

// The position of byte `offset` in `text`.
TextPosition position_at(std::string_view text, std::size_t offset);

// "U+00E9 'é'"-style description of the character at text[pos] for error
// messages, or "byte 0xFF" when it is not well-formed UTF-8.
std::string describe_char_at(std::string_view text, std::size_t pos);

}  // namespace llmcalc
