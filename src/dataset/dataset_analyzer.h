// Streaming checker for a chat fine-tuning file (JSONL), issue #6. Callers
// feed it the bytes in chunks of any size and call finish(); memory stays
// bounded by one line (max_line_bytes), the kept errors (max_errors) and
// 4 bytes per example when a token counter is set - a 100 MB file with a
// million examples needs a few MB. Between chunks a caller can show
// bytes_fed() as progress, or cancel().
//
// File-level errors, checked before any line:
//   empty_file   no bytes, or only blank lines
//   binary_file  a NUL byte, or more than a quarter invalid UTF-8, in the
//                first 8 KiB (UTF-16 files end up here, with a hint)
//   not_jsonl    the first non-blank line is an array, or starts an object
//                or array it does not finish while the next non-blank line
//                is not valid JSON either: one (pretty-printed) document,
//                not one example per line. A first line that is merely cut
//                short, followed by good lines, is a json_syntax error.
// Line errors: json_syntax, invalid_utf8, nested_too_deep, line_too_long,
// and the format checks of dataset/format_checks.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/chat_example.h"
#include "dataset/token_stats.h"
#include "json/json_reader.h"

namespace llmcalc {

struct DatasetOptions {
  // OpenAI caps examples at tens of thousands of tokens; 16 MiB of JSON is
  // far beyond any trainable example (even with a few inline images) and
  // keeps one line's buffer and parse bounded. Longer lines are skipped
  // and reported as line_too_long without being stored.
  std::size_t max_line_bytes = 16u << 20;
  std::size_t max_depth = kDefaultMaxJsonDepth;
  std::size_t max_errors = 1000;       // kept; all are counted per type
  std::size_t max_warning_lines = 20;  // line numbers kept per warning
  std::size_t token_limit = kDefaultExampleTokenLimit;
  std::optional<int> epochs;                // default: OpenAI's rule
  std::optional<double> price_per_million;  // training price, USD
  std::size_t histogram_bins = 10;
};

struct DatasetIssue {
  std::size_t line = 1;
  std::size_t column = 1;  // UTF-16 code units, 1-based
  std::string type;
  std::string message;
};

struct DatasetWarning {
  std::string type;  // missing_system_message, missing_user_message, uncounted_example
  std::size_t count = 0;
  std::vector<std::size_t> lines;  // the first few
};

struct DatasetResult {
  std::uint64_t bytes = 0;
  std::size_t lines = 0;
  std::size_t blank_lines = 0;
  std::size_t examples = 0;        // non-blank lines
  std::size_t valid_examples = 0;  // passed every check
  bool bom = false;
  bool crlf = false;
  bool cancelled = false;
  std::vector<DatasetIssue> errors;
  std::size_t error_count = 0;
  std::map<std::string, std::size_t> error_counts;
  std::vector<DatasetWarning> warnings;
  std::optional<int> epochs;
  bool epochs_given = false;
  std::size_t token_limit = kDefaultExampleTokenLimit;
  std::optional<TokenStats> tokens;            // only with a token counter
  std::optional<std::uint64_t> billed_tokens;  // epochs x sum(min(limit, tokens))
  std::optional<double> price_per_million;
  std::optional<double> training_cost_usd;  // billed tokens x price
};

class DatasetAnalyzer {
 public:
  explicit DatasetAnalyzer(DatasetOptions options = {});

  // The seam for the tokenizer: counts one valid example.
  void set_token_counter(TokenCounter counter) { counter_ = std::move(counter); }

  void feed(std::string_view bytes);
  DatasetResult finish();
  // Stops the analysis; finish() then returns what was seen, marked
  // cancelled, and feed() ignores further bytes.
  void cancel() { cancelled_ = true; }

  std::uint64_t bytes_fed() const { return result_.bytes; }
  std::size_t lines_read() const { return result_.lines; }

 private:
  void sniff(bool at_end);
  void consume(std::string_view bytes);
  void end_line();
  void check_line(std::string_view line);
  std::optional<DatasetIssue> syntax_issue(std::string_view line, bool& incomplete) const;
  void report(const DatasetIssue& issue);
  void add_error(std::size_t line, std::size_t column, const std::string& type,
                 const std::string& message);
  void warn(std::size_t index, std::size_t line);

  DatasetOptions options_;
  TokenCounter counter_;
  DatasetResult result_;
  std::string sniff_;  // the first bytes, held until binary_file is decided
  bool sniffed_ = false;
  bool stopped_ = false;  // a file-level error ended the line checks
  bool cancelled_ = false;
  bool finished_ = false;
  std::optional<DatasetIssue> held_;  // line 1's error, until line 2 shows if it is not_jsonl
  std::string line_;
  std::uint64_t line_bytes_ = 0;  // the current line's length, also when not stored
  bool line_overflow_ = false;
  std::vector<std::uint32_t> token_counts_;
};

}  // namespace llmcalc
