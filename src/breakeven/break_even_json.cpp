#include "breakeven/break_even_json.h"

#include <limits>

#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc {
namespace {

// Parsing only; compute_break_even() checks ranges with its own labels.
constexpr NumberRange kAny{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};

std::optional<double> number(const nlohmann::json& in, const std::string& key,
                             const std::string& label) {
  return optional_number(in, key, label, kAny);
}

RequestCostInput path(const nlohmann::json& in, const std::string& prefix,
                      const std::string& name) {
  RequestCostInput p;
  p.cost_per_request = number(in, prefix + "_cost", "The " + name + " cost per request");
  p.prompt_tokens = number(in, prefix + "_prompt_tokens", "The " + name + " prompt tokens");
  p.output_tokens = number(in, prefix + "_output_tokens", "The " + name + " output tokens");
  p.input_price_per_million = number(in, prefix + "_input_price", "The " + name + " input price");
  p.output_price_per_million =
      number(in, prefix + "_output_price", "The " + name + " output price");
  return p;
}

nlohmann::json optional_json(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

BreakEvenInput break_even_input_from_json(const nlohmann::json& in) {
  if (!in.is_object()) throw InputError("", "The break-even input must be a JSON object.");
  BreakEvenInput b;
  auto training = number(in, "training_cost", "The training cost");
  if (!training) throw InputError("training_cost", "The training cost is missing: enter a number.");
  b.training_cost = *training;
  b.base = path(in, "base", "prompt-path");
  b.tuned = path(in, "tuned", "tuned-path");
  b.volume = number(in, "volume", "The volume");
  b.monthly_volume = number(in, "monthly_volume", "The monthly volume");
  b.horizon_months = number(in, "horizon_months", "The horizon");
  b.tuned_monthly_cost = number(in, "tuned_monthly_cost", "The monthly cost").value_or(0.0);
  return b;
}

nlohmann::json to_json(const BreakEvenResult& r) {
  nlohmann::json series = nlohmann::json::array();
  for (const auto& p : r.series) {
    series.push_back({{"requests", p.requests},
                      {"months", p.months < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.months)},
                      {"base_cost", p.base_cost},
                      {"tuned_cost", p.tuned_cost}});
  }
  return {
      {"break_even_requests", optional_json(r.break_even_requests)},
      {"ratio", optional_json(r.ratio)},
      {"verdict", verdict_id(r.verdict)},
      {"explanation", r.explanation},
      {"notes", r.notes},
      {"training_cost", r.training_cost},
      {"base_cost_per_request", r.base_cost_per_request},
      {"tuned_cost_per_request", r.tuned_cost_per_request},
      {"saving_per_request", r.saving_per_request},
      {"tuned_monthly_cost", r.tuned_monthly_cost},
      {"volume", optional_json(r.volume)},
      {"monthly_volume", optional_json(r.monthly_volume)},
      {"horizon_months", optional_json(r.horizon_months)},
      {"months_to_break_even", optional_json(r.months_to_break_even)},
      {"net_savings", optional_json(r.net_savings)},
      {"series", series},
  };
}

nlohmann::json break_even_api(const nlohmann::json& input) {
  return to_json(compute_break_even(break_even_input_from_json(input)));
}

}  // namespace llmcalc
