// Test helper: loads an encoding from js/vocab/ of the source tree (built by
// the `vocab` target). Returns null when the file is missing, so that tests
// can GTEST_SKIP with a clear message instead of failing obscurely.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "tokenizer/encoding.h"

namespace llmcalc::tokenizer::testing {

inline std::string vocab_path(const std::string& ranks) {
  return std::string(LLMCALC_SOURCE_DIR) + "/js/vocab/" + ranks + ".bin";
}

inline std::unique_ptr<Encoding> load_real(const std::string& name) {
  const EncodingSpec& spec = encoding_spec(name);
  std::ifstream in(vocab_path(spec.ranks), std::ios::binary);
  if (!in) return nullptr;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::make_unique<Encoding>(spec, reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                    bytes.size());
}

#define LLMCALC_LOAD_OR_SKIP(var, name)                                                    \
  auto var = ::llmcalc::tokenizer::testing::load_real(name);                               \
  if (!var) {                                                                              \
    GTEST_SKIP() << "js/vocab is missing: build the `vocab` target (cmake --build) first"; \
  }

}  // namespace llmcalc::tokenizer::testing
