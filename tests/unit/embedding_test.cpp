#include "embedding/embedding_cost.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "catalog/active_catalog.h"
#include "catalog/model_tokenizer.h"
#include "catalog_test_data.h"
#include "embedding/embedding_json.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc {
namespace {

using nlohmann::json;

// Embedding models covering what the calculator must handle: a default
// dimension count or none, a dated price change, a provider without batch,
// a long-context tier, a deprecated model, and a chat model beside them.
json embedding_catalog() {
  json catalog = testing::tiny_catalog();  // its providers: alpha with batch, host without
  catalog["models"] = json::parse(R"json([
    {"id": "e-small", "provider": "alpha", "name": "E Small", "kind": "embedding", "aliases": ["e-small-v1"],
     "context_window": 8192, "max_output_tokens": null, "embedding_dimensions": 1536, "tokenizer": "cl100k_base",
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 0.02}],
     "source": "https://alpha.example/pricing", "as_of": "2026-09-23"},
    {"id": "e-flex", "provider": "alpha", "name": "E Flex", "kind": "embedding", "aliases": [],
     "context_window": 2048, "max_output_tokens": null, "embedding_dimensions": null, "tokenizer": "gemma3",
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 0.15}, {"when": {"from": "2026-06-01"}, "input": 0.1}],
     "source": "https://alpha.example/flex", "as_of": "2026-09-23"},
    {"id": "e-tier", "provider": "alpha", "name": "E Tier", "kind": "embedding", "aliases": [],
     "context_window": null, "max_output_tokens": null, "embedding_dimensions": 768, "tokenizer": null,
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": {"base": 0.1, "tiers": [{"start": 1000, "price": 0.2}]}}],
     "source": "https://alpha.example/pricing", "as_of": "2026-09-23"},
    {"id": "a-chat", "provider": "alpha", "name": "A Chat", "kind": "chat", "aliases": [],
     "context_window": 128000, "max_output_tokens": 16384, "embedding_dimensions": null, "tokenizer": "o200k_base",
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 2, "output": 8}],
     "source": "https://alpha.example/pricing", "as_of": "2026-09-23"},
    {"id": "h-embed", "provider": "host", "name": "H Embed", "kind": "embedding", "aliases": [],
     "context_window": 512, "max_output_tokens": null, "embedding_dimensions": 1024, "tokenizer": null,
     "deprecated": true, "deprecation_date": null, "shutdown_date": "2027-01-06",
     "prices": [{"when": null, "input": 0.1}],
     "source": "https://host.example/pricing", "as_of": "2026-09-23"},
    {"id": "h-chat", "provider": "host", "name": "H Chat", "kind": "chat", "aliases": [],
     "context_window": 8192, "max_output_tokens": null, "embedding_dimensions": null, "tokenizer": null,
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 1, "output": 2}],
     "source": "https://host.example/pricing", "as_of": "2026-09-23"}
  ])json");
  return catalog;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool any_note(const json& r, const std::string& part) {
  for (const auto& n : r["notes"]) {
    if (contains(n.get<std::string>(), part)) return true;
  }
  return false;
}

class Embedding : public ::testing::Test {
 protected:
  void SetUp() override {
    set_active_catalog(std::make_shared<const Catalog>(load_catalog(embedding_catalog())));
  }

  // A corpus of 10,000 documents × 500 tokens on e-small ($0.02 / 1M).
  static json base() {
    return {{"model", "e-small"}, {"documents", 10000}, {"average_tokens", 500}};
  }
  static json with(json in, const json& more) {
    in.update(more);
    return in;
  }
  static json call(const json& in) { return json_call_value(in, embedding_api); }
  // The field of the error `in` gives, or "<no error>".
  static std::string error_field(const json& in) {
    json r = call(in);
    if (!r.contains("error")) return "<no error>";
    EXPECT_FALSE(r["error"]["message"].get<std::string>().empty());
    return r["error"]["field"];
  }
};

