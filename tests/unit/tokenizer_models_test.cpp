// Model id -> encoding, including dated snapshots, variants, fine-tuned ids
// and the closest-name error.
#include <gtest/gtest.h>

#include "tokenizer/encoding_spec.h"
#include "tokenizer/models.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

TEST(Models, CurrentFamiliesAndDatedIds) {
  EXPECT_EQ(encoding_for_model("gpt-4o"), "o200k_base");
  EXPECT_EQ(encoding_for_model("gpt-4o-2024-08-06"), "o200k_base");
  EXPECT_EQ(encoding_for_model("gpt-4o-mini-2024-07-18"), "o200k_base");
  EXPECT_EQ(encoding_for_model("gpt-4.1-nano-2025-04-14"), "o200k_base");
  EXPECT_EQ(encoding_for_model("gpt-5"), "o200k_base");
  EXPECT_EQ(encoding_for_model("gpt-5-mini-2025-08-07"), "o200k_base");
  EXPECT_EQ(encoding_for_model("o3-mini"), "o200k_base");
  EXPECT_EQ(encoding_for_model("o4-mini-2025-04-16"), "o200k_base");
  EXPECT_EQ(encoding_for_model("o1"), "o200k_base");
  EXPECT_EQ(encoding_for_model("gpt-4"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("gpt-4-0613"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("gpt-3.5-turbo-0125"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("text-embedding-3-small"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("text-embedding-ada-002"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("davinci-002"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("babbage-002"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("gpt-oss-120b"), "o200k_harmony");
  EXPECT_EQ(encoding_for_model("text-davinci-003"), "p50k_base");
  EXPECT_EQ(encoding_for_model("text-davinci-edit-001"), "p50k_edit");
  EXPECT_EQ(encoding_for_model("davinci"), "r50k_base");
}

TEST(Models, OtherFamiliesWithAnExactTokenizer) {
  EXPECT_EQ(encoding_for_model("meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo"), "llama3");
  EXPECT_EQ(encoding_for_model("llama-3.3-70b-versatile"), "llama3");
  EXPECT_EQ(encoding_for_model("llama3-8b-8192"), "llama3");
  EXPECT_EQ(encoding_for_model("Qwen/Qwen2.5-72B-Instruct"), "qwen2_5");
  EXPECT_EQ(encoding_for_model("qwen3-235b-a22b"), "qwen3");
  EXPECT_EQ(encoding_for_model("qwq-32b"), "qwen2_5");
  EXPECT_EQ(encoding_for_model("mistral-nemo"), "mistral_nemo");
  EXPECT_EQ(encoding_for_model("google/gemma-3-27b-it"), "gemma3");
  // Gemini: the ids Google's SDK counts locally with Gemma 3 (2.0, 2.5, 3 preview).
  for (const char* id : {"gemini-2.0-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite",
                         "gemini-2.5-flash-preview-05-20", "gemini-3-pro-preview"}) {
    EXPECT_EQ(encoding_for_model(id), "gemma3") << id;
  }
  // Gemini 1.x has no published tokenizer, later models use Gemma 4's; the
  // image and speech variants are not in Google's list.
  for (const char* id : {"gemini-1.5-pro", "gemini-3.5-flash", "gemini-2.5-flash-tts"}) {
    EXPECT_THROW(encoding_for_model(id), InputError) << id;
  }
  EXPECT_EQ(encoding_for_model("deepseek-ai/DeepSeek-V3"), "deepseek_v3");
  EXPECT_EQ(encoding_for_model("deepseek-r1-0528"), "deepseek_v3");
  EXPECT_THROW(encoding_for_model("deepseek-r1-distill-llama-70b"), InputError);
  EXPECT_EQ(encoding_for_model("claude-2.1"), "claude_legacy");
  EXPECT_EQ(encoding_for_model("claude-instant-1.2"), "claude_legacy");
  // Claude 3 and later have no public tokenizer: never an exact encoding.
  for (const char* id : {"claude-3-5-sonnet-20241022", "claude-sonnet-4-5", "claude-3-haiku"}) {
    EXPECT_THROW(encoding_for_model(id), InputError) << id;
  }
  // Llama 4, Code Llama and Qwen 1.5 use other tokenizers.
  for (const char* id :
       {"llama-4-scout", "codellama/CodeLlama-34b-Instruct-hf", "Qwen/Qwen1.5-7B"}) {
    EXPECT_THROW(encoding_for_model(id), InputError) << id;
  }
}

TEST(Models, AliasesResolve) {
  EXPECT_EQ(encoding_for_model("GPT-4o"), "o200k_base");
  EXPECT_EQ(encoding_for_model(" openai/gpt-4.1 "), "o200k_base");
  EXPECT_EQ(encoding_for_model("ft:gpt-4o-mini-2024-07-18:acme::abc123"), "o200k_base");
  EXPECT_EQ(encoding_for_model("ft:gpt-3.5-turbo-0613:acme::x"), "cl100k_base");
  EXPECT_EQ(encoding_for_model("chatgpt-4o-latest"), "o200k_base");
}

TEST(Models, EveryMappedEncodingExists) {
  for (const auto& m : known_models()) EXPECT_NO_THROW(encoding_spec(encoding_for_model(m))) << m;
}

TEST(Models, UnknownModelNamesTheClosest) {
  try {
    encoding_for_model("gpt-4p");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "model");
    std::string msg = e.what();
    EXPECT_NE(msg.find("gpt-4p"), std::string::npos);
    EXPECT_NE(msg.find("gpt-4o"), std::string::npos) << msg;
  }
  EXPECT_EQ(closest_models("gpt4o-mini", 1).front(), "gpt-4o-mini");
  EXPECT_THROW(encoding_for_model(""), InputError);
  EXPECT_THROW(encoding_spec("o200k"), InputError);
}

}  // namespace
}  // namespace llmcalc::tokenizer
