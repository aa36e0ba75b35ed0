// Re-emits JsonReader events with new whitespace: pretty (an indent of
// 0-8 spaces or a tab per level) or minified. Keys and scalars are copied
// byte for byte, so numbers and escapes stay exactly as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace llmcalc {

struct JsonLayout {
  bool minify = false;
  // Python's json.dumps convention: indent 0 still breaks lines, it only
  // drops the indentation; minify is what removes all whitespace.
  int indent = 2;
  bool tab = false;  // one tab per level instead of `indent` spaces
};

class JsonWriter {
 public:
  JsonWriter(std::string& out, const JsonLayout& layout) : out_(out), layout_(layout) {}

  void begin(char bracket);  // '{' or '['
  void end(char bracket);    // '}' or ']'
  void key(std::string_view token);
  void scalar(std::string_view token);

 private:
  void before_item();
  void newline();

  std::string& out_;
  JsonLayout layout_;
  std::size_t depth_ = 0;
  bool just_opened_ = false;  // no member written yet in the innermost container
  bool after_key_ = false;
};

}  // namespace llmcalc