TEST_F(Embedding, OneTimeMonthlyAndFirstYearCostByHand) {
  json r = call(
      with(base(),
           {{"reembeds_per_month", 2}, {"queries_per_month", "1,000,000"}, {"query_tokens", 20}}));
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["model"]["id"], "e-small");
  EXPECT_EQ(r["model"]["provider"], "alpha");
  EXPECT_EQ(r["model"]["name"], "E Small");
  EXPECT_EQ(r["corpus_tokens"], 5'000'000);  // 10,000 × 500
  EXPECT_EQ(r["documents"], 10000);
  EXPECT_EQ(r["average_tokens"], 500);
  EXPECT_EQ(r["vectors"], 10000);  // one per document by default
  EXPECT_EQ(r["tokens_per_vector"], 500);
  EXPECT_EQ(r["price_per_million"], 0.02);
  EXPECT_EQ(r["query_price_per_million"], 0.02);
  EXPECT_DOUBLE_EQ(r["one_time_cost"], 0.10);          // 5M × $0.02 / 1M
  EXPECT_EQ(r["monthly_reembed_tokens"], 10'000'000);  // 2 × 5M
  EXPECT_DOUBLE_EQ(r["monthly_reembed_cost"], 0.20);
  EXPECT_EQ(r["monthly_query_tokens"], 20'000'000);  // 1M queries × 20
  EXPECT_DOUBLE_EQ(r["monthly_query_cost"], 0.40);
  EXPECT_DOUBLE_EQ(r["monthly_cost"], 0.60);
  EXPECT_DOUBLE_EQ(r["first_year_cost"], 7.30);  // 0.10 + 12 × 0.60
  EXPECT_EQ(r["source"], "https://alpha.example/pricing");
  EXPECT_EQ(r["as_of"], "2026-09-23");
  EXPECT_EQ(r["price_period"], "standard");
  EXPECT_EQ(r["batch"], false);
  EXPECT_EQ(r["batch_multiplier"], 1);
  EXPECT_TRUE(r["tokens_exact"].is_null());  // numbers given, not counted here
  EXPECT_TRUE(r["counted_with"].is_null());
  EXPECT_TRUE(any_note(r, "index overhead (HNSW graphs, metadata, replicas) is not included"));
}

TEST_F(Embedding, StorageByDimensionsAndPrecision) {
  json r = call(base());
  EXPECT_EQ(r["dimensions"], 1536);  // the catalog's default
  EXPECT_EQ(r["native_dimensions"], 1536);
  EXPECT_EQ(r["precision"], "float32");
  EXPECT_EQ(r["bytes_per_vector"], 6144);     // 1,536 × 4
  EXPECT_EQ(r["storage_bytes"], 61'440'000);  // × 10,000 vectors
  EXPECT_FALSE(any_note(r, "differ from the model's native"));
  struct Case {
    const char* precision;
    double dimensions, bytes;
  } cases[] = {
      {"float32", 1536, 6144}, {"float16", 1536, 3072}, {"int8", 1536, 1536}, {"binary", 1536, 192},
      {"binary", 1000, 125},   {"BINARY", 1001, 126},   {"binary", 1, 1},     {" Int8 ", 256, 256},
  };
  for (const auto& c : cases) {
    json b = call(with(base(), {{"precision", c.precision}, {"dimensions", c.dimensions}}));
    ASSERT_FALSE(b.contains("error")) << b.dump();
    EXPECT_EQ(b["bytes_per_vector"], c.bytes) << c.precision << " " << c.dimensions;
    EXPECT_EQ(b["storage_bytes"], c.bytes * 10000) << c.precision;
  }
  EXPECT_EQ(bytes_per_vector(Precision::kBinary, 3072), 384);
}

