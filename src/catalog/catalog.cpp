// Price selection and model lookup over a loaded catalog.
#include "catalog/catalog.h"

#include <algorithm>
#include <cstdio>

#include "util/closest.h"
#include "util/input_error.h"

namespace llmcalc {
namespace {

std::string lowered(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  // Surrounding spaces come from copy and paste, never from a real id.
  auto first = out.find_first_not_of(" \t\r\n");
  auto last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : out.substr(first, last - first + 1);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "claude-3-5-haiku-20241022" -> "claude-3-5-haiku"; "-2024-10-22" and
// "-latest" likewise. Empty when the name has no such suffix.
std::string without_snapshot_suffix(const std::string& name) {
  auto dash = name.rfind('-');
  if (dash == std::string::npos || dash == 0) return "";
  std::string tail = name.substr(dash + 1);
  if (tail == "latest" || (tail.size() == 8 && all_digits(tail) && tail.rfind("20", 0) == 0)) {
    return name.substr(0, dash);
  }
  // -YYYY-MM-DD
  if (name.size() > 11) {
    std::string date = name.substr(name.size() - 10);
    if (name[name.size() - 11] == '-' && parse_day(date)) return name.substr(0, name.size() - 11);
  }
  return "";
}

std::string hhmm(int seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", seconds / 3600, seconds / 60 % 60);
  return buf;
}

}  // namespace

const char* price_kind_id(PriceKind kind) {
  switch (kind) {
    case PriceKind::kInput:
      return "input";
    case PriceKind::kCacheRead:
      return "cache_read";
    case PriceKind::kCacheWrite5m:
      return "cache_write_5m";
    case PriceKind::kCacheWrite1h:
      return "cache_write_1h";
    case PriceKind::kOutput:
      return "output";
    case PriceKind::kReasoning:
      return "reasoning";
  }
  return "";
}

double TieredPrice::at(double input_tokens) const {
  double price = base;
  for (const auto& [start, tier_price] : tiers) {
    if (input_tokens > start) price = tier_price;
  }
  return price;
}

bool PriceSet::holds_at(const Instant& at) const {
  switch (when) {
    case When::kAlways:
      return true;
    case When::kFromDate:
      return at.day >= from_day;
    case When::kTimeOfDay:
      // A window may wrap past midnight (22:00–06:00).
      if (utc_end < utc_start) return at.second >= utc_start || at.second < utc_end;
      return at.second >= utc_start && at.second < utc_end;
  }
  return false;
}

std::string PriceSet::describe() const {
  switch (when) {
    case When::kAlways:
      return "standard";
    case When::kFromDate:
      return "from " + format_day(from_day);
    case When::kTimeOfDay:
      return hhmm(utc_start) + "-" + hhmm(utc_end) + " UTC";
  }
  return "";
}

const PriceSet& Model::prices_at(const Instant& at) const {
  for (auto it = prices.rbegin(); it != prices.rend(); ++it) {
    if (it->holds_at(at)) return *it;
  }
  return prices.front();
}

std::string Model::describe_period(const PriceSet& set) const {
  if (set.when != PriceSet::When::kAlways) return set.describe();
  std::string windows;
  for (const auto& other : prices) {
    if (other.when != PriceSet::When::kTimeOfDay) continue;
    windows += (windows.empty() ? "" : ", ") + hhmm(other.utc_start) + "-" + hhmm(other.utc_end);
  }
  return windows.empty() ? set.describe() : "outside " + windows + " UTC";
}

const Provider* Catalog::find_provider(std::string_view id) const {
  std::string key = lowered(id);
  for (const auto& p : providers) {
    if (lowered(p.id) == key) return &p;
  }
  return nullptr;
}

void Catalog::build_index() {
  index_.clear();
  for (std::size_t i = 0; i < models.size(); ++i) {
    index_[lowered(models[i].id)].push_back(i);
    for (const auto& a : models[i].aliases) index_[lowered(a)].push_back(i);
  }
}

const Model* Catalog::lookup(const std::string& key, std::string_view provider) const {
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  const Model* best = nullptr;
  bool best_is_id = false;
  for (std::size_t i : it->second) {
    const Model& m = models[i];
    if (!provider.empty() && m.provider != provider) continue;
    bool is_id = lowered(m.id) == key;
    // First-party providers come first in the catalog; within a provider
    // the model whose id it is beats one that lists it as an alias.
    if (!best || m.provider_rank < best->provider_rank ||
        (m.provider_rank == best->provider_rank && is_id && !best_is_id)) {
      best = &m;
      best_is_id = is_id;
    }
  }
  return best;
}

const Model* Catalog::find(std::string_view name) const {
  std::string key = lowered(name);
  std::string provider;
  // "provider:model" — but ids may contain ':' themselves (ft:gpt-4o), so
  // only a known provider prefix counts.
  if (auto colon = key.find(':'); colon != std::string::npos && !index_.count(key)) {
    if (const Provider* p = find_provider(key.substr(0, colon))) {
      provider = p->id;
      key = key.substr(colon + 1);
    }
  }
  while (!key.empty()) {
    if (const Model* m = lookup(key, provider)) return m;
    key = without_snapshot_suffix(key);
  }
  return nullptr;
}

const Model& Catalog::get(std::string_view name, const std::string& field) const {
  if (const Model* m = find(name)) return *m;
  std::string shown(name.substr(0, 80));
  if (lowered(name).empty()) throw InputError(field, "The model is missing: name a model id.");
  std::vector<std::string> ids;
  for (const auto& m : models) ids.push_back(m.id);
  auto near = closest_names(lowered(name), ids, 3);
  throw InputError(field, "Unknown model \"" + shown + "\". Closest ids: " + join_or(near) + ".");
}

}  // namespace llmcalc
