// A validating pull reader for one JSON text (RFC 8259). It hands out
// events with the verbatim bytes of each key and scalar, so a formatter can
// re-emit numbers exactly as written (1.10 stays 1.10, 12345678901234567890
// stays an integer) without building a DOM. It keeps an explicit stack of
// open containers instead of recursing, so no input can overflow the C++
// stack (wasm's included); nesting beyond `max_depth` is an error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace llmcalc {

// Nesting deeper than this is refused everywhere (formatter, dataset
// checker). Real documents stay far below it; the bound keeps pretty
// output (which grows with depth squared) and any recursive consumer safe.
constexpr std::size_t kDefaultMaxJsonDepth = 1000;

enum class JsonEvent {
  kBeginObject,
  kEndObject,
  kBeginArray,
  kEndArray,
  kKey,     // token() is the key with its quotes, escapes untouched
  kScalar,  // token() is a string (with quotes), number, true, false or null
  kEnd,     // the value is complete and only whitespace followed
  kError,   // error() and error_offset() say what and where
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text, std::size_t max_depth = kDefaultMaxJsonDepth);

  JsonEvent next();
  std::string_view token() const { return token_; }
  std::size_t depth() const { return stack_.size(); }
  const std::string& error() const { return error_; }
  std::size_t error_offset() const { return error_offset_; }

 private:
  enum class State { kValue, kFirstValueOrEnd, kFirstKeyOrEnd, kKey, kColon, kCommaOrEnd, kDone };

  JsonEvent value();
  JsonEvent string(JsonEvent kind);
  JsonEvent number();
  JsonEvent word();
  JsonEvent open(char kind);
  JsonEvent close();
  JsonEvent fail(std::size_t offset, std::string message);
  JsonEvent unexpected();
  void after_value() { state_ = stack_.empty() ? State::kDone : State::kCommaOrEnd; }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t max_depth_;
  State state_ = State::kValue;
  std::vector<char> stack_;  // '{' or '[' per open container
  std::string_view token_;
  std::string error_;
  std::size_t error_offset_ = 0;
  bool failed_ = false;
};

// Decodes a JSON string token (with quotes) already checked by JsonReader
// into UTF-8. Lone surrogate escapes become the 3-byte form (WTF-8), which
// keeps them comparable for key sorting.
std::string decode_json_string(std::string_view token);

}  // namespace llmcalc
