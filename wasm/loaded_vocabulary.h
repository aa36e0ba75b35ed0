// The vocabularies the tokenizer bindings have loaded, for other bindings
// of the same module (the dataset checker counts with them) – so a page
// loads each vocabulary once, through loadEncoding().
#pragma once

#include <memory>
#include <string>

#include "tokenizer/vocab.h"

namespace llmcalc::wasm {

// The loaded vocabulary with this ranks name, or null when none is alive.
std::shared_ptr<const tokenizer::Vocab> loaded_vocabulary(const std::string& ranks);

}  // namespace llmcalc::wasm
