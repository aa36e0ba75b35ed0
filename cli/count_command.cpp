// llmcalc count: exact token counts of files or stdin for the OpenAI
// encodings and the other families the core runs (the same core the page
// runs as wasm), or of a chat request with --chat.
#include <algorithm>
#include <iostream>

#include "args.h"
#include "command.h"
#include "read_input.h"
#include "tokenizer/chat.h"
#include "tokenizer/encoding_spec.h"
#include "tokenizer/models.h"
#include "util/format.h"
#include "util/input_error.h"
#include "vocab_files.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc count [--encoding E | --model M] [--chat] [--special MODE]\n"
    "                     [FILE ... | -] [--json]\n"
    "\n"
    "Counts tokens exactly as OpenAI's tiktoken does, and as the Hugging Face\n"
    "tokenizers of Llama 3, Qwen 2.5 / 3, DeepSeek V3, Mistral Nemo and Gemma 3\n"
    "and the legacy Claude tokenizer do. One count per file and a total; reads\n"
    "stdin when no FILE (or '-') is given. Bytes that are not valid UTF-8 are\n"
    "counted as single punctuation-like characters, never rejected.\n"
    "\n"
    "options:\n"
    "  --encoding E     r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base\n"
    "                   (default), o200k_harmony, llama3, qwen2_5, qwen3,\n"
    "                   deepseek_v3, mistral_nemo, gemma3 or claude_legacy (Claude 2\n"
    "                   and Instant only: Claude 3 and later have no public tokenizer)\n"
    "  --model M        the encoding of a model: gpt-5, gpt-4.1, gpt-4o, o3, gpt-4,\n"
    "                   gpt-3.5-turbo, text-embedding-3-small, gpt-oss-120b,\n"
    "                   llama-3.3-70b, qwen2.5-72b-instruct, mistral-nemo, claude-2.1,\n"
    "                   ...; dated ids (gpt-4o-2024-08-06) and ft: ids resolve\n"
    "  --chat           each input is a JSON chat request ({\"messages\": [...],\n"
    "                   \"tools\": [...]} or a bare messages array), counted with\n"
    "                   OpenAI's per-message framing (3 per message, +1 per name,\n"
    "                   +3 reply priming) and the cookbook's tool formula; OpenAI\n"
    "                   calls this an estimate, so it is marked as one\n"
    "  --special MODE   special-token text such as <|endoftext|> in the input:\n"
    "                   error (default, as tiktoken), allow (encode it as the\n"
    "                   special token) or text (count it as ordinary text)\n"
    "  --json           print one JSON object: {\"tokens\", \"encoding\"} and, for\n"
    "                   several files, \"files\": [{\"file\", \"tokens\"}]; with --chat\n"
    "                   also \"estimate\" and the per-message counts\n"
    "  -h, --help       show this help\n"
    "\n"
    "Vocabularies are read from $LLMCALC_VOCAB_DIR or the source tree's js/vocab/.\n"
    "Exit codes: 0 success, 1 invalid input (reason on stderr), 2 usage error.\n";

tokenizer::SpecialPolicy special_policy(const Args& args) {
  tokenizer::SpecialPolicy policy;
  std::string mode = args.value("--special").value_or("error");
  if (mode == "allow") {
    policy.allow_all = true;
  } else if (mode == "text") {
    policy.others_as_text = true;
  } else if (mode != "error") {
    throw UsageError("--special must be error, allow or text, not '" + mode + "'");
  }
  return policy;
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  spec.with_value = {"--encoding", "--model", "--special"};
  spec.switches = {"--json", "--chat", "--help"};
  std::vector<std::string> rewritten = argv;
  std::replace(rewritten.begin(), rewritten.end(), std::string("-h"), std::string("--help"));
  Args args(rewritten, spec);
  if (args.flag("--help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args.has("--encoding") && args.has("--model")) {
    throw UsageError("give --encoding or --model, not both");
  }
  tokenizer::SpecialPolicy policy = special_policy(args);
  std::string model = args.value("--model").value_or("");
  std::string name = model.empty() ? args.value("--encoding").value_or("o200k_base")
                                   : tokenizer::encoding_for_model(model);
  bool chat = args.flag("--chat");
  if (chat && tokenizer::encoding_spec(name).from_file) {
    throw InputError("encoding", "--chat counts OpenAI's message framing; " + name +
                                     " is not an OpenAI encoding. Count the text without --chat.");
  }
  auto encoding = load_encoding_files(name);

  std::vector<std::string> files = args.positional();
  if (files.empty()) files.push_back("-");
  nlohmann::json per_file = nlohmann::json::array();
  nlohmann::json chat_result;
  std::size_t total = 0;
  for (const auto& path : files) {
    std::string text = read_all(path);
    std::size_t tokens = 0;
    if (chat) {
      nlohmann::json request = nlohmann::json::parse(text, nullptr, false);
      if (request.is_discarded()) {
        throw InputError("file", display_name(path) + " is not a JSON chat request.");
      }
      chat_result = tokenizer::count_chat(*encoding, model, request);
      tokens = chat_result["tokens"].get<std::size_t>();
    } else {
      tokens = encoding->count(text, policy);
    }
    total += tokens;
    per_file.push_back({{"file", display_name(path)}, {"tokens", tokens}});
  }

  if (args.flag("--json")) {
    nlohmann::json out = {{"tokens", total}, {"encoding", name}};
    if (!model.empty()) out["model"] = model;
    if (chat) {
      out["estimate"] = true;
      if (files.size() == 1) {
        for (const char* key : {"messages_tokens", "tools_tokens", "messages", "notes"}) {
          out[key] = chat_result[key];
        }
      }
    }
    if (files.size() > 1) out["files"] = per_file;
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  const char* unit = chat ? " tokens (estimate)" : " tokens";
  if (files.size() == 1) {
    std::cout << format_count(static_cast<double>(total)) << unit << " (" << name << ")\n";
    if (chat) {
      for (const auto& note : chat_result["notes"])
        std::cout << "Note: " << note.get<std::string>() << "\n";
    }
    return kExitOk;
  }
  for (const auto& f : per_file) {
    std::cout << format_count(f["tokens"].get<double>()) << unit << "  "
              << f["file"].get<std::string>() << "\n";
  }
  std::cout << format_count(static_cast<double>(total)) << unit << "  total (" << name << ")\n";
  return kExitOk;
}

}  // namespace

int run_count(const std::vector<std::string>& args) {
  bool json_output = std::find(args.begin(), args.end(), "--json") != args.end();
  return guarded(kUsage, json_output, body, args);
}

}  // namespace llmcalc::cli
