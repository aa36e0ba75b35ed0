// llmcalc embedding: what embedding a corpus costs once and a month, and
// the storage of its vectors (src/embedding/, the same core the page runs
// as wasm). The corpus comes as numbers or as files counted here with the
// model's tokenizer — or, for a model whose tokenizer llmcalc cannot run,
// with o200k_base and marked as an estimate.
#include <algorithm>
#include <iostream>
#include <string>
#include <utility>

#include "catalog/active_catalog.h"
#include "catalog/model_tokenizer.h"
#include "catalog_command.h"
#include "command.h"
#include "command_args.h"
#include "embedded_catalog.h"
#include "embedding/embedding_json.h"
#include "json/utf8.h"
#include "read_input.h"
#include "util/format.h"
#include "util/input_error.h"
#include "util/json_call.h"
#include "vocab_files.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc embedding --model ID (--documents N --average-tokens T | --tokens N\n"
    "                         | FILE... | -) [--vectors V] [--reembeds-per-month R]\n"
    "                         [--queries-per-month Q --query-tokens T] [--dimensions D]\n"
    "                         [--precision P] [--batch] [--date D] [--json]\n"
    "\n"
    "What embedding a corpus costs on an embedding model of the built-in catalog:\n"
    "once (the whole corpus), a month (re-embedding it and embedding the queries)\n"
    "and over the first year (one-time + 12 x monthly); and how many bytes its\n"
    "vectors take (vectors x dimensions x bytes per dimension; no index overhead).\n"
    "\n"
    "The corpus, one of:\n"
    "  --documents N --average-tokens T   N documents of T tokens on average\n"
    "  --tokens N                         a corpus of N tokens (give --vectors or\n"
    "                                     --documents too)\n"
    "  FILE... or -                       files (or stdin), one document each,\n"
    "                                     counted with the model's tokenizer: exact\n"
    "                                     for OpenAI models; for others (Gemini,\n"
    "                                     Mistral, Cohere) counted with o200k_base\n"
    "                                     and marked as an estimate. Files must be\n"
    "                                     non-empty UTF-8 text; special-token text\n"
    "                                     such as <|endoftext|> counts as text.\n"
    "\n"
    "options:\n"
    "  --model ID              an embedding model (llmcalc models lists them, kind\n"
    "                          embedding); id, alias or provider:id\n"
    "  --vectors V             vectors stored (default: one per document or FILE;\n"
    "                          chunked, the chunk count - see llmcalc chunk)\n"
    "  --reembeds-per-month R  full re-embeddings of the corpus a month (default 0;\n"
    "                          0.0833 = yearly, 0.333 = quarterly, 4.35 = weekly,\n"
    "                          30.44 = daily; 0.1 = a tenth of it changes a month)\n"
    "  --queries-per-month Q   queries embedded a month (default 0)\n"
    "  --query-tokens T        average tokens per query (needed with queries)\n"
    "  --dimensions D          vector length (default: the model's own; required\n"
    "                          when the catalog has none); 1 to 65,536\n"
    "  --precision P           float32 (default, 4 bytes a dimension), float16 (2),\n"
    "                          int8 (1) or binary (1 bit, whole bytes per vector)\n"
    "  --batch                 the provider's batch price for the corpus and its\n"
    "                          re-embeddings (queries keep the standard price); an\n"
    "                          error where the provider has no batch price\n"
    "  --date D                prices in force at D, YYYY-MM-DD[THH:MM:SSZ]\n"
    "                          (default: now)\n"
    "  --json                  print one JSON object: one_time_cost, monthly_cost,\n"
    "                          first_year_cost, monthly_reembed_cost,\n"
    "                          monthly_query_cost, corpus_tokens, vectors,\n"
    "                          dimensions, precision, bytes_per_vector,\n"
    "                          storage_bytes, price_per_million, tokens_exact\n"
    "                          (null for numbers), notes, ...; with FILEs also\n"
    "                          files: [{file, tokens}]\n"
    "  -h, --help              show this help\n"
    "\n"
    "Costs are USD; storage uses decimal units (1 MB = 1,000,000 bytes). Numbers may\n"
    "use thousands separators (1,000,000). Vocabularies are read from\n"
    "$LLMCALC_VOCAB_DIR or js/vocab/. Exit codes: 0 success, 1 invalid input\n"
    "(reason on stderr), 2 usage error.\n";

