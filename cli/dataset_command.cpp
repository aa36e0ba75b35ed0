// llmcalc dataset: checks a chat fine-tuning file (JSONL) the way OpenAI's
// cookbook does, streaming it in 1 MiB chunks so a large file needs little
// memory (src/dataset/).
#include <algorithm>
#include <iostream>
#include <limits>

#include "args.h"
#include "catalog/active_catalog.h"
#include "catalog/model_tokenizer.h"
#include "command.h"
#include "command_args.h"
#include "dataset/chat_token_counter.h"
#include "dataset/dataset_json.h"
#include "embedded_catalog.h"
#include "read_input.h"
#include "tokenizer/models.h"
#include "training/training_cost.h"
#include "util/format.h"
#include "util/input_error.h"
#include "util/number_input.h"
#include "vocab_files.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc dataset FILE.jsonl --model ID [--epochs N] [--token-limit N]\n"
    "                       [--training-price USD] [--json]\n"
    "\n"
    "Checks a chat fine-tuning dataset (one {\"messages\": [...]} example per line)\n"
    "for the format errors OpenAI rejects, with line numbers; FILE may be '-'.\n"
    "\n"
    "options:\n"
    "  --model ID        the model to be tuned: picks the tokenizer (OpenAI models;\n"
    "                    other catalog models, e.g. Gemini, are counted with\n"
    "                    o200k_base and the notes say it is an estimate)\n"
    "  --epochs N        epochs to bill (default: OpenAI's rule from the example count)\n"
    "  --token-limit N   tokens per example that are trained on (default 16,385)\n"
    "  --training-price USD  training price per 1M tokens, for training_cost_usd\n"
    "                    (default: the catalog's price for --model, where it has one)\n"
    "  --json            print one JSON object: examples, errors [{line, column, type,\n"
    "                    message}], warnings, epochs, billed_tokens, training_cost_usd\n"
    "                    (null when unknown), and more\n"
    "  -h, --help        show this help\n"
    "\n"
    "Error types: data_type, missing_messages_list, message_missing_key,\n"
    "message_unrecognized_key, unrecognized_role, missing_content,\n"
    "example_missing_assistant_message, json_syntax, invalid_utf8, nested_too_deep,\n"
    "line_too_long (over 16 MiB), and for the whole file: empty_file, binary_file,\n"
    "not_jsonl. Tokens are counted per example with the model's tokenizer the\n"
    "way OpenAI's cookbook counts a chat request (an estimate); billed tokens =\n"
    "epochs x sum of min(token limit, tokens). Vocabularies are read from\n"
    "$LLMCALC_VOCAB_DIR or the source tree's js/vocab/. Exit codes: 0 no errors,\n"
    "1 errors found, unknown model or unreadable file, 2 usage error.\n";

constexpr std::size_t kChunkBytes = 1 << 20;

std::optional<double> whole_option(const Args& args, const char* flag, double min, double max) {
  auto v = args.value(flag);
  if (!v) return std::nullopt;
  double d = check_range(parse_number(*v, flag, flag), NumberRange{min, max}, flag, flag);
  if (d != static_cast<double>(static_cast<long long>(d))) {
    throw UsageError(std::string(flag) + " takes a whole number");
  }
  return d;
}

