#include "cost/cost.h"

#include <cmath>

#include "util/format.h"
#include "util/input_error.h"

namespace llmcalc {
namespace {

void check_count(double v, const char* field, const char* label) {
  if (!std::isfinite(v)) throw InputError(field, std::string(label) + " must be a number.");
  if (v < 0) throw InputError(field, std::string(label) + " cannot be negative.");
  if (std::floor(v) != v) {
    throw InputError(field, std::string(label) + " must be a whole number of tokens, not " +
                                format_number(v, 6) + ".");
  }
}

void validate(const Usage& u) {
  check_count(u.input, "input", "The input token count");
  check_count(u.output, "output", "The output token count");
  check_count(u.cached, "cached", "The cached token count");
  check_count(u.cache_write_5m, "cache_write_5m", "The 5-minute cache write count");
  check_count(u.cache_write_1h, "cache_write_1h", "The 1-hour cache write count");
  check_count(u.reasoning, "reasoning", "The reasoning token count");
  if (u.cached > u.input) {
    throw InputError("cached", "Cached tokens (" + format_count(u.cached) +
                                   ") cannot exceed the input tokens (" + format_count(u.input) +
                                   "): cached tokens are part of the input count.");
  }
  if (u.cached + u.cache_write_5m > u.input) {
    throw InputError("cache_write_5m",
                     "Cached plus cache-write tokens cannot exceed the input tokens: both are "
                     "part of the input count.");
  }
  if (u.cached + u.cache_write_5m + u.cache_write_1h > u.input) {
    throw InputError("cache_write_1h",
                     "Cached plus cache-write tokens cannot exceed the input tokens: both are "
                     "part of the input count.");
  }
  if (u.reasoning > u.output) {
    throw InputError("reasoning", "Reasoning tokens (" + format_count(u.reasoning) +
                                      ") cannot exceed the output tokens (" +
                                      format_count(u.output) +
                                      "): reasoning tokens are part of the output count.");
  }
}

[[noreturn]] void not_offered(const Model& m, const char* field, const std::string& what) {
  throw InputError(field, m.provider + ":" + m.id + " does not offer " + what +
                              " (no price in the catalog), so this usage cannot be priced.");
}

}  // namespace

CostResult compute_cost(const Catalog& catalog, const Model& m, const Usage& u) {
  validate(u);
  CostResult r;
  r.model = &m;
  r.price_set = &m.prices_at(u.at);
  const PriceSet& set = *r.price_set;
  if (u.batch) {
    const Provider* p = catalog.find_provider(m.provider);
    if (!p || !p->batch_multiplier) not_offered(m, "batch", "a batch price");
    r.batch_multiplier = *p->batch_multiplier;
    r.batch_terms = p;
  }

  auto add = [&](const char* kind, double tokens, const std::optional<TieredPrice>& price) {
    const TieredPrice& p = *price;
    for (const auto& tier : p.tiers) {
      if (u.input > tier.first) r.long_context = true;
    }
    double per_million = p.at(u.input) * r.batch_multiplier;
    // price × tokens / 1e6 in this order, as genai-prices computes it.
    r.lines.push_back({kind, tokens, per_million, per_million * tokens / 1e6});
  };

  double plain_input = u.input - u.cached - u.cache_write_5m - u.cache_write_1h;
  if (plain_input > 0 && !set.price(PriceKind::kInput)) not_offered(m, "input", "input tokens");
  if (u.cached > 0 && !set.price(PriceKind::kCacheRead)) {
    not_offered(m, "cached", "cached-input reads");
  }
  if (u.cache_write_5m > 0 && !set.price(PriceKind::kCacheWrite5m)) {
    not_offered(m, "cache_write_5m", "5-minute cache writes");
  }
  if (u.cache_write_1h > 0 && !set.price(PriceKind::kCacheWrite1h)) {
    not_offered(m, "cache_write_1h", "1-hour cache writes");
  }
  const auto& reasoning_price = set.price(PriceKind::kReasoning) ? set.price(PriceKind::kReasoning)
                                                                 : set.price(PriceKind::kOutput);
  if (u.output - u.reasoning > 0 && !set.price(PriceKind::kOutput)) {
    not_offered(m, "output", "output tokens");
  }
  if (u.reasoning > 0 && !reasoning_price) not_offered(m, "reasoning", "reasoning tokens");

  // The input and output lines always show (when priced), so a zero usage
  // still says what the prices are; the others only when used.
  if (set.price(PriceKind::kInput)) add("input", plain_input, set.price(PriceKind::kInput));
  if (u.cached > 0) add("cache_read", u.cached, set.price(PriceKind::kCacheRead));
  if (u.cache_write_5m > 0)
    add("cache_write_5m", u.cache_write_5m, set.price(PriceKind::kCacheWrite5m));
  if (u.cache_write_1h > 0)
    add("cache_write_1h", u.cache_write_1h, set.price(PriceKind::kCacheWrite1h));
  if (set.price(PriceKind::kOutput))
    add("output", u.output - u.reasoning, set.price(PriceKind::kOutput));
  if (u.reasoning > 0) add("reasoning", u.reasoning, reasoning_price);

  for (const auto& line : r.lines) r.cost += line.cost;
  return r;
}

}  // namespace llmcalc
