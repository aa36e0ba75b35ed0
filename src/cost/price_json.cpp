#include "cost/price_json.h"

#include "catalog/active_catalog.h"
#include "catalog/catalog_json.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc {
namespace {

using nlohmann::json;

// Token counts: non-negative and below 1e15 here; whole numbers are
// checked by compute_cost() so the native API gets the same rule.
constexpr NumberRange kTokens{0, 1e15, true, " tokens"};

double count(const json& in, const char* key, const char* label, bool required) {
  auto v = optional_number(in, key, label, kTokens);
  if (!v && required) throw InputError(key, std::string(label) + " is missing: enter a number.");
  return v.value_or(0);
}

}  // namespace

Usage usage_from_json(const Catalog& catalog, const json& in) {
  if (!in.is_object()) throw InputError("", "The input must be a JSON object.");
  Usage u;
  u.input = count(in, "input", "The input token count", true);
  u.output = count(in, "output", "The output token count", true);
  u.cached = count(in, "cached", "The cached token count", false);
  u.cache_write_5m = count(in, "cache_write_5m", "The 5-minute cache write count", false);
  u.cache_write_1h = count(in, "cache_write_1h", "The 1-hour cache write count", false);
  u.reasoning = count(in, "reasoning", "The reasoning token count", false);
  if (auto it = in.find("batch"); it != in.end() && !it->is_null()) {
    if (!it->is_boolean()) throw InputError("batch", "Batch must be true or false.");
    u.batch = it->get<bool>();
  }
  u.at = date_input(catalog, in);
  return u;
}

json to_json(const CostResult& r, const Usage& u) {
  json lines = json::array();
  for (const auto& l : r.lines) {
    lines.push_back({{"kind", l.kind},
                     {"tokens", l.tokens},
                     {"price_per_million", l.price_per_million},
                     {"cost_usd", l.cost}});
  }
  return {
      {"cost_usd", r.cost},
      {"lines", lines},
      {"model", {{"id", r.model->id}, {"provider", r.model->provider}, {"name", r.model->name}}},
      {"as_of", r.model->as_of},
      {"source", r.model->source},
      {"price_period", r.model->describe_period(*r.price_set)},
      {"date", format_instant(u.at)},
      {"batch", u.batch},
      {"batch_multiplier", r.batch_multiplier},
      // With batch: where the multiplier comes from, and whether it is confirmed.
      {"batch_source", r.batch_terms ? json(r.batch_terms->batch_source) : json(nullptr)},
      {"batch_confirmed", r.batch_terms ? json(r.batch_terms->batch_confirmed) : json(nullptr)},
      {"long_context", r.long_context},
  };
}

json price_api(const json& input) {
  const Catalog& catalog = active_catalog();
  if (!input.is_object()) throw InputError("", "The input must be a JSON object.");
  auto it = input.find("model");
  if (it == input.end() || it->is_null()) {
    throw InputError("model", "The model is missing: name a model id.");
  }
  if (!it->is_string()) throw InputError("model", "The model must be a model id (text).");
  const Model& model = catalog.get(it->get<std::string>());
  Usage usage = usage_from_json(catalog, input);
  json out = to_json(compute_cost(catalog, model, usage), usage);
  out["model"]["resolved_from"] = it->get<std::string>();
  return out;
}

}  // namespace llmcalc