TEST_F(Embedding, DimensionsOtherThanNativeAreAcceptedWithANote) {
  json shorter = call(with(base(), {{"dimensions", "512"}}));
  EXPECT_EQ(shorter["dimensions"], 512);
  EXPECT_EQ(shorter["bytes_per_vector"], 2048);
  EXPECT_TRUE(any_note(shorter, "The dimensions (512) differ from the model's native 1,536"));
  json longer = call(with(base(), {{"dimensions", 4096}}));
  EXPECT_TRUE(any_note(longer, "cannot return longer vectors"));
  // No default in the catalog: the dimensions are required, then accepted.
  json flex = {{"model", "e-flex"}, {"corpus_tokens", 1000}, {"vectors", 10}};
  json missing = call(flex);
  EXPECT_EQ(missing["error"]["field"], "dimensions");
  EXPECT_TRUE(contains(missing["error"]["message"], "alpha:e-flex")) << missing.dump();
  json given = call(with(flex, {{"dimensions", 768}}));
  EXPECT_EQ(given["dimensions"], 768);
  EXPECT_TRUE(given["native_dimensions"].is_null());
  EXPECT_FALSE(any_note(given, "native"));
}

TEST_F(Embedding, BatchHalvesTheCorpusButNotTheQueries) {
  json r = call(with(base(), {{"batch", true},
                              {"reembeds_per_month", 2},
                              {"queries_per_month", 1000000},
                              {"query_tokens", 20}}));
  EXPECT_EQ(r["batch_multiplier"], 0.5);
  EXPECT_EQ(r["price_per_million"], 0.01);
  EXPECT_EQ(r["query_price_per_million"], 0.02);
  EXPECT_DOUBLE_EQ(r["one_time_cost"], 0.05);
  EXPECT_DOUBLE_EQ(r["monthly_reembed_cost"], 0.10);
  EXPECT_DOUBLE_EQ(r["monthly_query_cost"], 0.40);
  EXPECT_DOUBLE_EQ(r["first_year_cost"], 0.05 + 12 * 0.50);
  EXPECT_TRUE(any_note(r, "queries need an answer at once"));
  // A provider without batch prices: an error on the batch field, not $0.
  json host = call({{"model", "h-embed"}, {"corpus_tokens", 100}, {"vectors", 1}, {"batch", true}});
  EXPECT_EQ(host["error"]["field"], "batch");
  EXPECT_TRUE(contains(host["error"]["message"], "host:h-embed does not offer a batch price"));
  EXPECT_EQ(error_field(with(base(), {{"batch", "yes"}})), "batch");
}

TEST_F(Embedding, TheDateSelectsThePriceInForce) {
  json in = {
      {"model", "e-flex"}, {"corpus_tokens", 2'000'000}, {"vectors", 2000}, {"dimensions", 768}};
  json before = call(with(in, {{"date", "2026-05-31"}}));
  json after = call(with(in, {{"date", "2026-06-01T00:00:00Z"}}));
  EXPECT_DOUBLE_EQ(before["one_time_cost"], 0.30);  // 2M × $0.15 / 1M
  EXPECT_DOUBLE_EQ(after["one_time_cost"], 0.20);   // 2M × $0.10 / 1M
  EXPECT_EQ(after["price_period"], "from 2026-06-01");
  EXPECT_EQ(after["date"], "2026-06-01T00:00:00Z");
  EXPECT_EQ(error_field(with(in, {{"date", "soon"}})), "date");
}

TEST_F(Embedding, LongContextTiersApplyPerRequestNotToTheWholeCorpus) {
  // 1M tokens in 2,000 vectors of 500: each request is below the tier at
  // 1,000 tokens, so the base price holds although the corpus is above it.
  json small = call({{"model", "e-tier"}, {"corpus_tokens", 1'000'000}, {"vectors", 2000}});
  EXPECT_EQ(small["price_per_million"], 0.1);
  EXPECT_DOUBLE_EQ(small["one_time_cost"], 0.1);
  EXPECT_EQ(small["long_context"], false);
  // 500 vectors of 2,000 tokens: every request is above it.
  json big = call({{"model", "e-tier"}, {"corpus_tokens", 1'000'000}, {"vectors", 500}});
  EXPECT_EQ(big["price_per_million"], 0.2);
  EXPECT_DOUBLE_EQ(big["one_time_cost"], 0.2);
  EXPECT_EQ(big["long_context"], true);
  EXPECT_TRUE(any_note(big, "long-context threshold"));
  // Queries are priced by their own size.
  json q = call({{"model", "e-tier"},
                 {"corpus_tokens", 1'000'000},
                 {"vectors", 500},
                 {"queries_per_month", 1000},
                 {"query_tokens", 10}});
  EXPECT_EQ(q["query_price_per_million"], 0.1);
  EXPECT_DOUBLE_EQ(q["monthly_query_cost"], 0.1 * 10000 / 1e6);
}

