#include "dataset/dataset_analyzer.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "dataset/format_checks.h"
#include "json/utf8.h"
#include "util/format.h"

namespace llmcalc {
namespace {

constexpr std::size_t kSniffBytes = 8192;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string mib(std::uint64_t bytes) {
  return format_number(static_cast<double>(bytes) / (1024.0 * 1024.0), 1) + " MiB";
}

// nlohmann's message quotes the whole token it was reading ("last read:
// '...'"), which can be megabytes of one string, kept once per error. The
// end of it is where the problem is; keep that.
std::string shorten_last_read(const std::string& why) {
  constexpr std::size_t kKeep = 80;
  const std::string marker = "; last read: '";
  std::size_t at = why.find(marker);
  std::size_t end = why.rfind('\'');
  if (at == std::string::npos || end == std::string::npos) return why;
  std::size_t start = at + marker.size();
  if (end <= start || end - start <= kKeep) return why;
  std::size_t cut = end - kKeep;
  while (cut < end && (static_cast<unsigned char>(why[cut]) & 0xC0) == 0x80) ++cut;
  return why.substr(0, start) + "\u2026" + why.substr(cut);
}

}  // namespace

DatasetAnalyzer::DatasetAnalyzer(DatasetOptions options) : options_(std::move(options)) {
  result_.warnings = {{"missing_system_message", 0, {}},
                      {"missing_user_message", 0, {}},
                      {"uncounted_example", 0, {}}};
}

void DatasetAnalyzer::add_error(std::size_t line, std::size_t column, const std::string& type,
                                const std::string& message) {
  ++result_.error_count;
  ++result_.error_counts[type];
  if (result_.errors.size() < options_.max_errors) {
    result_.errors.push_back({line, column, type, message});
  }
}

void DatasetAnalyzer::warn(std::size_t index, std::size_t line) {
  auto& w = result_.warnings[index];
  ++w.count;
  if (w.lines.size() < options_.max_warning_lines) w.lines.push_back(line);
}

void DatasetAnalyzer::feed(std::string_view bytes) {
  if (finished_) throw std::logic_error("feed() after finish()");
  if (cancelled_) return;
  result_.bytes += bytes.size();
  if (!sniffed_) {
    sniff_.append(bytes);
    if (sniff_.size() >= kSniffBytes) sniff(false);
    return;
  }
  consume(bytes);
}

// Decides binary_file from the first bytes, then lets them through.
void DatasetAnalyzer::sniff(bool at_end) {
  sniffed_ = true;
  std::string held;
  held.swap(sniff_);
  std::string_view window = std::string_view(held).substr(0, kSniffBytes);
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < window.size();) {
    std::size_t len = utf8_sequence_length(window, i);
    // A sequence cut by the window's end is not held against the file.
    if (len == 0 && !(window.size() - i < 4 && !at_end)) ++invalid;
    i += len == 0 ? 1 : len;
  }
  bool nul = window.find('\0') != std::string_view::npos;
  if (nul || (invalid >= 4 && invalid * 4 > window.size())) {
    bool utf16 = window.substr(0, 2) == "\xFF\xFE" || window.substr(0, 2) == "\xFE\xFF";
    add_error(1, 1, "binary_file",
              utf16 ? "The file is UTF-16 text; save it as UTF-8 (one JSON example per line)."
                    : std::string("The file is binary, not UTF-8 text: ") +
                          (nul ? "it contains NUL bytes." : "most of its bytes are not UTF-8."));
    stopped_ = true;
    return;
  }
  consume(held);
}

void DatasetAnalyzer::consume(std::string_view bytes) {
  while (!bytes.empty() && !stopped_) {
    const void* nl = std::memchr(bytes.data(), '\n', bytes.size());
    std::size_t len =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data()) : bytes.size();
    line_bytes_ += len;
    if (!line_overflow_ && line_.size() + len > options_.max_line_bytes) {
      line_overflow_ = true;
      std::string().swap(line_);  // give the memory back now
    }
    if (!line_overflow_) line_.append(bytes.data(), len);
    if (!nl) return;
    end_line();
    bytes.remove_prefix(len + 1);
  }
}

void DatasetAnalyzer::end_line() {
  std::size_t line_no = ++result_.lines;
  if (line_overflow_) {
    ++result_.examples;
    add_error(line_no, 1, "line_too_long",
              "The line is " + mib(line_bytes_) + " long; lines over " +
                  mib(options_.max_line_bytes) + " are not checked (no example is that large).");
  } else {
    check_line(line_);
  }
  line_.clear();
  line_bytes_ = 0;
  line_overflow_ = false;
}

