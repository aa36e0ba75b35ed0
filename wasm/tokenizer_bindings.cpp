// Tokenizer: adapters between JS and src/tokenizer/. Text travels as UTF-8
// bytes that JS writes straight into a buffer in wasm memory
// (TextEncoder.encodeInto on inputView()), and results come back as views
// of wasm memory that js/tokenizer.js copies once – no per-token JS objects
// and no per-call string conversion by Embind. Errors never cross as
// exceptions: a method returns -1 and error() holds {"error": {...}}.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <map>
#include <memory>
#include <string>

#include "input_buffer.h"
#include "loaded_vocabulary.h"
#include "special_policy.h"
#include "tokenizer/chat.h"
#include "tokenizer/encoding.h"
#include "tokenizer/models.h"
#include "tokenizer/warm_up.h"
#include "util/input_error.h"
#include "util/json_call.h"
#include "util/raw_vector.h"

namespace {

using emscripten::val;
using llmcalc::tokenizer::Encoding;
using llmcalc::tokenizer::SpecialPolicy;
using llmcalc::tokenizer::Vocab;

using llmcalc::wasm::policy_from;

// Vocabularies already loaded, by ranks name, so that p50k_edit and
// o200k_harmony share p50k_base's and o200k_base's tables.
std::map<std::string, std::weak_ptr<const Vocab>>& vocab_cache() {
  static std::map<std::string, std::weak_ptr<const Vocab>> cache;
  return cache;
}

// Inside a catch block: the exception as json_call's error object, so
// every exception is reported the same way as in the other bindings.
std::string current_error() {
  nlohmann::json e =
      llmcalc::json_call_value(nullptr, [](const nlohmann::json&) -> nlohmann::json { throw; });
  return e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class EncodingHandle {
 public:
  explicit EncodingHandle(std::unique_ptr<Encoding> enc) : enc_(std::move(enc)) {}
  explicit EncodingHandle(std::string error) : error_(std::move(error)) {}

  bool ok() const { return enc_ != nullptr; }
  std::string error() const { return error_; }
  std::string name() const { return enc_ ? enc_->name() : ""; }
  double vocabSize() const { return enc_ ? enc_->spec().n_vocab : 0; }

  // Null when the memory is not there (js/tokenizer.js says so).
  val inputView(std::size_t capacity) { return llmcalc::wasm::sized_view(input_, capacity); }
  val idsInput(std::size_t n) { return llmcalc::wasm::sized_view(ids_, n); }
  val resultView() const { return val(emscripten::typed_memory_view(ids_.size(), ids_.data())); }
  val bytesView() const { return val(emscripten::typed_memory_view(bytes_.size(), bytes_.data())); }
  // Called by JS once it has copied a result out: a huge one is freed now
  // rather than held until the next call.
  void release() {
    llmcalc::wasm::release_if_large(ids_);
    llmcalc::wasm::release_if_large(bytes_);
  }

  // The allowed special-token names (newline-separated) for the calls that
  // follow: set only when they change, so that a call passes no string.
  void allowSpecial(const std::string& allowed) { policy_ = policy_from(0, allowed); }

  double count(std::size_t len, int flags) {
    return guard([&] { return static_cast<double>(enc_->count(text(len), policy(flags))); });
  }
  double encode(std::size_t len, int flags) {
    return guard([&] {
      ids_.clear();
      enc_->encode(text(len), ids_, policy(flags));
      return static_cast<double>(ids_.size());
    });
  }
  // Five columns of n each: ids, byte starts, byte ends, UTF-16 starts, ends.
  double spans(std::size_t len, int flags) {
    return guard([&] {
      auto spans = enc_->spans(text(len), policy(flags));
      std::size_t n = spans.size();
      ids_.assign(n * 5, 0);
      for (std::size_t i = 0; i < n; ++i) {
        ids_[i] = spans[i].id;
        ids_[n + i] = spans[i].byte_start;
        ids_[2 * n + i] = spans[i].byte_end;
        ids_[3 * n + i] = spans[i].utf16_start;
        ids_[4 * n + i] = spans[i].utf16_end;
      }
      return static_cast<double>(n);
    });
  }
  // Decodes the first n ids written through idsInput(); bytes via bytesView().
  double decode(std::size_t n) {
    return guard([&] {
      bytes_ = enc_->decode_bytes(ids_.data(), n);
      return static_cast<double>(bytes_.size());
    });
  }
  // Runs the counting code once on a scratch copy (tokenizer/warm_up.h);
  // JS calls it while idle after a load. Any error is kept like a count's.
  double warmUp() {
    return guard([&] {
      llmcalc::tokenizer::warm_up(*enc_);
      return 0.0;
    });
  }
  std::string countChat(const std::string& model, const std::string& request) {
    error_.clear();
    if (enc_ && enc_->spec().from_file) {
      return llmcalc::error_json("encoding",
                                 "Chat requests are counted with OpenAI's message "
                                 "framing; " +
                                     enc_->name() + " is not an OpenAI encoding.")
          .dump();
    }
    nlohmann::json parsed = nlohmann::json::parse(request, nullptr, false);
    if (parsed.is_discarded())
      return llmcalc::error_json("", "The chat request is not valid JSON.").dump();
    return call_json(parsed, [&](const nlohmann::json& in) {
      return llmcalc::tokenizer::count_chat(*enc_, model, in);
    });
  }

 private:
  const SpecialPolicy& policy(int flags) {
    policy_.allow_all = (flags & llmcalc::wasm::kAllowAll) != 0;
    policy_.others_as_text = (flags & llmcalc::wasm::kOthersAsText) != 0;
    return policy_;
  }
  std::string_view text(std::size_t len) const {
    return {reinterpret_cast<const char*>(input_.data()), std::min(len, input_.size())};
  }
  template <class F>
  double guard(F f) {
    error_.clear();
    if (!enc_) {
      error_ = llmcalc::error_json("encoding", "The encoding is not loaded.").dump();
      return -1;
    }
    double result = -1;
    try {
      result = f();
    } catch (...) {
      error_ = current_error();
    }
    // A one-off huge text should not pin its buffer for the page's life.
    llmcalc::wasm::release_if_large(input_);
    return result;
  }
  template <class F>
  static std::string call_json(const nlohmann::json& in, F f) {
    try {
      return f(in).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (...) {
      return current_error();
    }
  }

  std::unique_ptr<Encoding> enc_;
  std::string error_;
  SpecialPolicy policy_;
  std::vector<std::uint8_t> input_;
  std::vector<std::uint32_t> ids_;
  std::string bytes_;
};

bool has_vocab(const std::string& ranks) { return !vocab_cache()[ranks].expired(); }

// The vocabulary file, written by JS in one bulk copy (Uint8Array.set). A
// raw vector: sizing it does not zero 1.4 MB first, which an unoptimized
// fresh module does byte by byte; Vocab reads it in place.
llmcalc::RawVector<std::uint8_t>& vocab_file() {
  static llmcalc::RawVector<std::uint8_t> file;
  return file;
}

val vocab_input(std::size_t size) { return llmcalc::wasm::sized_view(vocab_file(), size); }

EncodingHandle* load_encoding(const std::string& name) {
  try {
    const auto& spec = llmcalc::tokenizer::encoding_spec(name);
    std::shared_ptr<const Vocab> vocab = vocab_cache()[spec.ranks].lock();
    if (!vocab) {
      vocab = std::make_shared<const Vocab>(vocab_file().data(), vocab_file().size(), spec.ranks);
      vocab_cache()[spec.ranks] = vocab;
    }
    vocab_file() = {};  // also when two loads of one vocabulary raced
    return new EncodingHandle(std::make_unique<Encoding>(spec, vocab));
  } catch (...) {
    vocab_file() = {};
    return new EncodingHandle(current_error());
  }
}

nlohmann::json model_api(const nlohmann::json& in) {
  return {{"encoding", llmcalc::tokenizer::encoding_for_model(in.at("model").get<std::string>())}};
}

std::string encoding_for_model(const std::string& request) {
  return llmcalc::json_call(request, model_api);
}

std::string encodings_list() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : llmcalc::tokenizer::encoding_specs()) {
    out.push_back({{"name", s.name},
                   {"vocabulary", s.ranks},
                   {"vocabSize", s.n_vocab},
                   // The HF families' added tokens are in their files.
                   {"specialTokens", s.specials.size()},
                   {"family", s.family.empty() ? "OpenAI" : s.family}});
  }
  return out.dump();
}

}  // namespace

