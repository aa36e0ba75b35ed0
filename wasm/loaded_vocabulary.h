// The vocabularies the tokenizer bindings have loaded, for other bindings
// of the same module (the dataset checker counts with them) – so a page
// loads each vocabulary once, through loadEncoding().
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "tokenizer/encoding.h"
#include "tokenizer/encoding_spec.h"
#include "tokenizer/vocab.h"
#include "util/input_error.h"

namespace llmcalc::wasm {

// The loaded vocabulary with this ranks name, or null when none is alive.
std::shared_ptr<const tokenizer::Vocab> loaded_vocabulary(const std::string& ranks);

// The encoding with this name over its loaded vocabulary; an InputError
// (field "encoding") when loadEncoding() has not loaded it.
inline std::shared_ptr<const tokenizer::Encoding> loaded_encoding(const std::string& name) {
  const auto& spec = tokenizer::encoding_spec(name);
  auto vocab = loaded_vocabulary(spec.ranks);
  if (!vocab) {
    throw InputError("encoding", "The " + spec.ranks +
                                     " vocabulary is not loaded; load the encoding with "
                                     "loadEncoding() first.");
  }
  return std::make_shared<const tokenizer::Encoding>(spec, std::move(vocab));
}

}  // namespace llmcalc::wasm
