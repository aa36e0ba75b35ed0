#include "dataset/dataset_json.h"

#include <limits>
#include <string>

#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc {
namespace {

template <typename T>
nlohmann::json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::optional<std::size_t> whole(const nlohmann::json& in, const char* key, const char* label,
                                 double min, double max) {
  auto v = optional_number(in, key, label, NumberRange{min, max});
  if (!v) return std::nullopt;
  if (*v != static_cast<double>(static_cast<std::size_t>(*v))) {
    throw InputError(key, std::string(label) + " must be a whole number.");
  }
  return static_cast<std::size_t>(*v);
}

nlohmann::json stats_json(const TokenStats& s) {
  nlohmann::json bins = nlohmann::json::array();
  for (const auto& b : s.histogram)
    bins.push_back({{"from", b.from}, {"to", b.to}, {"count", b.count}});
  bool any = s.examples > 0;
  auto num = [any](double v) { return any ? nlohmann::json(v) : nlohmann::json(nullptr); };
  return {{"examples", s.examples},
          {"min", num(s.min)},
          {"max", num(s.max)},
          {"mean", num(s.mean)},
          {"median", num(s.median)},
          {"p10", num(s.p10)},
          {"p90", num(s.p90)},
          {"total", s.total},
          {"trained_per_epoch", s.total_truncated},
          {"over_limit", s.over_limit},
          {"histogram", bins}};
}

}  // namespace

DatasetOptions dataset_options(const nlohmann::json& in) {
  if (!in.is_object()) throw InputError("", "The dataset options must be a JSON object.");
  DatasetOptions o;
  if (auto v = whole(in, "max_line_bytes", "The line limit", 1, 1024.0 * 1024 * 1024)) {
    o.max_line_bytes = *v;
  }
  if (auto v = whole(in, "max_depth", "The depth limit", 1, 100000)) o.max_depth = *v;
  if (auto v = whole(in, "max_errors", "The error limit", 0, 1e9)) o.max_errors = *v;
  if (auto v = whole(in, "token_limit", "The token limit", 1, 1e9)) o.token_limit = *v;
  if (auto v = whole(in, "epochs", "The number of epochs", 1, 100)) o.epochs = static_cast<int>(*v);
  if (auto v = whole(in, "histogram_bins", "The number of bins", 1, 1000)) o.histogram_bins = *v;
  o.price_per_million =
      optional_number(in, "training_price_per_million", "The training price", NumberRange{0, 1e6});
  return o;
}

nlohmann::json to_json(const DatasetResult& r) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : r.errors) {
    errors.push_back(
        {{"line", e.line}, {"column", e.column}, {"type", e.type}, {"message", e.message}});
  }
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : r.warnings) {
    warnings.push_back({{"type", w.type}, {"count", w.count}, {"lines", w.lines}});
  }
  return {{"ok", r.error_count == 0 && !r.cancelled},
          {"examples", r.examples},
          {"valid_examples", r.valid_examples},
          {"lines", r.lines},
          {"blank_lines", r.blank_lines},
          {"bytes", r.bytes},
          {"bom", r.bom},
          {"crlf", r.crlf},
          {"cancelled", r.cancelled},
          {"errors", errors},
          {"error_count", r.error_count},
          {"error_counts", r.error_counts},
          {"errors_truncated", r.errors.size() < r.error_count},
          {"warnings", warnings},
          {"epochs", optional_json(r.epochs)},
          {"epochs_source", r.epochs_given ? "given" : "default"},
          {"token_limit", r.token_limit},
          {"tokens", r.tokens ? stats_json(*r.tokens) : nlohmann::json(nullptr)},
          {"billed_tokens", optional_json(r.billed_tokens)},
          {"training_price_per_million", optional_json(r.price_per_million)},
          {"training_cost_usd", optional_json(r.training_cost_usd)}};
}

nlohmann::json dataset_api(const nlohmann::json& in) {
  DatasetAnalyzer analyzer(dataset_options(in));
  auto text = in.find("text");
  if (text == in.end() || !text->is_string()) {
    throw InputError("text", "The dataset text is missing.");
  }
  analyzer.feed(text->get_ref<const std::string&>());
  return to_json(analyzer.finish());
}

}  // namespace llmcalc
