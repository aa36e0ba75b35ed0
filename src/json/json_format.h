// The JSON / JSONL formatter (issue #7): pretty-print, minify, sort keys,
// validate with line and column. It works on the token stream of
// JsonReader, not on a DOM, so numbers keep their exact text, memory stays
// near the size of the output, and depth cannot overflow the stack.
//
// Input rules: a UTF-8 BOM is accepted and stripped (`bom` says so, and
// columns on line 1 do not count it); CRLF line ends are accepted; invalid
// UTF-8 is an error at its first bad byte. Positions are 1-based lines and
// UTF-16 columns (see json/utf8.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_reader.h"
#include "json/json_writer.h"

namespace llmcalc {

struct JsonFormatOptions {
  JsonLayout layout;
  bool sort_keys = false;
  // One JSON value per line. Each line is checked and formatted on its own;
  // blank lines are allowed (and dropped from the output); a bad line is
  // copied to the output unchanged, so nothing is lost. With a pretty
  // layout each record spans several lines: for reading, no longer JSONL.
  bool jsonl = false;
  std::size_t max_depth = kDefaultMaxJsonDepth;
  std::size_t max_errors = 1000;  // errors kept in `errors`; all are counted
};

struct JsonIssue {
  std::size_t line = 1;
  std::size_t column = 1;  // UTF-16 code units, 1-based
  std::size_t offset = 0;  // byte offset in the input (after the BOM)
  std::string message;
};

struct JsonFormatResult {
  std::string output;  // empty when a (non-JSONL) document is invalid
  std::vector<JsonIssue> errors;
  std::size_t error_count = 0;  // including errors beyond max_errors
  bool bom = false;
  bool crlf = false;
  // JSONL mode: non-blank lines, those that are valid JSON, blank lines.
  std::size_t records = 0;
  std::size_t valid_records = 0;
  std::size_t blank_lines = 0;
};

JsonFormatResult format_json(std::string_view text, const JsonFormatOptions& options);

// Validates and re-emits one JSON text into `out`. On failure `out` holds
// partial output and the issue's line is 1-based within `text`.
bool format_json_value(std::string_view text, const JsonFormatOptions& options, std::string& out,
                       JsonIssue& issue);

// Strips a leading UTF-8 byte order mark; returns whether there was one.
bool strip_bom(std::string_view& text);

}  // namespace llmcalc
