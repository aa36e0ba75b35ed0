// The token counter a dataset check uses: one valid example counted as the
// chat request it becomes in training, by OpenAI's cookbook method
// (tokenizer/chat.h) with the base model's encoding. Shared by
// `llmcalc dataset` and the fine-tuning page, so both count alike.
#pragma once

#include <memory>
#include <string>

#include "dataset/chat_example.h"
#include "tokenizer/encoding.h"

namespace llmcalc {

// The counter keeps `encoding` alive for as long as it is used.
TokenCounter chat_token_counter(std::shared_ptr<const tokenizer::Encoding> encoding,
                                std::string model);

}  // namespace llmcalc