// CLI flag -> JSON input key.
const FlagKeys kFlagKeys = {
    {"--model", "model"},
    {"--documents", "documents"},
    {"--average-tokens", "average_tokens"},
    {"--tokens", "corpus_tokens"},
    {"--vectors", "vectors"},
    {"--reembeds-per-month", "reembeds_per_month"},
    {"--queries-per-month", "queries_per_month"},
    {"--query-tokens", "query_tokens"},
    {"--dimensions", "dimensions"},
    {"--precision", "precision"},
    {"--date", "date"},
};

std::string flag_for(const std::string& key) {
  for (const auto& [flag, k] : kFlagKeys) {
    if (key == k) return flag;
  }
  if (key == "batch") return "--batch";
  return key == "file" ? "FILE" : key;
}

std::string usd(const nlohmann::json& v) { return format_usd(v.get<double>()); }
std::string count(const nlohmann::json& v) { return format_count(v.get<double>()); }
std::string num(const nlohmann::json& v) { return format_number(v.get<double>()); }
std::string vectors(const nlohmann::json& v) {
  return count(v) + (v.get<double>() == 1 ? " vector" : " vectors");
}

void print_text(const nlohmann::json& r) {
  const auto& m = r["model"];
  std::cout << m["provider"].get<std::string>() << ":" << m["id"].get<std::string>() << " ("
            << m["name"].get<std::string>() << "), " << usd(r["price_per_million"])
            << " / 1M tokens" << (r["batch"].get<bool>() ? " (batch)" : "") << ", prices as of "
            << r["as_of"].get<std::string>() << ", " << r["price_period"].get<std::string>()
            << "\n";
  if (r.contains("files") && r["files"].size() > 1) {
    for (const auto& f : r["files"]) {
      std::cout << "  " << count(f["tokens"]) << " tokens  " << f["file"].get<std::string>()
                << "\n";
    }
  }
  std::cout << "Corpus: " << count(r["corpus_tokens"]) << " tokens in " << vectors(r["vectors"]);
  if (r["vectors"].get<double>() > 0) {
    std::cout << " (" << num(r["tokens_per_vector"]) << " tokens each)";
  }
  if (!r["tokens_exact"].is_null()) {
    std::cout << (r["tokens_exact"].get<bool>() ? ", counted exactly with "
                                                : ", an estimate counted with ")
              << r["counted_with"].get<std::string>();
  }
  std::cout << "\n";
  auto row = [](std::string label, const std::string& value) {
    label.resize(std::max<std::size_t>(label.size() + 1, 40), ' ');
    std::cout << "  " << label << value << "\n";
  };
  bool queries = r["queries_per_month"].get<double>() > 0;
  row("one-time: embed the corpus", usd(r["one_time_cost"]));
  double reembeds = r["reembeds_per_month"].get<double>();
  row(reembeds > 0 ? "re-embedding: " + format_number(reembeds, 4) + " x a month"
                   : "re-embedding: none",
      usd(r["monthly_reembed_cost"]) + " / month");
  row(queries ? "queries: " + count(r["queries_per_month"]) + " x " + num(r["query_tokens"]) +
                    " tokens a month"
              : "queries: none",
      usd(r["monthly_query_cost"]) + " / month" +
          (queries && r["batch"].get<bool>() ? " (standard price)" : ""));
  row("monthly", usd(r["monthly_cost"]) + " / month");
  row("first year (one-time + 12 x monthly)", usd(r["first_year_cost"]));
  std::cout << "Storage: " << vectors(r["vectors"]) << " x " << count(r["dimensions"])
            << " dimensions, " << r["precision"].get<std::string>() << " ("
            << format_bytes(r["bytes_per_vector"].get<double>())
            << " each) = " << format_bytes(r["storage_bytes"].get<double>()) << "\n";
  for (const auto& note : r["notes"]) std::cout << "Note: " << note.get<std::string>() << "\n";
  std::cout << "Source: " << r["source"].get<std::string>() << "\n";
}

