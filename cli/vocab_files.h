// Where the CLI finds tokenizer vocabularies (the core takes bytes, so
// reading files is the CLI's job): $LLMCALC_VOCAB_DIR if set, else js/vocab/
// of the source tree the binary was built from (data/vocab/build_vocab.mjs
// writes it during the build). A missing file is an InputError that says
// how to get it – exit 1, never a crash.
#pragma once

#include <memory>
#include <string>

#include "tokenizer/encoding.h"

namespace llmcalc::cli {

std::unique_ptr<tokenizer::Encoding> load_encoding_files(const std::string& name);

}  // namespace llmcalc::cli
