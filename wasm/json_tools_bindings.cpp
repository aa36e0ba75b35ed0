// The JSON formatter and the fine-tuning dataset checker (src/json/,
// src/dataset/) for JavaScript. Adapters only: bytes in, and out either a
// JSON report string or, for the formatter, the output as a Uint8Array
// (copied out of wasm memory, decoded with TextDecoder in js/api.js - large
// outputs skip JSON escaping, and NUL bytes in passed-through lines survive).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/chat_token_counter.h"
#include "dataset/dataset_json.h"
#include "input_buffer.h"
#include "json/json_format_json.h"
#include "loaded_vocabulary.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace {

using emscripten::val;

nlohmann::json parse_options(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) throw llmcalc::InputError("", "The options are not valid JSON.");
  return j;
}

// The same error objects as json_call's, out of memory included.
std::string error_text(const std::exception& e) {
  const auto* input = dynamic_cast<const llmcalc::InputError*>(&e);
  if (dynamic_cast<const std::bad_alloc*>(&e)) {
    return llmcalc::error_json("", "Out of memory: the input is too large to process here.").dump();
  }
  return llmcalc::error_json(input ? input->field() : "", e.what()).dump();
}

// The formatter's input, written by JS through formatInput() (input_buffer.h).
std::vector<char>& format_input() {
  static std::vector<char> text;
  return text;
}

val format_input_view(std::size_t size) { return llmcalc::wasm::sized_view(format_input(), size); }

// Formats the first `len` bytes written through formatInput(), then frees
// them. {report: JSON string, output: Uint8Array}
val format_json(std::size_t len, const std::string& options) {
  val result = val::object();
  try {
    const auto& in = format_input();
    llmcalc::JsonFormatResult r =
        llmcalc::format_json(std::string_view(in.data(), std::min(len, in.size())),
                             llmcalc::json_format_options(parse_options(options)));
    std::vector<char>().swap(format_input());
    val bytes = val::global("Uint8Array").new_(r.output.size());
    bytes.call<void>("set", val(emscripten::typed_memory_view(r.output.size(), r.output.data())));
    result.set("output", bytes);
    result.set("report", llmcalc::json_format_report(r).dump());
  } catch (const std::exception& e) {
    std::vector<char>().swap(format_input());
    result.set("report", error_text(e));
  }
  return result;
}

std::string analyze_dataset(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::dataset_api);
}

// One streaming analysis: feed() chunks, then finish() once. A bad options
// text leaves the handle unusable and error() says why.
class DatasetAnalyzerHandle {
 public:
  explicit DatasetAnalyzerHandle(const std::string& options) {
    try {
      analyzer_ = std::make_unique<llmcalc::DatasetAnalyzer>(
          llmcalc::dataset_options(parse_options(options)));
    } catch (const std::exception& e) {
      error_ = error_text(e);
    }
  }
  std::string error() const { return error_; }
  // The next chunk goes through chunkView() (input_buffer.h); null when
  // there is no memory for it.
  val chunkView(std::size_t size) { return llmcalc::wasm::sized_view(chunk_, size); }
  // Feeds the first `len` bytes of the chunk; returns "" or an error object
  // as JSON text (e.g. out of memory).
  std::string feed(std::size_t len) {
    return guard([&] {
      analyzer_->feed(std::string_view(chunk_.data(), std::min(len, chunk_.size())));
      llmcalc::wasm::release_if_large(chunk_);
      return std::string();
    });
  }
  std::string finish() {
    return guard([&] {
      return llmcalc::to_json(analyzer_->finish())
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    });
  }
  // Counts each valid example with this encoding (its vocabulary must be
  // loaded, through loadEncoding) as a chat request to `model`.
  std::string count_with(const std::string& encoding, const std::string& model) {
    return guard([&] {
      analyzer_->set_token_counter(
          llmcalc::chat_token_counter(llmcalc::wasm::loaded_encoding(encoding), model));
      return std::string();
    });
  }
  void cancel() {
    if (analyzer_) analyzer_->cancel();
  }
  double bytes_fed() const { return analyzer_ ? static_cast<double>(analyzer_->bytes_fed()) : 0; }
  double lines_read() const { return analyzer_ ? static_cast<double>(analyzer_->lines_read()) : 0; }

 private:
  template <typename F>
  std::string guard(F body) {
    if (!analyzer_) return error_;
    try {
      return body();
    } catch (const std::exception& e) {
      return error_text(e);
    }
  }
  std::unique_ptr<llmcalc::DatasetAnalyzer> analyzer_;
  std::vector<char> chunk_;
  std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(json_tools) {
  emscripten::function("formatInput", &format_input_view);
  emscripten::function("formatJson", &format_json);
  emscripten::function("analyzeDataset", &analyze_dataset);
  emscripten::class_<DatasetAnalyzerHandle>("DatasetAnalyzer")
      .constructor<const std::string&>()
      .function("error", &DatasetAnalyzerHandle::error)
      .function("chunkView", &DatasetAnalyzerHandle::chunkView)
      .function("feed", &DatasetAnalyzerHandle::feed)
      .function("finish", &DatasetAnalyzerHandle::finish)
      .function("countWith", &DatasetAnalyzerHandle::count_with)
      .function("cancel", &DatasetAnalyzerHandle::cancel)
      .function("bytesFed", &DatasetAnalyzerHandle::bytes_fed)
      .function("linesRead", &DatasetAnalyzerHandle::lines_read);
}
