// Loading and validating the catalog. Every check names the entry
// ("model openai:gpt-4o") and the field ("prices[1].input") so a bad
// regeneration or a hand edit is found at once, not as a wrong price.
#include <cmath>
#include <set>

#include "catalog/catalog.h"
#include "util/input_error.h"

namespace llmcalc {
namespace {

using nlohmann::json;

class Checker {
 public:
  explicit Checker(std::string entry) : entry_(std::move(entry)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw InputError(
        "catalog", "The catalog is invalid: " + entry_ + ", field " + field + ": " + problem + ".");
  }

  const json& member(const json& obj, const std::string& key, const std::string& path) const {
    if (!obj.is_object() || !obj.contains(key)) fail(path + key, "missing");
    return obj.at(key);
  }

  std::string text(const json& obj, const std::string& key, bool allow_empty = false) const {
    const json& v = member(obj, key, "");
    if (!v.is_string() || (!allow_empty && v.get_ref<const std::string&>().empty())) {
      fail(key, "must be a non-empty string");
    }
    return v.get<std::string>();
  }

  std::optional<std::string> optional_text(const json& obj, const std::string& key) const {
    if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
    return text(obj, key);
  }

  double number(const json& v, const std::string& field) const {
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
      fail(field, "must be a non-negative number");
    }
    return v.get<double>();
  }

  std::optional<double> optional_count(const json& obj, const std::string& key) const {
    if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
    double v = number(obj.at(key), key);
    if (v <= 0 || std::floor(v) != v) fail(key, "must be a positive whole number");
    return v;
  }

  void date(const json& obj, const std::string& key, bool required) const {
    if (!required && (!obj.contains(key) || obj.at(key).is_null())) return;
    const json& v = member(obj, key, "");
    if (!v.is_string() || !parse_day(v.get<std::string>())) fail(key, "must be a YYYY-MM-DD date");
  }

 private:
  std::string entry_;
};

TieredPrice tiered(const Checker& c, const json& v, const std::string& field) {
  TieredPrice p;
  if (v.is_number()) {
    p.base = c.number(v, field);
    return p;
  }
  if (!v.is_object()) c.fail(field, "must be a number or {base, tiers}");
  p.base = c.number(c.member(v, "base", field + "."), field + ".base");
  const json& tiers = c.member(v, "tiers", field + ".");
  if (!tiers.is_array() || tiers.empty()) c.fail(field + ".tiers", "must be a non-empty list");
  double last = -1;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    std::string f = field + ".tiers[" + std::to_string(i) + "]";
    double start = c.number(c.member(tiers[i], "start", f + "."), f + ".start");
    double price = c.number(c.member(tiers[i], "price", f + "."), f + ".price");
    if (start <= last) c.fail(f + ".start", "tiers must be in ascending order");
    last = start;
    p.tiers.emplace_back(start, price);
  }
  return p;
}

PriceSet price_set(const Checker& c, const json& v, std::size_t index) {
  std::string field = "prices[" + std::to_string(index) + "]";
  if (!v.is_object()) c.fail(field, "must be an object");
  PriceSet set;
  const json& when = c.member(v, "when", field + ".");
  if (when.is_null()) {
    set.when = PriceSet::When::kAlways;
  } else if (when.contains("from")) {
    auto day =
        when.at("from").is_string() ? parse_day(when.at("from").get<std::string>()) : std::nullopt;
    if (!day) c.fail(field + ".when.from", "must be a YYYY-MM-DD date");
    set.when = PriceSet::When::kFromDate;
    set.from_day = *day;
  } else {
    auto time = [&](const char* key) {
      const json& t = c.member(when, key, field + ".when.");
      auto s = t.is_string() ? parse_time_of_day(t.get<std::string>()) : std::nullopt;
      if (!s) c.fail(field + ".when." + key, "must be a HH:MM:SS time");
      return *s;
    };
    set.when = PriceSet::When::kTimeOfDay;
    set.utc_start = time("utc_start");
    set.utc_end = time("utc_end");
  }
  bool any = false;
  for (std::size_t k = 0; k < kPriceKinds; ++k) {
    const char* name = price_kind_id(static_cast<PriceKind>(k));
    if (v.contains(name) && !v.at(name).is_null()) {
      set.prices[k] = tiered(c, v.at(name), field + "." + name);
      any = true;
    }
  }
  if (!any) c.fail(field, "has no token price");
  return set;
}

