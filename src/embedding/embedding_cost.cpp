#include "embedding/embedding_cost.h"

#include <cmath>

#include "cost/cost.h"
#include "tokenizer/encoding_spec.h"
#include "util/closest.h"
#include "util/format.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc {
namespace {

std::string lowered_trimmed(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  auto first = out.find_first_not_of(" \t\r\n");
  auto last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : out.substr(first, last - first + 1);
}

// The shared range rule (util/number_input.h), plus whole numbers where
// the quantity counts things.
void check(double value, NumberRange range, bool whole, const char* field,
           const std::string& label) {
  check_range(value, range, field, label);
  if (whole && std::floor(value) != value) {
    throw InputError(field,
                     label + " must be a whole number, not " + format_number(value, 6) + ".");
  }
}

std::string model_name(const Model& m) { return m.provider + ":" + m.id; }

// The input price per 1M tokens in force for one request of `tokens`, by
// the cost engine's rules (date, tier, batch). A missing input price is
// the model's fault, not the usage's: reported on "model".
CostResult request_price(const Catalog& catalog, const Model& model, double tokens, bool batch,
                         const Instant& at) {
  Usage usage;
  usage.input = std::ceil(tokens);
  usage.batch = batch;
  usage.at = at;
  try {
    return compute_cost(catalog, model, usage);
  } catch (const InputError& e) {
    if (e.field() == "input") throw InputError("model", e.what());
    throw;
  }
}

double input_line_price(const CostResult& r) {
  for (const auto& line : r.lines) {
    if (line.kind == "input") return line.price_per_million;
  }
  throw InputError("model", model_name(*r.model) +
                                " has no input price in the catalog, so embeddings cannot be "
                                "priced.");
}

void add_dimension_notes(EmbeddingCost& r) {
  if (!r.native_dimensions || *r.native_dimensions == r.dimensions) return;
  std::string d = format_count(r.dimensions);
  std::string native = format_count(*r.native_dimensions);
  if (r.dimensions < *r.native_dimensions) {
    r.notes.push_back("The dimensions (" + d + ") differ from the model's native " + native +
                      ": storage is computed for " + d +
                      ". Shorter vectors need a model that can return them (Matryoshka-style, "
                      "such as the dimensions parameter of OpenAI's text-embedding-3) or "
                      "truncation on your side.");
  } else {
    r.notes.push_back("The dimensions (" + d + ") differ from the model's native " + native +
                      ": the model cannot return longer vectors, so check this number; storage "
                      "is computed for " +
                      d + " as entered.");
  }
}

void add_limit_notes(EmbeddingCost& r) {
  const Model& m = *r.model;
  if (m.context_window && r.vectors > 0 && r.tokens_per_vector > *m.context_window) {
    r.notes.push_back("Each vector averages " + format_count(r.tokens_per_vector) +
                      " tokens, above " + m.id + "'s input limit of " +
                      format_count(*m.context_window) +
                      " tokens: split the documents into chunks and give the chunk count as "
                      "the number of vectors.");
  }
  if (m.context_window && r.queries_per_month > 0 && r.query_tokens > *m.context_window) {
    r.notes.push_back("A query of " + format_count(r.query_tokens) + " tokens is above " + m.id +
                      "'s input limit of " + format_count(*m.context_window) + " tokens.");
  }
  if (r.long_context) {
    r.notes.push_back(
        "Requests of this size are above the model's long-context threshold, so "
        "they are billed at the higher tier.");
  }
}

}  // namespace

const char* precision_id(Precision p) {
  switch (p) {
    case Precision::kFloat32:
      return "float32";
    case Precision::kFloat16:
      return "float16";
    case Precision::kInt8:
      return "int8";
    case Precision::kBinary:
      return "binary";
  }
  return "";
}

Precision parse_precision(std::string_view text, const std::string& field) {
  std::string key = lowered_trimmed(text);
  for (Precision p :
       {Precision::kFloat32, Precision::kFloat16, Precision::kInt8, Precision::kBinary}) {
    if (key == precision_id(p)) return p;
  }
  std::string shown(text.substr(0, 40));
  throw InputError(
      field, "The precision \"" + shown + "\" is not known: use float32, float16, int8 or binary.");
}

double bytes_per_vector(Precision p, double dimensions) {
  switch (p) {
    case Precision::kFloat32:
      return 4 * dimensions;
    case Precision::kFloat16:
      return 2 * dimensions;
    case Precision::kInt8:
      return dimensions;
    case Precision::kBinary:
      return std::ceil(dimensions / 8);
  }
  return 0;
}

const Model& find_embedding_model(const Catalog& catalog, std::string_view name) {
  std::string key = lowered_trimmed(name);
  if (key.empty()) throw InputError("model", "The model is missing: name an embedding model.");
  const Model* m = catalog.find(name);
  if (m && m->kind == "embedding") return *m;
  // For a model of another kind, its provider's embedding models come
  // first (gpt-4o -> text-embedding-3-*): the likely meaning of the mistake.
  std::vector<std::string> same_provider, others;
  for (const auto& e : catalog.models) {
    if (e.kind != "embedding") continue;
    (m && e.provider == m->provider ? same_provider : others).push_back(e.id);
  }
  std::vector<std::string> closest = closest_names(key, same_provider, 3);
  for (const auto& id : closest_names(key, others, 3)) {
    if (closest.size() < 3) closest.push_back(id);
  }
  if (!m) {
    throw InputError("model", "Unknown embedding model \"" + std::string(name.substr(0, 80)) +
                                  "\". Closest embedding models: " + join_or(closest) + ".");
  }
  throw InputError("model", model_name(*m) + " is a " + m->kind +
                                " model, not an embedding model. Closest embedding models: " +
                                join_or(closest) + ".");
}

