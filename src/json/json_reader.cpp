#include "json/json_reader.h"

#include <cstring>

#include "json/utf8.h"
#include "util/utf8_append.h"

namespace llmcalc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

}  // namespace

JsonReader::JsonReader(std::string_view text, std::size_t max_depth)
    : text_(text), max_depth_(max_depth) {}

JsonEvent JsonReader::fail(std::size_t offset, std::string message) {
  failed_ = true;
  error_offset_ = offset;
  error_ = std::move(message);
  return JsonEvent::kError;
}

JsonEvent JsonReader::next() {
  if (failed_) return JsonEvent::kError;
  const std::size_t n = text_.size();
  for (;;) {
    while (pos_ < n && is_space(text_[pos_])) ++pos_;
    if (pos_ >= n) {
      if (state_ == State::kDone) return JsonEvent::kEnd;
      if (stack_.empty() && state_ == State::kValue) {
        return fail(pos_,
                    text_.empty() ? "the input is empty" : "the input contains only whitespace");
      }
      std::string what = stack_.back() == '{' ? "object" : "array";
      return fail(pos_, "unexpected end of input: unclosed " + what);
    }
    char c = text_[pos_];
    switch (state_) {
      case State::kValue:
        return value();
      case State::kFirstValueOrEnd:
        if (c == ']') return close();
        return value();
      case State::kFirstKeyOrEnd:
        if (c == '}') return close();
        if (c == '"') return string(JsonEvent::kKey);
        if (c == '\'') return unexpected();
        return fail(pos_, "expected a string key or '}', found " + describe_char_at(text_, pos_));
      case State::kKey:
        if (c == '"') return string(JsonEvent::kKey);
        if (c == '\'') return unexpected();
        if (c == '}') return fail(pos_, "trailing comma before '}'");
        return fail(pos_, "expected a string key, found " + describe_char_at(text_, pos_));
      case State::kColon:
        if (c != ':') return fail(pos_, "expected ':' after the key");
        ++pos_;
        state_ = State::kValue;
        continue;
      case State::kCommaOrEnd: {
        char open_kind = stack_.back();
        if (c == ',') {
          ++pos_;
          state_ = open_kind == '{' ? State::kKey : State::kValue;
          // "[1,]" gets a clearer message than "unexpected ']'".
          std::size_t p = pos_;
          while (p < n && is_space(text_[p])) ++p;
          if (open_kind == '[' && p < n && text_[p] == ']') {
            return fail(p, "trailing comma before ']'");
          }
          continue;
        }
        if ((c == '}' && open_kind == '{') || (c == ']' && open_kind == '[')) return close();
        return fail(pos_, std::string("expected ',' or '") + (open_kind == '{' ? '}' : ']') +
                              "', found " + describe_char_at(text_, pos_));
      }
      case State::kDone:
        return fail(pos_,
                    "unexpected data after the JSON value (" + describe_char_at(text_, pos_) + ")");
    }
  }
}

JsonEvent JsonReader::value() {
  char c = text_[pos_];
  if (c == '{' || c == '[') return open(c);
  if (c == '"') return string(JsonEvent::kScalar);
  if (c == '-' || is_digit(c)) return number();
  if (is_word_char(c)) return word();
  return unexpected();
}

JsonEvent JsonReader::unexpected() {
  char c = text_[pos_];
  if (c == '\'') return fail(pos_, "strings must use double quotes, not '");
  if (c == '}' || c == ']')
    return fail(pos_, std::string("unexpected '") + c + "': a value is missing");
  if (static_cast<unsigned char>(c) >= 0x80 && utf8_sequence_length(text_, pos_) == 0) {
    return fail(pos_, "invalid UTF-8 (" + describe_char_at(text_, pos_) + ")");
  }
  return fail(pos_, "unexpected character " + describe_char_at(text_, pos_));
}

JsonEvent JsonReader::open(char kind) {
  if (stack_.size() >= max_depth_) {
    return fail(pos_, "nested too deeply (limit " + std::to_string(max_depth_) + ")");
  }
  stack_.push_back(kind);
  ++pos_;
  state_ = kind == '{' ? State::kFirstKeyOrEnd : State::kFirstValueOrEnd;
  return kind == '{' ? JsonEvent::kBeginObject : JsonEvent::kBeginArray;
}