std::shared_ptr<const Vocab> llmcalc::wasm::loaded_vocabulary(const std::string& ranks) {
  auto found = vocab_cache().find(ranks);
  return found == vocab_cache().end() ? nullptr : found->second.lock();
}

EMSCRIPTEN_BINDINGS(tokenizer) {
  emscripten::class_<EncodingHandle>("EncodingHandle")
      .function("ok", &EncodingHandle::ok)
      .function("error", &EncodingHandle::error)
      .function("name", &EncodingHandle::name)
      .function("vocabSize", &EncodingHandle::vocabSize)
      .function("inputView", &EncodingHandle::inputView)
      .function("idsInput", &EncodingHandle::idsInput)
      .function("resultView", &EncodingHandle::resultView)
      .function("bytesView", &EncodingHandle::bytesView)
      .function("release", &EncodingHandle::release)
      .function("allowSpecial", &EncodingHandle::allowSpecial)
      .function("count", &EncodingHandle::count)
      .function("encode", &EncodingHandle::encode)
      .function("spans", &EncodingHandle::spans)
      .function("decode", &EncodingHandle::decode)
      .function("countChat", &EncodingHandle::countChat)
      .function("warmUp", &EncodingHandle::warmUp);
  emscripten::function("vocabInput", &vocab_input);
  emscripten::function("loadEncodingHandle", &load_encoding, emscripten::allow_raw_pointers());
  emscripten::function("hasVocabulary", &has_vocab);
  emscripten::function("encodingForModel", &encoding_for_model);
  emscripten::function("encodingsList", &encodings_list);
}
