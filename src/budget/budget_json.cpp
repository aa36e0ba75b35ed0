#include "budget/budget_json.h"

#include <string>

#include "budget/budget.h"
#include "catalog/active_catalog.h"
#include "catalog/catalog_json.h"
#include "catalog/model_tokenizer.h"
#include "cost/cost.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc::budget {
namespace {

using nlohmann::json;

constexpr NumberRange kTokens{0, kMaxSectionTokens, true, " tokens"};
constexpr NumberRange kWindow{0, kMaxSectionTokens, false, " tokens"};

json optional_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Reads the sections present in `object` over `base`.
SectionTokens read_sections(const json& object, SectionTokens base) {
  if (object.is_null()) return base;
  if (!object.is_object()) {
    throw InputError("sections", "The sections must be an object of token counts.");
  }
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (Section s : all_sections()) known = known || it.key() == section_id(s);
    if (!known) {
      throw InputError("sections", "Unknown section \"" + it.key().substr(0, 40) +
                                       "\": use system, tools, examples, history, context, "
                                       "user or output.");
    }
  }
  for (Section s : all_sections()) {
    auto v = optional_number(object, section_id(s), section_label(s), kTokens);
    if (v) base[static_cast<std::size_t>(s)] = section_tokens(s, *v);
  }
  return base;
}

double whole_window(const json& entry, const char* key, const char* label) {
  double v = required_number(entry, key, label, kWindow);
  if (v != static_cast<double>(static_cast<long long>(v))) {
    throw InputError(key, std::string(label) + " must be a whole number of tokens.");
  }
  return v;
}

json model_result(const Budget& b, const std::string& name) {
  json sections = json::array();
  for (Section s : all_sections()) {
    double t = b.tokens[static_cast<std::size_t>(s)];
    sections.push_back(
        {{"id", section_id(s)},
         {"label", section_label(s)},
         {"tokens", t},
         {"share", b.window.context_window ? json(t / *b.window.context_window) : json(nullptr)}});
  }
  json cut = nullptr;
  if (b.cut) {
    cut = {{"section", section_id(b.cut->section)},
           {"label", section_label(b.cut->section)},
           {"tokens", b.cut->tokens},
           {"enough", b.cut->enough}};
  }
  return {{"name", name},
          {"context_window", optional_json(b.window.context_window)},
          {"max_output_tokens", optional_json(b.window.max_output_tokens)},
          {"sections", sections},
          {"input_tokens", b.input_tokens},
          {"output_reserve", b.output_reserve},
          {"total_tokens", b.total_tokens},
          {"share", optional_json(b.share)},
          {"tokens_left", optional_json(b.tokens_left)},
          {"fits", b.window.context_window ? json(b.overflow_tokens == 0) : json(nullptr)},
          {"overflow_tokens", b.overflow_tokens},
          {"cut", cut},
          {"output_over_limit", b.output_over_limit},
          {"warnings", budget_warnings(b, name)}};
}

json catalog_model(const Catalog& catalog, const Model& m, const SectionTokens& tokens,
                   const Instant& at) {
  Budget b = plan_budget(tokens, {m.context_window, m.max_output_tokens});
  json r = model_result(b, m.id);
  r["model"] = {{"id", m.id}, {"provider", m.provider}, {"name", m.name}};
  TokenCounting counting = token_counting(m);
  r["counting"] = {
      {"encoding", counting.encoding}, {"exact", counting.exact}, {"note", counting.note}};
  if (!m.context_window) {
    r["warnings"].push_back("The catalog has no context window for " + m.id + ".");
  }
  Usage usage;
  usage.input = b.input_tokens;
  usage.output = b.output_reserve;
  usage.at = at;
  try {
    r["cost_usd"] = compute_cost(catalog, m, usage).cost;
    r["cost_note"] = nullptr;
  } catch (const InputError& e) {
    r["cost_usd"] = nullptr;  // "not offered", never $0
    r["cost_note"] = e.what();
  }
  r["price_source"] = m.source;
  r["as_of"] = m.as_of;
  return r;
}

json own_window(const json& entry, const SectionTokens& tokens) {
  auto name_it = entry.find("name");
  std::string name =
      name_it != entry.end() && name_it->is_string() ? name_it->get<std::string>() : "Custom model";
  if (name.find_first_not_of(" \t") == std::string::npos) name = "Custom model";
  Window w;
  w.context_window = whole_window(entry, "context_window", "The context window");
  if (entry.contains("max_output_tokens") && !entry.at("max_output_tokens").is_null()) {
    w.max_output_tokens = whole_window(entry, "max_output_tokens", "The maximum output");
  }
  json r = model_result(plan_budget(tokens, w), name);
  r["model"] = nullptr;
  r["counting"] = nullptr;
  r["cost_usd"] = nullptr;
  r["cost_note"] = "A window of your own has no prices.";
  r["price_source"] = nullptr;
  r["as_of"] = nullptr;
  return r;
}

}  // namespace

json budget_api(const json& input) {
  if (!input.is_object()) throw InputError("", "The input must be a JSON object.");
  SectionTokens shared = read_sections(input.value("sections", json(nullptr)), SectionTokens{});
  auto models = input.find("models");
  if (models == input.end() || !models->is_array() || models->empty()) {
    throw InputError("model", "Choose at least one model.");
  }
  if (models->size() > kMaxModels) {
    throw InputError("model", "Compare at most " + std::to_string(kMaxModels) + " models at once.");
  }
  json results = json::array();
  const Catalog* catalog = nullptr;
  Instant at{};
  for (const json& entry : *models) {
    if (entry.is_object() && !entry.contains("model")) {
      results.push_back(
          own_window(entry, read_sections(entry.value("sections", json(nullptr)), shared)));
      continue;
    }
    const json& id = entry.is_object() ? entry.at("model") : entry;
    if (!id.is_string()) throw InputError("model", "A model must be named by its id (text).");
    if (!catalog) {
      catalog = &active_catalog();
      at = date_input(*catalog, input);
    }
    SectionTokens tokens = shared;
    if (entry.is_object()) tokens = read_sections(entry.value("sections", json(nullptr)), shared);
    results.push_back(catalog_model(*catalog, catalog->get(id.get<std::string>()), tokens, at));
  }
  json sections = json::array();
  for (Section s : all_sections()) {
    sections.push_back({{"id", section_id(s)}, {"label", section_label(s)}});
  }
  json out = {{"sections", sections}, {"models", results}};
  out["date"] = catalog ? json(format_instant(at)) : json(nullptr);
  return out;
}

}  // namespace llmcalc::budget
