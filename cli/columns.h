// Padding for the CLI's aligned text columns (byte widths: the padded text
// is ASCII – labels, counts, money).
#pragma once

#include <cstddef>
#include <string>

namespace llmcalc::cli {

inline std::string pad_right(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

inline std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

}  // namespace llmcalc::cli
