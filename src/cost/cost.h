// Cost of one request's usage under a catalog model's prices, itemized.
//
// Rules (those of genai-prices, which the cross-check test holds us to):
//  - cached reads and cache writes are part of the input count, not added
//    to it: the plain input line is input − cached − writes;
//  - reasoning tokens are part of the output count; they are billed at the
//    model's reasoning price, or at its output price when it has none;
//  - above a long-context threshold (input tokens > tier start) the whole
//    request is billed at the tier's prices;
//  - a date selects the price in force then (dated changes, UTC windows);
//  - batch multiplies every price by the provider's batch multiplier.
// A price the model does not offer is an InputError naming the field (the
// usage that needs it), never a silent $0.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace llmcalc {

struct Usage {
  double input = 0;           // all input tokens, cached and cache writes included
  double output = 0;          // all output tokens, reasoning included
  double cached = 0;          // cache reads (part of input)
  double cache_write_5m = 0;  // part of input
  double cache_write_1h = 0;  // part of input
  double reasoning = 0;       // part of output
  bool batch = false;
  Instant at;  // when the request is made
};

struct CostLine {
  std::string kind;  // input, cache_read, cache_write_5m, cache_write_1h, output, reasoning
  double tokens = 0;
  double price_per_million = 0;  // after the batch multiplier
  double cost = 0;
};

struct CostResult {
  double cost = 0;
  std::vector<CostLine> lines;
  const Model* model = nullptr;
  const PriceSet* price_set = nullptr;
  bool long_context = false;  // a tier price applied
  double batch_multiplier = 1;
  const Provider* batch_terms = nullptr;  // the provider's batch terms, when batch applied
};

// Throws InputError naming the usage field for counts that are negative,
// fractional or inconsistent (cached > input, reasoning > output) and for
// usage the model has no price for.
CostResult compute_cost(const Catalog& catalog, const Model& model, const Usage& usage);

}  // namespace llmcalc
