// Embedding cost (issue #7): what it costs to embed a corpus once, to keep
// it fresh and to embed the queries searched against it, and how many bytes
// its vectors take.
//
//   one-time      = corpus tokens × price / 1M
//   re-embedding  = one-time × re-embeddings per month (1/3: quarterly,
//                   1/12: yearly; 0.1 also reads "a tenth of the corpus
//                   changes a month")
//   queries       = queries per month × tokens per query × query price / 1M
//   monthly       = re-embedding + queries
//   first year    = one-time + 12 × monthly
//   storage       = vectors × bytes per vector, where bytes per vector =
//                   dimensions × 4 (float32), 2 (float16), 1 (int8), or
//                   ⌈dimensions / 8⌉ (binary: a bit each, whole bytes per
//                   vector) — the raw vectors, no index overhead
//
// Prices come from the cost engine (cost/cost.h), so the price in force at
// a date and the batch multiplier follow the price calculator's rules.
// A long-context tier applies per request, so the price is looked up for
// one request of the average input (corpus tokens ÷ vectors; one query),
// not for the corpus as if it were a single request. Batch applies to the
// corpus and its re-embeddings; queries need an answer at once and pay the
// standard price.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace llmcalc {

enum class Precision { kFloat32, kFloat16, kInt8, kBinary };

const char* precision_id(Precision precision);  // "float32", "float16", "int8", "binary"
// Case-insensitive; anything else is an InputError(field) listing the four.
Precision parse_precision(std::string_view text, const std::string& field = "precision");
// 4·d, 2·d, d or ⌈d / 8⌉ bytes.
double bytes_per_vector(Precision precision, double dimensions);

struct EmbeddingInput {
  double corpus_tokens = 0;  // the whole corpus, a whole number
  double vectors = 0;        // vectors stored: documents, or chunks when chunked
  double reembeds_per_month = 0;
  double queries_per_month = 0;
  double query_tokens = 0;           // average tokens per query
  std::optional<double> dimensions;  // default: the model's embedding_dimensions
  Precision precision = Precision::kFloat32;
  bool batch = false;
  Instant at;  // prices in force then
  // The encoding the corpus was counted with, when it was counted from
  // text; the count is exact only when that is the model's own tokenizer.
  std::optional<std::string> counted_with;
};

struct EmbeddingCost {
  const Model* model = nullptr;
  const PriceSet* price_set = nullptr;
  double price_per_million = 0;        // corpus and re-embeddings, batch applied
  double query_price_per_million = 0;  // queries: never batch
  double batch_multiplier = 1;
  bool long_context = false;  // a long-context tier applied to some request

  double corpus_tokens = 0;
  double vectors = 0;
  double tokens_per_vector = 0;  // corpus tokens ÷ vectors (0 without vectors)
  double one_time_cost = 0;
  double reembeds_per_month = 0;
  double monthly_reembed_tokens = 0;
  double monthly_reembed_cost = 0;
  double queries_per_month = 0;
  double query_tokens = 0;
  double monthly_query_tokens = 0;
  double monthly_query_cost = 0;
  double monthly_cost = 0;
  double first_year_cost = 0;

  double dimensions = 0;
  std::optional<double> native_dimensions;
  Precision precision = Precision::kFloat32;
  double bytes_per_vector = 0;
  double storage_bytes = 0;

  std::optional<std::string> counted_with;
  std::optional<bool> tokens_exact;  // set only when counted_with is
  std::vector<std::string> notes;    // plain sentences for people
};

// Limits of the inputs (beyond them the numbers mean a typo, and the
// results would lose their precision).
constexpr double kMaxCorpusTokens = 1e15;
constexpr double kMaxVectors = 1e13;
constexpr double kMaxReembedsPerMonth = 1000;
constexpr double kMaxQueriesPerMonth = 1e13;
constexpr double kMaxQueryTokens = 1e7;

// Throws InputError naming the field at fault (corpus_tokens, vectors,
// reembeds_per_month, queries_per_month, query_tokens, dimensions, batch,
// counted_with, model).
EmbeddingCost compute_embedding_cost(const Catalog& catalog, const Model& model,
                                     const EmbeddingInput& input);

// An embedding model by id, alias or provider:id. An unknown name, or a
// model of another kind, is an InputError (field "model") naming the
// closest embedding models.
const Model& find_embedding_model(const Catalog& catalog, std::string_view name);

}  // namespace llmcalc
