// JSON form of the embedding cost (embedding_cost.h): what the page, the JS
// API (llm.embeddingCost) and `llmcalc embedding --json` share, run behind
// json_call() against the active catalog (catalog/active_catalog.h).
//
// Input (numbers as numbers or typed text, "1,000"):
//   model               an embedding model of the catalog (id, alias, provider:id)
//   corpus_tokens       the corpus as a token count (e.g. counted from text), or
//   documents, average_tokens   the corpus as documents × average tokens
//                       (rounded to a whole number of tokens); not both forms
//   vectors?            vectors stored; default: documents, else required for
//                       a non-empty corpus (chunked corpora: the chunk count)
//   reembeds_per_month? full re-embeddings a month, fractions allowed
//                       (1/3 = quarterly); default 0
//   queries_per_month?  default 0
//   query_tokens?       average tokens per query; required with queries
//   dimensions?         default: the catalog's embedding_dimensions
//                       (required when it has none); 1 to 65,536
//   precision?          float32 (default), float16, int8 or binary
//   batch?              the provider's batch price for the corpus (not queries)
//   date?               YYYY-MM-DD or an ISO time: the prices in force then
//                       (default: the catalog's generation date; the CLI and
//                       JS pass the current time)
//   counted_with?       the encoding the corpus was counted with, if counted
//                       from text (decides tokens_exact)
// Output:
//   {model: {id, provider, name, resolved_from}, price_per_million,
//    query_price_per_million, batch, batch_multiplier, price_period, date,
//    source, as_of, long_context, corpus_tokens, documents, average_tokens,
//    vectors, tokens_per_vector, counted_with, tokens_exact (null when not
//    counted from text), one_time_cost, reembeds_per_month,
//    monthly_reembed_tokens, monthly_reembed_cost, queries_per_month,
//    query_tokens, monthly_query_tokens, monthly_query_cost, monthly_cost,
//    first_year_cost, dimensions, native_dimensions, precision,
//    bytes_per_vector, storage_bytes, notes: [sentences]}
// Costs are in USD.
#pragma once

#include <nlohmann/json.hpp>

#include "embedding/embedding_cost.h"

namespace llmcalc {

// Throws InputError; runs behind json_call().
nlohmann::json embedding_api(const nlohmann::json& input);

}  // namespace llmcalc
