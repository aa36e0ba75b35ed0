#include "vocab_files.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "util/input_error.h"

namespace llmcalc::cli {

std::unique_ptr<tokenizer::Encoding> load_encoding_files(const std::string& name) {
  const tokenizer::EncodingSpec& spec = tokenizer::encoding_spec(name);
  std::string dir;
  if (const char* env = std::getenv("LLMCALC_VOCAB_DIR"); env && *env) {
    dir = env;
  } else {
#ifdef LLMCALC_SOURCE_DIR
    dir = std::string(LLMCALC_SOURCE_DIR) + "/js/vocab";
#else
    dir = "js/vocab";
#endif
  }
  std::string path = dir + "/" + spec.ranks + ".bin";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError("vocabulary",
                     "The vocabulary for " + name + " was not found at " + path +
                         ". Build it with `node data/vocab/build_vocab.mjs` (the cmake build "
                         "does this) or point LLMCALC_VOCAB_DIR at a folder holding " +
                         spec.ranks + ".bin.");
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::make_unique<tokenizer::Encoding>(
      spec, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace llmcalc::cli
