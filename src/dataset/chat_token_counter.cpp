#include "dataset/chat_token_counter.h"

#include <utility>

#include "tokenizer/chat.h"

namespace llmcalc {

TokenCounter chat_token_counter(std::shared_ptr<const tokenizer::Encoding> encoding,
                                std::string model) {
  return [encoding = std::move(encoding), model = std::move(model)](const ChatExample& example) {
    return tokenizer::count_chat(*encoding, model, chat_request_json(example))["tokens"]
        .get<std::size_t>();
  };
}

}  // namespace llmcalc
