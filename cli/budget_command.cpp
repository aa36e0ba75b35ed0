// llmcalc budget: what one request puts in each model's context window,
// section by section: share used, tokens left, what to cut when it does not
// fit, and the cost per request (src/budget/, the same core the budget and
// context-window pages run as wasm). A section is a token count or @FILE,
// whose text is counted with each model's own tokenizer.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "budget/budget.h"
#include "budget/budget_json.h"
#include "catalog/active_catalog.h"
#include "catalog/model_tokenizer.h"
#include "catalog_command.h"
#include "columns.h"
#include "command.h"
#include "command_args.h"
#include "embedded_catalog.h"
#include "now.h"
#include "read_input.h"
#include "util/format.h"
#include "util/input_error.h"
#include "vocab_files.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc budget --model M[,M...] [--system X] [--tools X] [--examples X]\n"
    "                      [--history X] [--context X] [--user X] [--output N]\n"
    "                      [--window N] [--date D] [--json]\n"
    "\n"
    "The prompt token budget of one request on each model: every section's\n"
    "tokens and share of the context window (which holds input and output\n"
    "together), the tokens left, and the cost per request with the output\n"
    "reserve billed as output (a ceiling: replies may be shorter). When the\n"
    "request does not fit, it names the section to cut: the first of retrieved\n"
    "context, conversation history, few-shot examples, tool definitions, system\n"
    "prompt and user message that is at least as large as the overflow.\n"
    "\n"
    "Each X is a number of tokens or @FILE ('@-' for stdin): the file's text,\n"
    "counted with each model's tokenizer. OpenAI models are counted exactly;\n"
    "for models whose tokenizer llmcalc cannot run yet (Claude, Gemini, Llama,\n"
    "...) the count uses o200k_base and is marked as an estimate. Special-token\n"
    "text such as <|endoftext|> counts as ordinary text, as the APIs treat it.\n"
    "\n"
    "options:\n"
    "  --model M[,M...]  catalog models, comma-separated, up to 12 (llmcalc models)\n"
    "  --system X        system prompt\n"
    "  --tools X         tool (function) definitions\n"
    "  --examples X      few-shot examples\n"
    "  --history X       conversation history\n"
    "  --context X       retrieved context (RAG)\n"
    "  --user X          the user message\n"
    "  --output N        output reserve: tokens kept for the reply\n"
    "  --window N        also compare a context window of N tokens of your own\n"
    "  --date D          prices in force at D (default: now)\n"
    "  --json            print one JSON object: {\"models\": [{\"name\", \"context_window\",\n"
    "                    \"sections\": [{\"id\", \"tokens\", \"share\"}], \"input_tokens\",\n"
    "                    \"output_reserve\", \"total_tokens\", \"share\", \"tokens_left\",\n"
    "                    \"fits\", \"overflow_tokens\", \"cut\", \"warnings\", \"cost_usd\",\n"
    "                    \"counting\": {\"encoding\", \"exact\"}, ...}]}\n"
    "  -h, --help        show this help\n"
    "\n"
    "Numbers may use thousands separators (1,000,000). Exit codes: 0 success,\n"
    "1 invalid input (reason on stderr), 2 usage error.\n";

const std::pair<const char*, budget::Section> kSectionFlags[] = {
    {"--system", budget::Section::kSystem},     {"--tools", budget::Section::kTools},
    {"--examples", budget::Section::kExamples}, {"--history", budget::Section::kHistory},
    {"--context", budget::Section::kContext},   {"--user", budget::Section::kUser},
    {"--output", budget::Section::kOutput},
};

std::string flag_for(const std::string& field) {
  for (const auto& [flag, section] : kSectionFlags) {
    if (field == budget::section_id(section)) return flag;
  }
  if (field == "context_window") return "--window";
  if (field == "model" || field == "date") return "--" + field;
  return field;
}

std::vector<std::string> split_models(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    out.push_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
  }
  if (out.empty()) throw UsageError("--model needs at least one model id");
  return out;
}

