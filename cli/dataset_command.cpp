// llmcalc dataset: checks a chat fine-tuning file (JSONL) the way OpenAI's
// cookbook does, streaming it in 1 MiB chunks so a large file needs little
// memory (src/dataset/).
#include <algorithm>
#include <iostream>
#include <limits>

#include "args.h"
#include "command.h"
#include "command_args.h"
#include "dataset/dataset_json.h"
#include "read_input.h"
#include "util/format.h"
#include "util/number_input.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc dataset FILE.jsonl --model ID [--epochs N] [--token-limit N] [--json]\n"
    "\n"
    "Checks a chat fine-tuning dataset (one {\"messages\": [...]} example per line)\n"
    "for the format errors OpenAI rejects, with line numbers; FILE may be '-'.\n"
    "\n"
    "options:\n"
    "  --model ID        the model to be tuned (for token counts and price)\n"
    "  --epochs N        epochs to bill (default: OpenAI's rule from the example count)\n"
    "  --token-limit N   tokens per example that are trained on (default 16,385)\n"
    "  --json            print one JSON object: examples, errors [{line, column, type,\n"
    "                    message}], warnings, epochs, billed_tokens, training_cost_usd\n"
    "                    (null when unknown), and more\n"
    "  -h, --help        show this help\n"
    "\n"
    "Error types: data_type, missing_messages_list, message_missing_key,\n"
    "message_unrecognized_key, unrecognized_role, missing_content,\n"
    "example_missing_assistant_message, json_syntax, invalid_utf8, nested_too_deep,\n"
    "line_too_long (over 16 MiB), and for the whole file: empty_file, binary_file,\n"
    "not_jsonl. Exit codes: 0 no errors, 1 errors found or unreadable file,\n"
    "2 usage error.\n";

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
  spec.with_value = {"--model", "--epochs", "--token-limit"};
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
  nlohmann::json notes = nlohmann::json::array();
  DatasetAnalyzer analyzer(options);
  // Token counts and the training price come from the tokenizer and the
  // catalog; until they are wired here, both stay null rather than guessed.
  notes.push_back("Token counts and the training cost for " + *model +
                  " are not computed yet: this build does not wire a tokenizer and price "
                  "catalog into the dataset check.");

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