// Counts each file with the model's counting encoding; sets the corpus
// fields of `input` and returns [{file, tokens}].
nlohmann::json count_files(const std::vector<std::string>& files, nlohmann::json& input) {
  const Model& model = find_embedding_model(active_catalog(), input.value("model", std::string()));
  std::string name = token_counting(model).encoding;
  auto encoding = load_encoding_files(name);
  tokenizer::SpecialPolicy as_text;
  as_text.others_as_text = true;
  nlohmann::json per_file = nlohmann::json::array();
  double total = 0;
  for (const auto& path : files) {
    std::string text = read_all(path);
    if (text.empty()) {
      throw InputError(
          "file", display_name(path) + " is empty: an embedding input needs at least one token.");
    }
    if (std::size_t bad = find_invalid_utf8(text); bad != std::string::npos) {
      throw InputError("file", display_name(path) + " is not UTF-8 text (" +
                                   describe_char_at(text, bad) + " at offset " +
                                   std::to_string(bad) +
                                   "): embedding APIs take text; convert it to UTF-8 first.");
    }
    auto tokens = static_cast<double>(encoding->count(text, as_text));
    total += tokens;
    per_file.push_back({{"file", display_name(path)}, {"tokens", tokens}});
  }
  input["corpus_tokens"] = total;
  input["documents"] = static_cast<double>(files.size());
  input["counted_with"] = name;
  return per_file;
}

// An error reply with the option at fault, as run_json_api() gives it.
int report(nlohmann::json error, bool json_output) {
  auto& e = error["error"];
  std::string field = e.value("field", std::string());
  if (!field.empty()) e["option"] = flag_for(field);
  return report_error(error, json_output);
}

void check_corpus_form(const Args& args) {
  bool files = !args.positional().empty();
  bool tokens = args.has("--tokens");
  bool documents = args.has("--documents");
  bool average = args.has("--average-tokens");
  if (files && (tokens || documents || average)) {
    throw UsageError(
        "FILE arguments are the corpus: give no --tokens, --documents or "
        "--average-tokens with them");
  }
  if (tokens && average) throw UsageError("give --tokens or --average-tokens, not both");
  if (files || tokens || (documents && average)) return;
  if (documents) throw UsageError("--documents needs --average-tokens (or --tokens)");
  if (average) throw UsageError("--average-tokens needs --documents");
  throw UsageError("give the corpus: --documents N --average-tokens T, --tokens N, or FILE...");
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  for (const auto& [flag, key] : kFlagKeys) spec.with_value.insert(flag);
  spec.switches = {"--batch", "--json"};
  auto args = parse_or_help(argv, spec, kUsage);
  if (!args) return kExitOk;
  if (!args->has("--model")) throw UsageError("--model is required");
  check_corpus_form(*args);
  bool json_output = args->flag("--json");
  load_embedded_catalog();
  nlohmann::json files;
  nlohmann::json result;
  try {
    nlohmann::json input = catalog_input(*args, kFlagKeys);
    if (!args->positional().empty()) files = count_files(args->positional(), input);
    result = json_call_value(input, embedding_api);
  } catch (const InputError& e) {
    result = error_json(e.field(), e.what());
  }
  if (result.contains("error")) return report(result, json_output);
  if (!files.is_null()) result["files"] = files;
  if (json_output) {
    std::cout << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    print_text(result);
  }
  return kExitOk;
}

}  // namespace

int run_embedding(const std::vector<std::string>& args) {
  return guarded_catalog_command(kUsage, body, args);
}

}  // namespace llmcalc::cli