TEST_F(Embedding, CorpusAsATokenCountNeedsVectors) {
  json r = call({{"model", "e-small"}, {"corpus_tokens", "1,234,567"}, {"vectors", 321}});
  EXPECT_EQ(r["corpus_tokens"], 1234567);
  EXPECT_TRUE(r["documents"].is_null());
  EXPECT_DOUBLE_EQ(r["tokens_per_vector"], 1234567.0 / 321);
  EXPECT_DOUBLE_EQ(r["one_time_cost"], 0.02 * 1234567 / 1e6);
  json missing = call({{"model", "e-small"}, {"corpus_tokens", 1000}});
  EXPECT_EQ(missing["error"]["field"], "vectors");
  EXPECT_TRUE(contains(missing["error"]["message"], "chunks")) << missing.dump();
  // Documents beside a token count give the default number of vectors.
  json docs = call({{"model", "e-small"}, {"corpus_tokens", 1000}, {"documents", 3}});
  EXPECT_EQ(docs["vectors"], 3);
  // Chunked: more vectors than documents.
  json chunked = call(with(base(), {{"vectors", 40000}}));
  EXPECT_EQ(chunked["vectors"], 40000);
  EXPECT_EQ(chunked["storage_bytes"], 40000.0 * 6144);
  EXPECT_DOUBLE_EQ(chunked["one_time_cost"], 0.10);  // the same tokens
  // An empty corpus prices the queries alone.
  json empty = call({{"model", "e-small"},
                     {"corpus_tokens", 0},
                     {"queries_per_month", 500},
                     {"query_tokens", 1000}});
  EXPECT_EQ(empty["one_time_cost"], 0);
  EXPECT_EQ(empty["storage_bytes"], 0);
  EXPECT_DOUBLE_EQ(empty["monthly_query_cost"], 0.01);
}

TEST_F(Embedding, FractionalReembeddingsAndAverages) {
  json r = call(with(base(), {{"reembeds_per_month", 0.25}, {"average_tokens", 512.5}}));
  EXPECT_EQ(r["corpus_tokens"], 5'125'000);  // 10,000 × 512.5
  EXPECT_DOUBLE_EQ(r["monthly_reembed_cost"], 0.1025 * 0.25);
  // 333 × 1.5 = 499.5 rounds to a whole token count.
  json odd = call({{"model", "e-small"}, {"documents", 333}, {"average_tokens", 1.5}});
  EXPECT_EQ(odd["corpus_tokens"], 500);
}

TEST_F(Embedding, ModelsThatAreNotEmbeddingModelsAreNamedErrors) {
  json chat = call(with(base(), {{"model", "a-chat"}}));
  EXPECT_EQ(chat["error"]["field"], "model");
  EXPECT_TRUE(contains(chat["error"]["message"],
                       "alpha:a-chat is a chat model, not an embedding model. Closest "
                       "embedding models: "))
      << chat.dump();
  // The chat model's own provider's embedding models come first.
  EXPECT_TRUE(contains(chat["error"]["message"], "models: e-small, e-flex or e-tier."))
      << chat.dump();
  json host_chat = call(with(base(), {{"model", "h-chat"}}));
  EXPECT_TRUE(contains(host_chat["error"]["message"], "models: h-embed, ")) << host_chat.dump();
  json unknown = call(with(base(), {{"model", "e-smal"}}));
  EXPECT_TRUE(contains(unknown["error"]["message"],
                       "Unknown embedding model \"e-smal\". Closest embedding models: e-small"))
      << unknown.dump();
  EXPECT_EQ(call(with(base(), {{"model", "E-SMALL-V1"}}))["model"]["id"], "e-small");
  EXPECT_EQ(call(with(base(), {{"model", "alpha:e-small"}}))["model"]["resolved_from"],
            "alpha:e-small");
  for (const json& bad : {json(nullptr), json(""), json("  "), json(5)}) {
    EXPECT_EQ(error_field(with(base(), {{"model", bad}})), "model") << bad;
  }
}