Provider provider(const json& v, std::size_t index) {
  Checker c("provider #" + std::to_string(index + 1));
  Provider p;
  p.id = c.text(v, "id");
  Checker named("provider " + p.id);
  p.name = named.text(v, "name");
  p.source = named.optional_text(v, "source").value_or("");
  named.date(v, "as_of", true);
  p.as_of = v.at("as_of").get<std::string>();
  if (v.contains("batch") && !v.at("batch").is_null()) {
    const json& b = v.at("batch");
    double m = named.number(named.member(b, "multiplier", "batch."), "batch.multiplier");
    if (m <= 0 || m > 1) named.fail("batch.multiplier", "must be in (0, 1]");
    p.batch_multiplier = m;
    const json& src = named.member(b, "source", "batch.");
    if (!src.is_string() || src.get<std::string>().rfind("https://", 0) != 0) {
      named.fail("batch.source", "must be an https URL");
    }
    p.batch_source = src.get<std::string>();
    named.date(b, "as_of", true);
    if (auto confirmed = b.find("confirmed"); confirmed != b.end() && !confirmed->is_null()) {
      if (!confirmed->is_boolean()) named.fail("batch.confirmed", "must be true or false");
      p.batch_confirmed = confirmed->get<bool>();
    }
  }
  if (auto ft = v.find("fine_tuning"); ft != v.end() && !ft->is_null()) {
    if (!ft->is_object()) named.fail("fine_tuning", "must be an object");
    p.fine_tuning = *ft;
  }
  return p;
}

Model model(const json& v, std::size_t index, const Catalog& catalog) {
  Checker first("model #" + std::to_string(index + 1));
  Model m;
  m.id = first.text(v, "id");
  m.provider = first.text(v, "provider");
  Checker c("model " + m.provider + ":" + m.id);
  const Provider* p = catalog.find_provider(m.provider);
  if (!p) c.fail("provider", "unknown provider \"" + m.provider + "\"");
  // Provider ids match ignoring case; keep the provider's own spelling so
  // "provider:id" lookups, which compare ids exactly, find the model.
  m.provider = p->id;
  m.provider_rank = static_cast<std::size_t>(p - catalog.providers.data());
  m.name = c.text(v, "name");
  m.kind = c.text(v, "kind");
  const json& aliases = c.member(v, "aliases", "");
  if (!aliases.is_array()) c.fail("aliases", "must be a list of strings");
  for (const auto& a : aliases) {
    if (!a.is_string() || a.get<std::string>().empty()) c.fail("aliases", "must be strings");
    m.aliases.push_back(a.get<std::string>());
  }
  m.context_window = c.optional_count(v, "context_window");
  m.max_output_tokens = c.optional_count(v, "max_output_tokens");
  m.embedding_dimensions = c.optional_count(v, "embedding_dimensions");
  if (m.embedding_dimensions && m.kind != "embedding") {
    c.fail("embedding_dimensions", "only embedding models have dimensions");
  }
  if (m.embedding_dimensions && *m.embedding_dimensions > kMaxEmbeddingDimensions) {
    c.fail("embedding_dimensions", "must be at most " + std::to_string(kMaxEmbeddingDimensions));
  }
  m.tokenizer = c.optional_text(v, "tokenizer");
  const json& deprecated = c.member(v, "deprecated", "");
  if (!deprecated.is_boolean()) c.fail("deprecated", "must be true or false");
  m.deprecated = deprecated.get<bool>();
  c.date(v, "deprecation_date", false);
  c.date(v, "shutdown_date", false);
  const json& prices = c.member(v, "prices", "");
  if (!prices.is_array() || prices.empty()) c.fail("prices", "must be a non-empty list");
  for (std::size_t i = 0; i < prices.size(); ++i) m.prices.push_back(price_set(c, prices[i], i));
  m.source = c.optional_text(v, "source").value_or(p->source);
  c.date(v, "as_of", true);
  m.as_of = v.at("as_of").get<std::string>();
  m.raw = v;
  return m;
}

}  // namespace

Catalog load_catalog(const json& j) {
  Checker top("the catalog");
  if (!j.is_object()) top.fail("(top level)", "must be a JSON object");
  Catalog catalog;
  top.date(j, "generated", true);
  top.date(j, "as_of", true);
  catalog.generated = j.at("generated").get<std::string>();
  catalog.as_of = j.at("as_of").get<std::string>();
  catalog.sources = j.value("sources", json::array());
  const json& providers = top.member(j, "providers", "");
  const json& models = top.member(j, "models", "");
  if (!providers.is_array() || providers.empty()) top.fail("providers", "must be a non-empty list");
  if (!models.is_array() || models.empty()) top.fail("models", "must be a non-empty list");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < providers.size(); ++i) {
    catalog.providers.push_back(provider(providers[i], i));
    if (!seen.insert(catalog.providers.back().id).second) {
      Checker("provider " + catalog.providers.back().id).fail("id", "appears twice");
    }
  }
  seen.clear();
  for (std::size_t i = 0; i < models.size(); ++i) {
    catalog.models.push_back(model(models[i], i, catalog));
    const Model& m = catalog.models.back();
    if (!seen.insert(m.qualified_id()).second) {
      Checker("model " + m.qualified_id()).fail("id", "appears twice for this provider");
    }
  }
  catalog.build_index();
  return catalog;
}

}  // namespace llmcalc
