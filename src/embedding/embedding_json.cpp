#include "embedding/embedding_json.h"

#include <cmath>
#include <limits>

#include "catalog/active_catalog.h"
#include "catalog/catalog_json.h"
#include "util/format.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc {
namespace {

using nlohmann::json;

// Parsing only; compute_embedding_cost() checks the ranges.
constexpr NumberRange kAny{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
// Read here because their product is formed here.
constexpr NumberRange kDocuments{0, kMaxVectors, true, " documents"};
constexpr NumberRange kAverageTokens{1, kMaxCorpusTokens, true, " tokens"};
// Read here because query_tokens is required only when it is above 0.
constexpr NumberRange kQueries{0, kMaxQueriesPerMonth, true, ""};

std::optional<double> number(const json& in, const char* key, const char* label) {
  return optional_number(in, key, label, kAny);
}

std::optional<std::string> text(const json& in, const char* key, const std::string& label) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw InputError(key, label + " must be text.");
  const auto& s = it->get_ref<const std::string&>();
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return s;
}

bool has(const json& in, const char* key) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return false;
  return !it->is_string() ||
         it->get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos;
}

// The corpus: corpus_tokens, or documents × average_tokens. Returns the
// token count and sets `documents` when given.
double corpus(const json& in, std::optional<double>& documents, std::optional<double>& average) {
  documents = optional_number(in, "documents", "The number of documents", kDocuments);
  if (documents && std::floor(*documents) != *documents) {
    throw InputError("documents", "The number of documents must be a whole number, not " +
                                      format_number(*documents, 6) + ".");
  }
  if (has(in, "corpus_tokens")) {
    if (has(in, "average_tokens")) {
      throw InputError("average_tokens",
                       "Give the corpus either as a token count or as documents × average "
                       "tokens, not both.");
    }
    return *number(in, "corpus_tokens", "The corpus token count");
  }
  if (!documents) {
    throw InputError("documents",
                     "The number of documents is missing: enter a number (or give the corpus "
                     "as a token count).");
  }
  average =
      optional_number(in, "average_tokens", "The average tokens per document", kAverageTokens);
  if (!average) {
    throw InputError("average_tokens",
                     "The average tokens per document are missing: enter a number.");
  }
  double tokens = std::round(*documents * *average);
  if (tokens > kMaxCorpusTokens) {
    throw InputError("average_tokens", format_count(*documents) + " documents × " +
                                           format_number(*average) + " tokens make " +
                                           format_number(tokens) +
                                           " tokens, out of range: at most " +
                                           format_number(kMaxCorpusTokens) + " tokens.");
  }
  return tokens;
}

json optional_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

json embedding_api(const json& in) {
  const Catalog& catalog = active_catalog();
  if (!in.is_object()) throw InputError("", "The input must be a JSON object.");
  auto name = text(in, "model", "The model");
  if (!name) throw InputError("model", "The model is missing: name an embedding model.");
  const Model& model = find_embedding_model(catalog, *name);

  EmbeddingInput e;
  std::optional<double> documents, average;
  e.corpus_tokens = corpus(in, documents, average);
  auto vectors = number(in, "vectors", "The number of vectors");
  if (vectors) {
    e.vectors = *vectors;
  } else if (documents) {
    e.vectors = *documents;
  } else if (e.corpus_tokens > 0) {
    throw InputError("vectors",
                     "The number of vectors is missing: with the corpus given as a token "
                     "count, enter how many vectors it makes (documents, or chunks).");
  }
  e.reembeds_per_month =
      number(in, "reembeds_per_month", "The re-embeddings per month").value_or(0.0);
  e.queries_per_month =
      optional_number(in, "queries_per_month", "The queries per month", kQueries).value_or(0.0);
  auto query_tokens = number(in, "query_tokens", "The tokens per query");
  if (!query_tokens && e.queries_per_month > 0) {
    throw InputError("query_tokens", "The tokens per query are missing: enter a number.");
  }
  e.query_tokens = query_tokens.value_or(0.0);
  e.dimensions = number(in, "dimensions", "The dimensions");
  if (auto p = text(in, "precision", "The precision")) e.precision = parse_precision(*p);
  if (auto it = in.find("batch"); it != in.end() && !it->is_null()) {
    if (!it->is_boolean()) throw InputError("batch", "Batch must be true or false.");
    e.batch = it->get<bool>();
  }
  e.at = date_input(catalog, in);
  e.counted_with = text(in, "counted_with", "The counting encoding");

  EmbeddingCost r = compute_embedding_cost(catalog, model, e);
  json tokens_exact = r.tokens_exact ? json(*r.tokens_exact) : json(nullptr);
  return {
      {"model",
       {{"id", model.id},
        {"provider", model.provider},
        {"name", model.name},
        {"resolved_from", *name}}},
      {"price_per_million", r.price_per_million},
      {"query_price_per_million", r.query_price_per_million},
      {"batch", e.batch},
      {"batch_multiplier", r.batch_multiplier},
      {"price_period", model.describe_period(*r.price_set)},
      {"date", format_instant(e.at)},
      {"source", model.source},
      {"as_of", model.as_of},
      {"long_context", r.long_context},
      {"corpus_tokens", r.corpus_tokens},
      {"documents", optional_json(documents)},
      {"average_tokens", optional_json(average)},
      {"vectors", r.vectors},
      {"tokens_per_vector", r.tokens_per_vector},
      {"counted_with", r.counted_with ? json(*r.counted_with) : json(nullptr)},
      {"tokens_exact", tokens_exact},
      {"one_time_cost", r.one_time_cost},
      {"reembeds_per_month", r.reembeds_per_month},
      {"monthly_reembed_tokens", r.monthly_reembed_tokens},
      {"monthly_reembed_cost", r.monthly_reembed_cost},
      {"queries_per_month", r.queries_per_month},
      {"query_tokens", r.query_tokens},
      {"monthly_query_tokens", r.monthly_query_tokens},
      {"monthly_query_cost", r.monthly_query_cost},
      {"monthly_cost", r.monthly_cost},
      {"first_year_cost", r.first_year_cost},
      {"dimensions", r.dimensions},
      {"native_dimensions", optional_json(r.native_dimensions)},
      {"precision", precision_id(r.precision)},
      {"bytes_per_vector", r.bytes_per_vector},
      {"storage_bytes", r.storage_bytes},
      {"notes", r.notes},
  };
}

}  // namespace llmcalc
