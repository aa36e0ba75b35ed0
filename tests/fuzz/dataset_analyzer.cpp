// Fuzz target: the streaming fine-tuning dataset checker (dataset/) and the
// JSON / JSONL formatter (json/json_format.h) on arbitrary bytes.
// Input: byte 0 picks the options, byte 1 the sizes of the pieces the
// analyzer is fed, the rest is the file. Checked:
//   - nothing throws: bad input is reported in the result, never thrown;
//   - the analysis does not depend on how the file is cut into pieces
//     (the page and the CLI feed chunks of different sizes);
//   - counts agree (valid examples <= examples, kept errors <= counted);
//   - formatting a valid document again gives the same output.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dataset/dataset_analyzer.h"
#include "dataset/dataset_json.h"
#include "fuzz_check.h"
#include "json/json_format.h"

namespace {

using llmcalc::fuzz::check;

std::string analyze(std::string_view file, std::uint8_t flags, std::uint8_t piece_seed) {
  llmcalc::DatasetOptions options;
  // Small limits reach the paths that real files reach only when huge.
  if (flags & 1) options.max_line_bytes = 64;
  if (flags & 2) {
    options.max_errors = 2;
    options.max_warning_lines = 1;
  }
  if (flags & 4) options.max_depth = 4;
  if (flags & 8) {
    options.epochs = flags >> 4;
    options.price_per_million = 25;
  }
  llmcalc::DatasetAnalyzer analyzer(options);
  if (flags & 16) {
    // A stand-in for the tokenizer that also throws, as a counter may.
    analyzer.set_token_counter([](const llmcalc::ChatExample& example) -> std::size_t {
      std::size_t n = 0;
      for (const auto& m : example.messages) n += m.content.size();
      if (n % 7 == 3) throw std::runtime_error("uncountable");
      return n;
    });
  }
  if (piece_seed == 0) {
    analyzer.feed(file);
  } else {
    // Pieces of 1 to 255 bytes, from a generator seeded by the input, so
    // that a finding replays exactly.
    std::uint32_t state = piece_seed;
    while (!file.empty()) {
      state = state * 1103515245u + 12345u;
      std::size_t n = 1 + (state >> 16) % piece_seed;
      analyzer.feed(file.substr(0, n));
      file.remove_prefix(n < file.size() ? n : file.size());
    }
  }
  llmcalc::DatasetResult result = analyzer.finish();
  check(result.valid_examples <= result.examples, "more valid examples than examples");
  check(result.errors.size() <= result.error_count, "more errors kept than counted");
  check(result.errors.size() <= options.max_errors, "more errors kept than max_errors");
  return llmcalc::to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void format(std::string_view text, std::uint8_t flags) {
  llmcalc::JsonFormatOptions options;
  options.jsonl = flags & 1;
  options.sort_keys = flags & 2;
  options.layout.minify = flags & 4;
  options.layout.tab = flags & 8;
  options.layout.indent = (flags >> 4) % 9;
  if (flags & 128) {
    options.max_depth = 3;
    options.max_errors = 1;
  }
  llmcalc::JsonFormatResult result = llmcalc::format_json(text, options);
  check(result.errors.size() <= result.error_count, "more errors kept than counted");
  check(result.valid_records <= result.records, "more valid records than records");
  // Pretty JSONL spans lines, so it is no longer JSONL. A bad line is copied
  // as it was, so a second pass reads it differently in two ways that are no
  // fault: a BOM left at its start is then stripped, and a CR left at its end
  // (the line "x\r\r\n") then reads as a CRLF line end.
  bool comparable = options.jsonl ? options.layout.minify : result.error_count == 0;
  if (comparable && result.output.rfind("\xEF\xBB\xBF", 0) != 0 &&
      result.output.find('\r') == std::string::npos) {
    check(llmcalc::format_json(result.output, options).output == result.output,
          "formatting the formatter's output changes it");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  std::string_view file(reinterpret_cast<const char*>(data + 2), size - 2);
  check(analyze(file, data[0], 0) == analyze(file, data[0], data[1]),
        "the result depends on the sizes of the pieces fed");
  format(file, data[0]);
  return 0;
}
