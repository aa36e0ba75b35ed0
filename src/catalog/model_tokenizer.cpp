#include "catalog/model_tokenizer.h"

#include "tokenizer/encoding_spec.h"

namespace llmcalc {

TokenCounting token_counting(const Model& model) {
  const std::string family = model.tokenizer.value_or("");
  for (const auto& spec : tokenizer::encoding_specs()) {
    if (spec.name == family) return {family, true, ""};
  }
  constexpr const char* kProxy = "o200k_base";
  if (family.empty()) {
    return {kProxy, false,
            "The catalog does not name " + model.id +
                "'s tokenizer; its text is counted with o200k_base, an estimate."};
  }
  if (family == "claude-estimate") {
    return {kProxy, false,
            "Anthropic publishes no tokenizer for " + model.id +
                "; its text is counted with o200k_base, an estimate (exact counts need "
                "Anthropic's count_tokens API)."};
  }
  return {kProxy, false,
          model.id + " uses the " + family +
              " tokenizer, which llmcalc cannot run yet; its text is counted with o200k_base, "
              "an estimate."};
}

}  // namespace llmcalc