void print_text(const nlohmann::json& r) {
  bool first = true;
  for (const auto& m : r["models"]) {
    if (!first) std::cout << "\n";
    first = false;
    bool has_window = !m["context_window"].is_null();
    std::cout << m["name"].get<std::string>();
    if (!m["model"].is_null())
      std::cout << " (" << m["model"]["provider"].get<std::string>() << ")";
    std::cout << ": "
              << (has_window ? format_count(m["context_window"].get<double>()) + "-token window"
                             : std::string("context window unknown"))
              << "\n";
    for (const auto& s : m["sections"]) {
      std::cout << "  " << pad_right(s["label"].get<std::string>(), 22)
                << pad_left(format_count(s["tokens"].get<double>()), 16);
      if (!s["share"].is_null()) {
        // A leading space of its own: a share over 10,000 % fills the column.
        std::cout << " " << pad_left(format_percent(s["share"].get<double>()), 8);
      }
      std::cout << "\n";
    }
    std::cout << "  " << pad_right("Total", 22)
              << pad_left(format_count(m["total_tokens"].get<double>()), 16);
    if (has_window) {
      std::cout << " " << pad_left(format_percent(m["share"].get<double>()), 8) << "   "
                << (m["fits"].get<bool>()
                        ? format_count(m["tokens_left"].get<double>()) + " left"
                        : "over by " + format_count(m["overflow_tokens"].get<double>()));
    }
    std::cout << "\n";
    if (!m["cost_usd"].is_null()) {
      std::cout << "  Cost per request: " << format_usd(m["cost_usd"].get<double>())
                << " (prices as of " << m["as_of"].get<std::string>() << ")\n";
    } else if (!m["cost_note"].is_null()) {
      std::cout << "  Cost per request: not offered. " << m["cost_note"].get<std::string>() << "\n";
    }
    if (!m["counting"].is_null()) {
      const auto& c = m["counting"];
      std::cout << "  Text counted with " << c["encoding"].get<std::string>()
                << (c["exact"].get<bool>() ? " (exact)" : " (estimate)") << "\n";
    }
    for (const auto& w : m["warnings"]) std::cout << "  ! " << w.get<std::string>() << "\n";
  }
}

// The text of a section given as @FILE.
struct SectionFile {
  budget::Section section;
  std::string text;
};

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  for (const auto& [flag, section] : kSectionFlags) spec.with_value.insert(flag);
  spec.with_value.insert({"--model", "--window", "--date"});
  auto args = parse_catalog_args(argv, spec, kUsage);
  if (!args) return kExitOk;
  if (!args->has("--model") && !args->has("--window")) {
    throw UsageError("--model (or --window) is required");
  }
  bool json_output = args->flag("--json");

  nlohmann::json shared = nlohmann::json::object();
  std::vector<SectionFile> files;
  bool stdin_used = false;
  for (const auto& [flag, section] : kSectionFlags) {
    auto v = args->value(flag);
    if (!v) continue;
    if (v->empty() || v->front() != '@') {
      reject_blank_value(flag, *v, budget::section_id(section));
      shared[budget::section_id(section)] = *v;
      continue;
    }
    if (section == budget::Section::kOutput) {
      throw UsageError("--output takes a number of tokens, not a file");
    }
    std::string path = v->substr(1);
    if (path.empty()) throw UsageError(std::string(flag) + " @ needs a file name");
    if (path == "-") {
      if (stdin_used) throw UsageError("only one section can read stdin ('@-')");
      stdin_used = true;
    }
    files.push_back({section, read_all(path)});
  }

  nlohmann::json models = nlohmann::json::array();
  if (args->has("--model")) {
    load_embedded_catalog();
    // One vocabulary per encoding, loaded once however many models share it.
    std::map<std::string, std::unique_ptr<tokenizer::Encoding>> encodings;
    tokenizer::SpecialPolicy as_text;
    as_text.others_as_text = true;
    for (const std::string& id : split_models(*args->value("--model"))) {
      nlohmann::json entry = {{"model", id}};
      if (!files.empty()) {
        const Model& model = active_catalog().get(id);
        std::string name = token_counting(model).encoding;
        auto& encoding = encodings[name];
        if (!encoding) encoding = load_encoding_files(name);
        nlohmann::json counted = nlohmann::json::object();
        for (const auto& f : files) {
          counted[budget::section_id(f.section)] = encoding->count(f.text, as_text);
        }
        entry["sections"] = counted;
      }
      models.push_back(entry);
    }
  }
  if (auto window = args->value("--window")) {
    if (!files.empty()) {
      throw UsageError("a --window of your own has no tokenizer: give its sections as numbers");
    }
    reject_blank_value("--window", *window, "context_window");
    models.push_back({{"name", "Your window"}, {"context_window", *window}});
  }
  nlohmann::json input = {{"sections", shared}, {"models", models}};
  input["date"] = args->value("--date").value_or(now_utc_iso());
  return run_catalog_api(input, budget::budget_api, json_output, flag_for, print_text);
}

}  // namespace

int run_budget(const std::vector<std::string>& args) {
  return guarded_catalog_command(kUsage, body, args);
}

}  // namespace llmcalc::cli
