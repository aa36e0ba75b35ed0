#include "catalog/catalog_json.h"

#include <memory>

#include "catalog/active_catalog.h"
#include "catalog/model_tokenizer.h"
#include "util/closest.h"
#include "util/input_error.h"

namespace llmcalc {
namespace {

using nlohmann::json;

json optional_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Null when the provider offers no batch price.
json batch_confirmed(const Provider& p) {
  return p.batch_multiplier ? json(p.batch_confirmed) : json(nullptr);
}

std::string string_input(const json& input, const char* key, const std::string& label) {
  if (!input.is_object()) throw InputError("", "The input must be a JSON object.");
  auto it = input.find(key);
  if (it == input.end() || it->is_null()) return "";
  if (!it->is_string()) throw InputError(key, label + " must be text.");
  return it->get<std::string>();
}

}  // namespace

Instant date_input(const Catalog& catalog, const json& input) {
  std::string date = string_input(input, "date", "The date");
  if (date.find_first_not_of(" \t") == std::string::npos) {
    return Instant{*parse_day(catalog.generated), 0};
  }
  return parse_instant(date, "date");
}

json model_summary(const Catalog& catalog, const Model& m, const Instant& at) {
  const PriceSet& set = m.prices_at(at);
  json prices = json::object();
  bool long_context = false;
  for (std::size_t k = 0; k < kPriceKinds; ++k) {
    const auto& p = set.prices[k];
    prices[price_kind_id(static_cast<PriceKind>(k))] = p ? json(p->base) : json(nullptr);
    if (p && !p->tiers.empty()) long_context = true;
  }
  const Provider* provider = catalog.find_provider(m.provider);
  json r = {
      {"id", m.id},
      {"provider", m.provider},
      {"name", m.name},
      {"kind", m.kind},
      {"aliases", m.aliases},
      {"context_window", optional_json(m.context_window)},
      {"max_output_tokens", optional_json(m.max_output_tokens)},
      {"embedding_dimensions", optional_json(m.embedding_dimensions)},
      {"tokenizer", m.tokenizer ? json(*m.tokenizer) : json(nullptr)},
      {"deprecated", m.deprecated},
      {"shutdown_date", m.raw.value("shutdown_date", json(nullptr))},
      {"prices", prices},
      {"price_period", m.describe_period(set)},
      {"long_context_tiers", long_context},
      {"price_changes", m.prices.size() > 1},
      {"batch_multiplier", optional_json(provider->batch_multiplier)},
      {"batch_confirmed", batch_confirmed(*provider)},
      {"fine_tuning", m.raw.value("fine_tuning", json(nullptr))},
      {"source", m.source},
      {"as_of", m.as_of},
  };
  return r;
}

json models_api(const json& input) {
  const Catalog& catalog = active_catalog();
  Instant at = date_input(catalog, input);
  std::string provider = string_input(input, "provider", "The provider");
  const Provider* only = nullptr;
  if (provider.find_first_not_of(" \t") != std::string::npos) {
    only = catalog.find_provider(provider);
    if (!only) {
      std::vector<std::string> ids;
      for (const auto& p : catalog.providers) ids.push_back(p.id);
      throw InputError("provider", "Unknown provider \"" + provider.substr(0, 40) +
                                       "\". Known providers: " + join_or(ids) + ".");
    }
  }
  json models = json::array();
  for (const auto& m : catalog.models) {
    if (!only || m.provider == only->id) models.push_back(model_summary(catalog, m, at));
  }
  json providers = json::array();
  for (const auto& p : catalog.providers) {
    providers.push_back(
        {{"id", p.id},
         {"name", p.name},
         {"source", p.source},
         {"as_of", p.as_of},
         {"batch_multiplier", optional_json(p.batch_multiplier)},
         {"batch_confirmed", batch_confirmed(p)},
         {"batch_source", p.batch_multiplier ? json(p.batch_source) : json(nullptr)}});
  }
  return {{"generated", catalog.generated}, {"as_of", catalog.as_of}, {"date", format_instant(at)},
          {"sources", catalog.sources},     {"providers", providers}, {"models", models}};
}

json find_model_api(const json& input) {
  const Catalog& catalog = active_catalog();
  std::string name = string_input(input, "model", "The model");
  const Model& m = catalog.get(name);
  json r = m.raw;
  r["resolved_from"] = name;
  const Provider& provider = *catalog.find_provider(m.provider);
  r["batch_multiplier"] = optional_json(provider.batch_multiplier);
  r["batch_confirmed"] = batch_confirmed(provider);
  TokenCounting counting = token_counting(m);
  r["counting"] = {
      {"encoding", counting.encoding}, {"exact", counting.exact}, {"note", counting.note}};
  return r;
}

json catalog_load_api(const json& catalog_json) {
  auto catalog = std::make_shared<const Catalog>(load_catalog(catalog_json));
  set_active_catalog(catalog);
  return {{"generated", catalog->generated},
          {"as_of", catalog->as_of},
          {"model_count", catalog->models.size()}};
}

}  // namespace llmcalc