TEST_F(Embedding, BadInputNamesTheField) {
  const std::pair<json, const char*> cases[] = {
      {{{"documents", -1}}, "documents"},
      {{{"documents", "abc"}}, "documents"},
      {{{"documents", 1.5}}, "documents"},
      {{{"documents", "1e308"}}, "documents"},
      {{{"documents", nullptr}}, "documents"},
      {{{"average_tokens", "NaN"}}, "average_tokens"},
      {{{"average_tokens", "Infinity"}}, "average_tokens"},
      {{{"average_tokens", 1e308}}, "average_tokens"},
      {{{"average_tokens", "1e999"}}, "average_tokens"},
      {{{"average_tokens", 0}}, "average_tokens"},
      {{{"average_tokens", ""}}, "average_tokens"},
      {{{"documents", 1e13}, {"average_tokens", 1000}}, "average_tokens"},  // 1e16 tokens
      {{{"corpus_tokens", 5}}, "average_tokens"},                           // both forms
      {{{"vectors", -3}}, "vectors"},
      {{{"vectors", 2.5}}, "vectors"},
      {{{"vectors", "1e308"}}, "vectors"},
      {{{"vectors", 5'000'001}}, "vectors"},  // more vectors than tokens
      {{{"reembeds_per_month", -1}}, "reembeds_per_month"},
      {{{"reembeds_per_month", 1e308}}, "reembeds_per_month"},
      {{{"reembeds_per_month", "weekly"}}, "reembeds_per_month"},
      {{{"queries_per_month", "-5"}}, "queries_per_month"},
      {{{"queries_per_month", "1e308"}}, "queries_per_month"},
      {{{"queries_per_month", 10}}, "query_tokens"},  // tokens per query missing
      {{{"queries_per_month", 10}, {"query_tokens", 0}}, "query_tokens"},
      {{{"query_tokens", "inf"}}, "query_tokens"},
      {{{"query_tokens", 1e308}}, "query_tokens"},
      {{{"dimensions", 0}}, "dimensions"},
      {{{"dimensions", 100.5}}, "dimensions"},
      {{{"dimensions", 65537}}, "dimensions"},
      {{{"dimensions", "1e308"}}, "dimensions"},
      {{{"dimensions", "many"}}, "dimensions"},
      {{{"precision", "float64"}}, "precision"},
      {{{"precision", 4}}, "precision"},
      {{{"counted_with", "mistral"}}, "counted_with"},
  };
  for (const auto& [edit, field] : cases) {
    EXPECT_EQ(error_field(with(base(), edit)), field) << edit.dump();
  }
  EXPECT_EQ(error_field({{"model", "e-small"}}), "documents");
  EXPECT_EQ(error_field({{"model", "e-small"}, {"documents", 5}}), "average_tokens");
  EXPECT_EQ(error_field(json::array()), "");
  json precision = call(with(base(), {{"precision", "float64"}}));
  EXPECT_EQ(precision["error"]["message"],
            "The precision \"float64\" is not known: use float32, float16, int8 or binary.");
  json huge = call(with(base(), {{"documents", "1e308"}}));
  EXPECT_TRUE(contains(huge["error"]["message"], "out of range")) << huge.dump();
}