// The line's first problem as JSON, if any. `incomplete`: the line starts
// an object or array that does not end on it (one document over many lines,
// or a truncated line).
std::optional<DatasetIssue> DatasetAnalyzer::syntax_issue(std::string_view line,
                                                          bool& incomplete) const {
  const std::size_t line_no = result_.lines;
  incomplete = false;
  std::size_t bad = find_invalid_utf8(line);
  if (bad != std::string_view::npos) {
    return DatasetIssue{
        line_no, position_at(line, bad).column, "invalid_utf8",
        "Invalid UTF-8 (" + describe_char_at(line, bad) + "); the file must be UTF-8."};
  }
  JsonReader reader(line, options_.max_depth);
  JsonEvent ev;
  while ((ev = reader.next()) != JsonEvent::kEnd && ev != JsonEvent::kError) {
  }
  if (ev == JsonEvent::kEnd) return std::nullopt;
  char first = line[line.find_first_not_of(" \t")];
  incomplete = reader.error_offset() == line.size() && (first == '{' || first == '[');
  std::size_t column = position_at(line, reader.error_offset()).column;
  if (reader.error().rfind("nested too deeply", 0) == 0) {
    return DatasetIssue{line_no, column, "nested_too_deep", "The JSON is " + reader.error() + "."};
  }
  return DatasetIssue{line_no, column, "json_syntax", "Invalid JSON: " + reader.error() + "."};
}

void DatasetAnalyzer::report(const DatasetIssue& issue) {
  add_error(issue.line, issue.column, issue.type, issue.message);
}

void DatasetAnalyzer::check_line(std::string_view line) {
  if (result_.lines == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") {
    line.remove_prefix(3);
    result_.bom = true;
  }
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
    result_.crlf = true;
  }
  if (is_blank(line)) {
    ++result_.blank_lines;
    return;
  }
  ++result_.examples;
  const bool first = result_.examples == 1;
  bool incomplete = false;
  std::optional<DatasetIssue> issue = syntax_issue(line, incomplete);
  if (held_) {
    // The second line decides what an unfinished first line meant: in one
    // pretty-printed document it is not valid JSON on its own either.
    DatasetIssue held = std::move(*held_);
    held_.reset();
    if (issue) {
      add_error(held.line, 1, "not_jsonl",
                "The file looks like one JSON document spread over many lines, not JSONL. Put "
                "each example on one line of its own, e.g. jq -c '.[]' (for an array) or jq -c . "
                "(for objects).");
      stopped_ = true;
      return;
    }
    report(held);
  }
  if (issue) {
    if (first && incomplete) {
      held_ = std::move(issue);
    } else {
      report(*issue);
    }
    return;
  }
  // Parsing is safe now: the reader bounded the depth. nlohmann is stricter
  // than the grammar in two ways the reader allows (JSON.parse does too):
  // an unpaired \u surrogate escape, and a number too large for a double.
  // Neither can be tokenized or trained on, so both are json_syntax here.
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::exception& e) {
    std::string why = e.what();
    auto dash = why.find(" - ");
    why = dash == std::string::npos ? why.substr(why.find(']') + 2) : why.substr(dash + 3);
    add_error(result_.lines, 1, "json_syntax", "Invalid JSON: " + shorten_last_read(why) + ".");
    return;
  }
  if (first && value.is_array()) {
    add_error(result_.lines, 1, "not_jsonl",
              "The file is a JSON array, not JSONL. Put each example on one line of its own, e.g. "
              "jq -c '.[]' file.json > file.jsonl.");
    stopped_ = true;
    return;
  }
  ExampleCheck check = check_chat_example(value);
  for (const auto& e : check.errors) add_error(result_.lines, 1, e.type, e.message);
  if (!check.errors.empty()) return;
  ++result_.valid_examples;
  if (check.missing_system) warn(0, result_.lines);
  if (check.missing_user) warn(1, result_.lines);
  if (counter_) {
    check.example.line = result_.lines;
    std::size_t tokens = 0;
    try {
      tokens = counter_(check.example);
    } catch (const std::exception&) {
      // Left out of the statistics rather than guessed; the warning says
      // where, so billed tokens are known to be short by those examples.
      warn(2, result_.lines);
      return;
    }
    token_counts_.push_back(static_cast<std::uint32_t>(
        std::min<std::size_t>(tokens, std::numeric_limits<std::uint32_t>::max())));
  }
}

DatasetResult DatasetAnalyzer::finish() {
  if (finished_) throw std::logic_error("finish() called twice");
  if (!cancelled_) {
    if (!sniffed_) sniff(true);
    if (!stopped_ && (!line_.empty() || line_overflow_)) end_line();
    if (held_) report(*held_);  // a one-line file: just a broken line
    if (result_.error_count == 0 && result_.examples == 0) {
      add_error(1, 1, "empty_file",
                result_.bytes == 0 ? "The file is empty."
                                   : "The file has only blank lines: no examples.");
    }
  }
  finished_ = true;
  result_.cancelled = cancelled_;
  result_.token_limit = options_.token_limit;
  result_.epochs_given = options_.epochs.has_value();
  result_.epochs = options_.epochs ? options_.epochs : default_epochs(result_.valid_examples);
  result_.price_per_million = options_.price_per_million;
  if (counter_) {
    result_.tokens = compute_token_stats(std::move(token_counts_), options_.token_limit,
                                         options_.histogram_bins);
    if (result_.epochs) {
      result_.billed_tokens =
          static_cast<std::uint64_t>(*result_.epochs) * result_.tokens->total_truncated;
      if (options_.price_per_million) {
        result_.training_cost_usd =
            static_cast<double>(*result_.billed_tokens) * *options_.price_per_million / 1e6;
      }
    }
  }
  return std::move(result_);
}

}  // namespace llmcalc