JsonEvent JsonReader::close() {
  char kind = stack_.back();
  stack_.pop_back();
  ++pos_;
  after_value();
  return kind == '{' ? JsonEvent::kEndObject : JsonEvent::kEndArray;
}

JsonEvent JsonReader::string(JsonEvent kind) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  std::size_t p = pos_ + 1;
  for (;;) {
    // Plain printable ASCII is the bulk of any string; test it first.
    while (p < n) {
      auto b = static_cast<unsigned char>(text_[p]);
      if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80) break;
      ++p;
    }
    if (p >= n) return fail(start, "unterminated string (it starts here)");
    auto b = static_cast<unsigned char>(text_[p]);
    if (b == '"') break;
    if (b == '\\') {
      if (p + 1 >= n) return fail(start, "unterminated string (it starts here)");
      char e = text_[p + 1];
      if (e == 'u') {
        for (std::size_t i = 2; i < 6; ++i) {
          if (p + i >= n || !is_hex(text_[p + i])) {
            return fail(p, "invalid \\u escape: four hex digits must follow");
          }
        }
        p += 6;
      } else if (std::strchr("\"\\/bfnrt", e) != nullptr && e != '\0') {
        p += 2;
      } else {
        return fail(p, "invalid escape '\\" + std::string(1, e) + "' in string");
      }
      continue;
    }
    if (b < 0x20) {
      if (b == '\n' || b == '\r') return fail(start, "unterminated string (it starts here)");
      return fail(p, "control character " + describe_char_at(text_, p) +
                         " in string: write it as an escape");
    }
    std::size_t len = utf8_sequence_length(text_, p);
    if (len == 0) return fail(p, "invalid UTF-8 (" + describe_char_at(text_, p) + ")");
    p += len;
  }
  token_ = text_.substr(start, p + 1 - start);
  pos_ = p + 1;
  if (kind == JsonEvent::kKey) {
    state_ = State::kColon;
  } else {
    after_value();
  }
  return kind;
}

JsonEvent JsonReader::number() {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  std::size_t p = pos_;
  if (text_[p] == '-') ++p;
  if (p >= n || !is_digit(text_[p])) return fail(start, "invalid number: a digit must follow '-'");
  if (text_[p] == '0') {
    ++p;
    if (p < n && is_digit(text_[p]))
      return fail(start, "invalid number: leading zeros are not allowed");
  } else {
    while (p < n && is_digit(text_[p])) ++p;
  }
  if (p < n && text_[p] == '.') {
    ++p;
    if (p >= n || !is_digit(text_[p]))
      return fail(start, "invalid number: a digit must follow '.'");
    while (p < n && is_digit(text_[p])) ++p;
  }
  if (p < n && (text_[p] == 'e' || text_[p] == 'E')) {
    ++p;
    if (p < n && (text_[p] == '+' || text_[p] == '-')) ++p;
    if (p >= n || !is_digit(text_[p]))
      return fail(start, "invalid number: the exponent has no digits");
    while (p < n && is_digit(text_[p])) ++p;
  }
  if (p < n && is_word_char(text_[p])) return fail(start, "invalid number");
  token_ = text_.substr(start, p - start);
  pos_ = p;
  after_value();
  return JsonEvent::kScalar;
}

JsonEvent JsonReader::word() {
  const std::size_t start = pos_;
  std::size_t p = pos_;
  while (p < text_.size() && is_word_char(text_[p]) && p - start < 32) ++p;
  std::string_view w = text_.substr(start, p - start);
  if (w != "true" && w != "false" && w != "null") {
    return fail(start, "unexpected word '" + std::string(w) +
                           "': JSON has only true, false, null, numbers and \"strings\"");
  }
  token_ = w;
  pos_ = p;
  after_value();
  return JsonEvent::kScalar;
}

namespace {

unsigned hex4(std::string_view s) {
  unsigned v = 0;
  for (char c : s) {
    v = v * 16 + static_cast<unsigned>(is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

}  // namespace

std::string decode_json_string(std::string_view token) {
  std::string out;
  std::string_view s = token.substr(1, token.size() - 2);
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = hex4(s.substr(i + 1, 4));
        i += 4;
        bool high = cp >= 0xD800 && cp <= 0xDBFF;
        if (high && i + 6 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u') {
          unsigned low = hex4(s.substr(i + 3, 4));
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, cp);
        break;
      }
      default:
        out += e;  // \" \\ \/
    }
  }
  return out;
}

}  // namespace llmcalc
