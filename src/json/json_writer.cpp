#include "json/json_writer.h"

namespace llmcalc {

void JsonWriter::newline() {
  out_ += '\n';
  if (layout_.tab) {
    out_.append(depth_, '\t');
  } else {
    out_.append(depth_ * static_cast<std::size_t>(layout_.indent), ' ');
  }
}

// Separators go in front of each member, so empty containers stay "{}".
void JsonWriter::before_item() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (!just_opened_) out_ += ',';
  just_opened_ = false;
  if (!layout_.minify) newline();
}

void JsonWriter::begin(char bracket) {
  before_item();
  out_ += bracket;
  ++depth_;
  just_opened_ = true;
}

void JsonWriter::end(char bracket) {
  --depth_;
  if (!just_opened_ && !layout_.minify) newline();
  just_opened_ = false;
  out_ += bracket;
}

void JsonWriter::key(std::string_view token) {
  before_item();
  out_ += token;
  out_ += layout_.minify ? ":" : ": ";
  after_key_ = true;
}

void JsonWriter::scalar(std::string_view token) {
  before_item();
  out_ += token;
}

}  // namespace llmcalc
