#include "json/json_format.h"

#include <cstring>

#include "json/json_sorted.h"
#include "json/utf8.h"

namespace llmcalc {
namespace {

bool stream(JsonReader& reader, JsonWriter& writer) {
  for (;;) {
    switch (reader.next()) {
      case JsonEvent::kBeginObject:
        writer.begin('{');
        break;
      case JsonEvent::kEndObject:
        writer.end('}');
        break;
      case JsonEvent::kBeginArray:
        writer.begin('[');
        break;
      case JsonEvent::kEndArray:
        writer.end(']');
        break;
      case JsonEvent::kKey:
        writer.key(reader.token());
        break;
      case JsonEvent::kScalar:
        writer.scalar(reader.token());
        break;
      case JsonEvent::kEnd:
        return true;
      case JsonEvent::kError:
        return false;
    }
  }
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

void add_error(JsonFormatResult& result, JsonIssue issue, const JsonFormatOptions& options) {
  ++result.error_count;
  if (result.errors.size() < options.max_errors) result.errors.push_back(std::move(issue));
}

void format_lines(std::string_view text, const JsonFormatOptions& options,
                  JsonFormatResult& result) {
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    ++line_no;
    const char* nl =
        static_cast<const char*>(std::memchr(text.data() + start, '\n', text.size() - start));
    std::size_t end = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
    std::string_view line = text.substr(start, end - start);
    std::size_t line_offset = start;
    start = end + 1;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      result.crlf = true;
    }
    if (is_blank(line)) {
      ++result.blank_lines;
      continue;
    }
    ++result.records;
    if (result.records > 1) result.output += '\n';
    std::size_t mark = result.output.size();
    JsonIssue issue;
    if (format_json_value(line, options, result.output, issue)) {
      ++result.valid_records;
      continue;
    }
    result.output.resize(mark);
    result.output += line;  // passed through unchanged
    issue.line = line_no;
    issue.offset += line_offset;
    add_error(result, std::move(issue), options);
  }
}

}  // namespace

bool strip_bom(std::string_view& text) {
  if (text.substr(0, 3) != "\xEF\xBB\xBF") return false;
  text.remove_prefix(3);
  return true;
}

bool format_json_value(std::string_view text, const JsonFormatOptions& options, std::string& out,
                       JsonIssue& issue) {
  JsonReader reader(text, options.max_depth);
  JsonWriter writer(out, options.layout);
  bool ok = options.sort_keys ? write_sorted(text, reader, writer) : stream(reader, writer);
  if (ok) return true;
  TextPosition pos = position_at(text, reader.error_offset());
  issue.line = pos.line;
  issue.column = pos.column;
  issue.offset = reader.error_offset();
  issue.message = reader.error();
  return false;
}

JsonFormatResult format_json(std::string_view text, const JsonFormatOptions& options) {
  JsonFormatResult result;
  result.bom = strip_bom(text);
  if (options.jsonl) {
    format_lines(text, options, result);
    return result;
  }
  result.crlf = text.find("\r\n") != std::string_view::npos;
  // Pretty output is rarely more than twice the input; one reservation
  // saves the copies of repeated growth on large files.
  result.output.reserve(options.layout.minify ? text.size() : text.size() + text.size() / 2);
  JsonIssue issue;
  if (!format_json_value(text, options, result.output, issue)) {
    result.output.clear();
    result.output.shrink_to_fit();
    add_error(result, std::move(issue), options);
  }
  return result;
}

}  // namespace llmcalc
