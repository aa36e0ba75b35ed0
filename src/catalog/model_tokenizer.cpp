#include "catalog/model_tokenizer.h"

#include "tokenizer/encoding_spec.h"
#include "tokenizer/models.h"
#include "util/input_error.h"

namespace llmcalc {
namespace {

// The exact non-OpenAI encoding of a model, by its id (tokenizer/models.h
// knows which ids share a tokenizer), or "" when there is none. The
// catalog's family label alone is not enough: it files Code Llama under
// llama3 and DeepSeek's distilled Llamas under deepseek_v3.
std::string exact_by_id(const Model& model) {
  try {
    std::string name = tokenizer::encoding_for_model(model.id);
    return tokenizer::encoding_spec(name).from_file ? name : "";
  } catch (const InputError&) {
    return "";
  }
}

constexpr const char* kProxy = "o200k_base";

}  // namespace

TokenCounting token_counting(const Model& model) {
  const std::string family = model.tokenizer.value_or("");
  for (const auto& spec : tokenizer::encoding_specs()) {
    if (spec.name == family && !spec.from_file) return {family, true, ""};
  }
  if (family != "claude-estimate") {
    if (std::string name = exact_by_id(model); !name.empty()) return {name, true, ""};
  } else if (std::string name = exact_by_id(model); name == "claude_legacy") {
    // Claude 2 and Instant 1: the legacy tokenizer is theirs.
    return {name, true, ""};
  }
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