TEST_F(Embedding, ResultsHoldNoNaNOrInfinityAtTheLimits) {
  json r = call({{"model", "e-small"},
                 {"corpus_tokens", 1e15},
                 {"vectors", 1e13},
                 {"reembeds_per_month", 1000},
                 {"queries_per_month", 1e13},
                 {"query_tokens", 1e7},
                 {"dimensions", 65536}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  std::function<void(const json&)> walk = [&](const json& v) {
    if (v.is_number()) {
      EXPECT_TRUE(std::isfinite(v.get<double>())) << v;
    } else if (v.is_structured()) {
      for (const auto& child : v) walk(child);
    }
  };
  walk(r);
  EXPECT_EQ(r["storage_bytes"], 1e13 * 65536 * 4);
}

TEST_F(Embedding, CountedTextIsExactOnlyWithTheModelsOwnTokenizer) {
  json exact = call({{"model", "e-small"},
                     {"corpus_tokens", 100},
                     {"vectors", 1},
                     {"counted_with", "cl100k_base"}});
  EXPECT_EQ(exact["tokens_exact"], true);
  EXPECT_EQ(exact["counted_with"], "cl100k_base");
  EXPECT_FALSE(any_note(exact, "estimate"));
  json estimate = call({{"model", "e-flex"},
                        {"corpus_tokens", 100},
                        {"vectors", 1},
                        {"dimensions", 768},
                        {"counted_with", "o200k_base"}});
  EXPECT_EQ(estimate["tokens_exact"], false);
  EXPECT_TRUE(any_note(estimate,
                       "The token count is an estimate: e-flex uses the gemma3 tokenizer, which "
                       "llmcalc cannot run yet, so the text was counted with o200k_base."))
      << estimate.dump();
  json unknown = call({{"model", "h-embed"},
                       {"corpus_tokens", 100},
                       {"vectors", 1},
                       {"counted_with", "o200k_base"}});
  EXPECT_EQ(unknown["tokens_exact"], false);
  EXPECT_TRUE(any_note(unknown, "llmcalc has no tokenizer for h-embed"));
  const Catalog& c = active_catalog();
  EXPECT_EQ(token_counting(*c.find("e-small")).encoding, "cl100k_base");
  EXPECT_EQ(token_counting(*c.find("e-flex")).encoding, "o200k_base");
  EXPECT_EQ(token_counting(*c.find("h-embed")).encoding, "o200k_base");
}

TEST_F(Embedding, NotesForInputLimitsAndDeprecation) {
  json r = call({{"model", "h-embed"},
                 {"documents", 10},
                 {"average_tokens", 600},
                 {"queries_per_month", 1},
                 {"query_tokens", 700}});
  EXPECT_TRUE(any_note(r, "Each vector averages 600 tokens, above h-embed's input limit of 512"))
      << r.dump();
  EXPECT_TRUE(any_note(r, "A query of 700 tokens is above h-embed's input limit of 512 tokens."));
  EXPECT_TRUE(any_note(r, "host:h-embed is deprecated: it shuts down on 2027-01-06"));
  json chunked =
      call({{"model", "h-embed"}, {"documents", 10}, {"average_tokens", 600}, {"vectors", 20}});
  EXPECT_FALSE(any_note(chunked, "input limit"));
}

TEST_F(Embedding, NativeApiChecksItsOwnInput) {
  const Catalog& c = active_catalog();
  EmbeddingInput in;
  in.corpus_tokens = std::nan("");
  EXPECT_THROW(compute_embedding_cost(c, *c.find("e-small"), in), InputError);
  in.corpus_tokens = 10;
  in.vectors = 1;
  in.dimensions = std::numeric_limits<double>::infinity();
  try {
    compute_embedding_cost(c, *c.find("e-small"), in);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "dimensions");
  }
  try {
    find_embedding_model(c, "a-chat");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "model");
  }
  EXPECT_EQ(parse_precision("float16"), Precision::kFloat16);
  EXPECT_STREQ(precision_id(Precision::kInt8), "int8");
}

}  // namespace
}  // namespace llmcalc
