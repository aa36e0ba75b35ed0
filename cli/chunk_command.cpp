// llmcalc chunk: token-exact RAG chunking of a file or stdin – windows of
// --size tokens stepping by size − overlap, with their token and byte
// ranges (src/chunking/, the same core the site runs as wasm).
#include <algorithm>
#include <iostream>
#include <string>

#include "chunking/chunking.h"
#include "chunking/chunking_json.h"
#include "command.h"
#include "command_args.h"
#include "read_input.h"
#include "tokenizer/models.h"
#include "util/format.h"
#include "util/input_error.h"
#include "util/number_input.h"
#include "vocab_files.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc chunk FILE --size N [--overlap M] [--encoding E | --model M]\n"
    "                     [--json [--text]]\n"
    "\n"
    "Cuts FILE ('-' for stdin) into chunks of N tokens, each starting N - M tokens\n"
    "after the previous one (M tokens of overlap), exactly as the encoding\n"
    "tokenizes the whole text. Prints the chunk count, the tokens, the overlap\n"
    "overhead (tokens embedded beyond the document's own) and one line per chunk.\n"
    "\n"
    "Token ranges are exact. A chunk's text is a whole-character substring: when\n"
    "a token boundary falls inside a UTF-8 character (CJK, emoji), that character\n"
    "goes to the chunk holding its first byte and the chunk is marked\n"
    "split_character. Invalid UTF-8 bytes are characters of their own.\n"
    "\n"
    "options:\n"
    "  --size N         tokens per chunk (a whole number, 1 to 10,000,000)\n"
    "  --overlap M      tokens shared by neighbouring chunks, 0 (default) to N - 1\n"
    "  --encoding E     r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base\n"
    "                   (default) or o200k_harmony\n"
    "  --model M        the encoding of an OpenAI model (gpt-4o, text-embedding-3-small, ...)\n"
    "  --json           print one JSON object: {\"chunks\" (the count), \"tokens\",\n"
    "                   \"encoding\", \"size\", \"overlap\", \"embedded_tokens\",\n"
    "                   \"overlap_overhead\", \"ranges\": [{\"index\", \"start\", \"end\",\n"
    "                   \"byte_start\", \"byte_end\", \"split_character\"}]}\n"
    "  --text           with --json, also \"texts\": each chunk's text\n"
    "  -h, --help       show this help\n"
    "\n"
    "Special-token text such as <|endoftext|> in the input is an error, as in\n"
    "'llmcalc count'. Vocabularies are read from $LLMCALC_VOCAB_DIR or js/vocab/.\n"
    "Exit codes: 0 success, 1 invalid input (reason on stderr), 2 usage error.\n";

// The first `max_chars` characters of a chunk on one line (newlines and
// tabs shown as \n and \t).
std::string preview(std::string_view bytes, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < bytes.size() && chars < max_chars) {
    std::size_t next = chunking::next_char_boundary(bytes, i + 1);
    std::string_view ch = bytes.substr(i, next - i);
    if (ch == "\n") {
      out += "\\n";
    } else if (ch == "\r") {
      out += "\\r";
    } else if (ch == "\t") {
      out += "\\t";
    } else {
      out += ch;
    }
    ++chars;
    i = next;
  }
  if (i < bytes.size()) out += "...";
  return out;
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  spec.with_value = {"--size", "--overlap", "--encoding", "--model"};
  spec.switches = {"--json", "--text"};
  auto parsed = parse_or_help(argv, spec, kUsage);
  if (!parsed) return kExitOk;
  const Args& args = *parsed;
  const std::string& path = single_file(args);
  if (!args.has("--size")) throw UsageError("--size N is required");
  if (args.has("--encoding") && args.has("--model")) {
    throw UsageError("give --encoding or --model, not both");
  }
  if (args.flag("--text") && !args.flag("--json")) throw UsageError("--text needs --json");

  double size = parse_number(*args.value("--size"), "size", "The chunk size");
  double overlap = args.has("--overlap")
                       ? parse_number(*args.value("--overlap"), "overlap", "The overlap")
                       : 0.0;
  chunking::ChunkSettings settings = chunking::chunk_settings(size, overlap);

  std::string model = args.value("--model").value_or("");
  std::string name = model.empty() ? args.value("--encoding").value_or("o200k_base")
                                   : tokenizer::encoding_for_model(model);
  auto encoding = load_encoding_files(name);
  std::string text = read_all(path);
  if (text.empty()) {
    throw InputError("text", display_name(path) + " is empty: there is nothing to chunk.");
  }
  chunking::TextChunks result = chunking::chunk_text(*encoding, text, settings);

  if (args.flag("--json")) {
    nlohmann::json out = chunking::text_chunks_json(result, name, text, args.flag("--text"));
    if (!model.empty()) out["model"] = model;
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  const auto& plan = result.plan;
  std::cout << format_count(static_cast<double>(plan.chunks)) << " chunks of "
            << format_count(static_cast<double>(settings.size)) << " tokens, overlap "
            << format_count(static_cast<double>(settings.overlap)) << " (" << name << ")\n"
            << format_count(static_cast<double>(plan.document_tokens)) << " tokens, "
            << format_count(static_cast<double>(plan.embedded_tokens)) << " embedded\n"
            << "Overlap overhead: " << format_number(plan.overlap_overhead * 100) << "%\n";
  for (const auto& c : result.chunks) {
    std::cout << "#" << c.index << "  tokens " << c.token_start << "-" << c.token_end
              << (c.split_character ? "  (split character)" : "") << "  "
              << preview(chunking::chunk_bytes(text, c), 60) << "\n";
  }
  return kExitOk;
}

}  // namespace

int run_chunk(const std::vector<std::string>& args) {
  bool json_output = std::find(args.begin(), args.end(), "--json") != args.end();
  return guarded(kUsage, json_output, body, args);
}

}  // namespace llmcalc::cli
