// The model and price catalog (data/catalog/catalog.json, built by
// data/catalog/generate.mjs). The core does no I/O: callers hand over the
// parsed JSON — the CLI embeds it, the wasm module receives it from
// JavaScript. Loading validates every entry and names the bad one.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/instant.h"

namespace llmcalc {

// The prices a model can have, per 1M tokens. A price that is absent is
// not offered by the model — never read as $0.
enum class PriceKind { kInput, kCacheRead, kCacheWrite5m, kCacheWrite1h, kOutput, kReasoning };
constexpr std::size_t kPriceKinds = 6;
const char* price_kind_id(PriceKind kind);  // "input", "cache_read", … (catalog and API names)

// A price with optional long-context tiers: when a request's input tokens
// exceed a tier's start, the whole request is billed at that tier's price
// (genai-prices' rule: strictly greater than `start`).
struct TieredPrice {
  double base = 0;
  std::vector<std::pair<double, double>> tiers;  // (start, price), ascending start

  double at(double input_tokens) const;
};

// One entry of a model's price history. Entries are tried from last to
// first; the first whose condition holds is in force, and the first entry
// is the fallback (genai-prices' order).
struct PriceSet {
  enum class When { kAlways, kFromDate, kTimeOfDay };
  When when = When::kAlways;
  std::int64_t from_day = 0;       // kFromDate: in force from 00:00 UTC that day
  int utc_start = 0, utc_end = 0;  // kTimeOfDay: [start, end) in seconds, may wrap
  std::array<std::optional<TieredPrice>, kPriceKinds> prices;

  const std::optional<TieredPrice>& price(PriceKind k) const {
    return prices[static_cast<std::size_t>(k)];
  }
  bool holds_at(const Instant& at) const;
  std::string describe() const;  // "standard", "from 2025-06-10", "00:30–16:30 UTC"
};

struct Provider {
  std::string id;
  std::string name;
  std::string source;
  std::string as_of;
  std::optional<double> batch_multiplier;  // none: no batch price offered
  std::string batch_source;
  // False when the multiplier comes from a secondary source and still has to
  // be checked against batch_source: shown as unconfirmed wherever it is used.
  bool batch_confirmed = true;
  nlohmann::json fine_tuning;  // provider-wide fine-tuning prices (Together's size tiers), or null
};

// The longest vectors accepted anywhere (catalog entries and the
// embedding calculator): 2^16, well above any model's (3,072-4,096 today).
constexpr int kMaxEmbeddingDimensions = 65536;

struct Model {
  std::string id;
  std::string provider;           // Provider::id
  std::size_t provider_rank = 0;  // position in the catalog's provider list
  std::string name;
  std::string kind;  // chat, reasoning, embedding, audio, image, fine-tuned, moderation
  std::vector<std::string> aliases;
  std::optional<double> context_window;
  std::optional<double> max_output_tokens;
  // Embedding models only: the length of the vectors the model returns by
  // default (some accept fewer, e.g. OpenAI's `dimensions` parameter).
  std::optional<double> embedding_dimensions;
  std::optional<std::string> tokenizer;
  bool deprecated = false;
  std::vector<PriceSet> prices;  // never empty
  std::string source;
  std::string as_of;
  nlohmann::json raw;  // the catalog entry as loaded, for findModel()

  const PriceSet& prices_at(const Instant& at) const;
  // As PriceSet::describe(), but the fallback of a model with UTC windows
  // reads "outside 00:30-16:30 UTC" rather than "standard": it is a rate
  // for certain hours too (DeepSeek's off-peak discount).
  std::string describe_period(const PriceSet& set) const;
  std::string qualified_id() const { return provider + ":" + id; }
};

class Catalog {
 public:
  std::string generated;  // YYYY-MM-DD the file was generated
  std::string as_of;      // age of the package prices
  nlohmann::json sources;
  std::vector<Provider> providers;
  std::vector<Model> models;

  const Provider* find_provider(std::string_view id) const;

  // By id, alias or "provider:id", ignoring case. Also tries the name
  // without a trailing date (-20241022, -2024-10-22) or "-latest", so
  // dated snapshots resolve to their entry. A name several providers serve
  // resolves to the first provider in catalog order (first-party first).
  const Model* find(std::string_view name) const;
  // As find(), but throws InputError(field) naming the 3 closest ids.
  const Model& get(std::string_view name, const std::string& field = "model") const;

  void build_index();

 private:
  const Model* lookup(const std::string& key, std::string_view provider) const;
  std::unordered_map<std::string, std::vector<std::size_t>> index_;
};

// Validates and loads a catalog; throws InputError("catalog", …) naming
// the provider/model and field at fault.
Catalog load_catalog(const nlohmann::json& json);

}  // namespace llmcalc