void print_text(const std::string& name, const nlohmann::json& r, const nlohmann::json& notes) {
  auto count = [](const nlohmann::json& v) { return format_count(v.get<double>()); };
  std::cout << name << ": " << count(r["examples"]) << " examples, " << count(r["valid_examples"])
            << " valid";
  if (r["blank_lines"] > 0) std::cout << ", " << count(r["blank_lines"]) << " blank lines";
  std::cout << "\n";
  for (const auto& e : r["errors"]) {
    std::cout << name << ":" << e["line"] << ":" << e["column"] << ": "
              << e["type"].get<std::string>() << ": " << e["message"].get<std::string>() << "\n";
  }
  if (r["errors_truncated"].get<bool>()) {
    std::cout << "... " << count(r["error_count"]) << " errors in all\n";
  }
  if (r["error_count"] > 0) {
    std::cout << "Errors by type:";
    for (const auto& [type, n] : r["error_counts"].items()) {
      std::cout << " " << type << " " << count(n);
    }
    std::cout << "\n";
  }
  for (const auto& w : r["warnings"]) {
    if (w["count"] == 0) continue;
    std::cout << "Warning: " << count(w["count"]) << " examples with "
              << w["type"].get<std::string>() << " (line " << w["lines"][0] << " first)\n";
  }
  if (!r["epochs"].is_null()) {
    std::cout << "Epochs:         " << r["epochs"] << " ("
              << (r["epochs_source"] == "given" ? "given" : "OpenAI's default for this size")
              << ")\n";
  }
  if (!r["tokens"].is_null() && !r["tokens"]["min"].is_null()) {
    const auto& t = r["tokens"];
    std::cout << "Tokens/example: min " << count(t["min"]) << ", p10 " << count(t["p10"])
              << ", median " << count(t["median"]) << ", mean " << count(t["mean"]) << ", p90 "
              << count(t["p90"]) << ", max " << count(t["max"]) << "\n";
    if (t["over_limit"] > 0) {
      std::cout << "Over the limit: " << count(t["over_limit"]) << " examples over "
                << count(r["token_limit"]) << " tokens (truncated in training)\n";
    }
  }
  if (!r["billed_tokens"].is_null()) {
    std::cout << "Billed tokens:  " << count(r["billed_tokens"]) << "\n";
  }
  if (!r["training_cost_usd"].is_null()) {
    std::cout << "Training cost:  " << format_usd(r["training_cost_usd"].get<double>()) << "\n";
  }
  for (const auto& n : notes) std::cout << "Note: " << n.get<std::string>() << "\n";
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  spec.with_value = {"--model", "--epochs", "--token-limit", "--training-price"};
  spec.switches = {"--json"};
  auto parsed = parse_or_help(argv, spec, kUsage);
  if (!parsed) return kExitOk;
  const Args& args = *parsed;
  const std::string& path = single_file(args);
  auto model = args.value("--model");
  if (!model || model->empty()) throw UsageError("--model is required");

  DatasetOptions options;
  if (auto e = whole_option(args, "--epochs", 1, 100)) options.epochs = static_cast<int>(*e);
  if (auto t = whole_option(args, "--token-limit", 1, 1e9)) {
    options.token_limit = static_cast<std::size_t>(*t);
  }
  if (auto p = args.value("--training-price")) {
    options.price_per_million =
        check_range(parse_number(*p, "--training-price", "--training-price"), NumberRange{0, 1e6},
                    "--training-price", "--training-price");
  }
  // The catalog entry (dated snapshots resolve to it) gives the training
  // price and, for models OpenAI's tables do not know, the tokenizer.
  load_embedded_catalog();
  const Model* entry = active_catalog().find(*model);
  nlohmann::json notes = nlohmann::json::array();
  std::string encoding_name;
  try {
    encoding_name = tokenizer::encoding_for_model(*model);
  } catch (const InputError&) {
    // Unknown to both: the catalog's error names its closest ids (exit 1).
    TokenCounting counting = token_counting(active_catalog().get(*model, "--model"));
    encoding_name = counting.encoding;
    if (!counting.exact) notes.push_back(counting.note);
  }
  notes.push_back("Tokens are counted with " + encoding_name +
                  " the way OpenAI's cookbook counts a chat request: an estimate.");
  if (!options.price_per_million) {
    if (auto price = entry ? training::token_training_price(*entry) : std::nullopt) {
      options.price_per_million = price->per_million;
      notes.push_back("Training price: " + format_usd(price->per_million) +
                      " per 1M tokens, from " + price->source + " (as of " + price->as_of + ").");
    } else {
      notes.push_back("The catalog has no per-token training price for " + *model +
                      ": give --training-price for training_cost_usd.");
    }
  }
  DatasetAnalyzer analyzer(options);
  analyzer.set_token_counter(chat_token_counter(load_encoding_files(encoding_name), *model));
  read_chunks(path, kChunkBytes, [&](std::string_view chunk) {
    analyzer.feed(chunk);
    return true;
  });
  nlohmann::json result = to_json(analyzer.finish());
  result["model"] = *model;
  result["notes"] = notes;
  if (args.flag("--json")) {
    std::cout << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    print_text(display_name(path), result, notes);
  }
  return result["error_count"] == 0 ? kExitOk : kExitInvalidInput;
}

}  // namespace

int run_dataset(const std::vector<std::string>& args) {
  bool json_output = std::find(args.begin(), args.end(), "--json") != args.end();
  return guarded(kUsage, json_output, body, args);
}

}  // namespace llmcalc::cli