EmbeddingCost compute_embedding_cost(const Catalog& catalog, const Model& model,
                                     const EmbeddingInput& in) {
  check(in.corpus_tokens, {0, kMaxCorpusTokens}, true, "corpus_tokens", "The corpus token count");
  check(in.vectors, {0, kMaxVectors}, true, "vectors", "The number of vectors");
  if (in.corpus_tokens > 0 && in.vectors < 1) {
    throw InputError("vectors", "The number of vectors must be at least 1 for a corpus of " +
                                    format_count(in.corpus_tokens) + " tokens.");
  }
  if (in.vectors > in.corpus_tokens) {
    throw InputError("vectors", "The number of vectors (" + format_count(in.vectors) +
                                    ") cannot exceed the corpus tokens (" +
                                    format_count(in.corpus_tokens) +
                                    "): each vector embeds at least one token.");
  }
  check(in.reembeds_per_month, {0, kMaxReembedsPerMonth}, false, "reembeds_per_month",
        "The re-embeddings per month");
  check(in.queries_per_month, {0, kMaxQueriesPerMonth}, false, "queries_per_month",
        "The queries per month");
  check(in.query_tokens, {0, kMaxQueryTokens}, false, "query_tokens", "The tokens per query");
  if (in.queries_per_month > 0 && in.query_tokens < 1) {
    throw InputError("query_tokens",
                     "The tokens per query must be at least 1 when there are queries.");
  }

  EmbeddingCost r;
  r.model = &model;
  r.native_dimensions = model.embedding_dimensions;
  if (in.dimensions) {
    check(*in.dimensions, {1, kMaxEmbeddingDimensions}, true, "dimensions", "The dimensions");
    r.dimensions = *in.dimensions;
  } else if (model.embedding_dimensions) {
    r.dimensions = *model.embedding_dimensions;
  } else {
    throw InputError("dimensions", "The catalog has no vector size for " + model_name(model) +
                                       ": enter the dimensions of its vectors.");
  }

  if (in.counted_with) {
    try {
      tokenizer::encoding_spec(*in.counted_with);
    } catch (const InputError& e) {
      throw InputError("counted_with", e.what());
    }
    r.counted_with = in.counted_with;
    r.tokens_exact = model.tokenizer && *model.tokenizer == *in.counted_with;
  }

  r.corpus_tokens = in.corpus_tokens;
  r.vectors = in.vectors;
  r.tokens_per_vector = in.vectors > 0 ? in.corpus_tokens / in.vectors : 0;
  CostResult corpus = request_price(catalog, model, r.tokens_per_vector, in.batch, in.at);
  CostResult query = request_price(catalog, model, in.query_tokens, false, in.at);
  r.price_set = corpus.price_set;
  r.batch_multiplier = corpus.batch_multiplier;
  r.price_per_million = input_line_price(corpus);
  r.query_price_per_million = input_line_price(query);
  r.long_context = (corpus.long_context && in.corpus_tokens > 0) ||
                   (query.long_context && in.queries_per_month > 0);

  // price × tokens / 1e6 in this order, as the cost engine computes it.
  r.one_time_cost = r.price_per_million * in.corpus_tokens / 1e6;
  r.reembeds_per_month = in.reembeds_per_month;
  r.monthly_reembed_tokens = in.corpus_tokens * in.reembeds_per_month;
  r.monthly_reembed_cost = r.one_time_cost * in.reembeds_per_month;
  r.queries_per_month = in.queries_per_month;
  r.query_tokens = in.query_tokens;
  r.monthly_query_tokens = in.queries_per_month * in.query_tokens;
  r.monthly_query_cost = r.query_price_per_million * r.monthly_query_tokens / 1e6;
  r.monthly_cost = r.monthly_reembed_cost + r.monthly_query_cost;
  r.first_year_cost = r.one_time_cost + 12 * r.monthly_cost;

  r.precision = in.precision;
  r.bytes_per_vector = bytes_per_vector(in.precision, r.dimensions);
  r.storage_bytes = in.vectors * r.bytes_per_vector;

  if (r.tokens_exact && !*r.tokens_exact) {
    std::string why = model.tokenizer ? model.id + " uses the " + *model.tokenizer +
                                            " tokenizer, which llmcalc cannot run yet"
                                      : "llmcalc has no tokenizer for " + model.id;
    r.notes.push_back("The token count is an estimate: " + why + ", so the text was counted with " +
                      *in.counted_with + ". The provider's count will differ.");
  }
  add_dimension_notes(r);
  add_limit_notes(r);
  if (in.batch && in.queries_per_month > 0) {
    r.notes.push_back(
        "Batch prices apply to embedding the corpus and re-embedding it; queries "
        "need an answer at once, so they are priced at the standard rate.");
  }
  if (model.deprecated) {
    auto shutdown = model.raw.find("shutdown_date");
    bool dated = shutdown != model.raw.end() && shutdown->is_string();
    r.notes.push_back(model_name(model) + " is deprecated" +
                      (dated ? ": it shuts down on " + shutdown->get<std::string>() : "") +
                      "; vectors from another model are not compatible, so a switch means "
                      "re-embedding the corpus.");
  }
  r.notes.push_back(
      "Storage counts the raw vectors only: index overhead (HNSW graphs, "
      "metadata, replicas) is not included.");
  return r;
}

}  // namespace llmcalc
