#include "tokenizer/models.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "util/closest.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

struct Entry {
  const char* id;
  const char* encoding;
};

// Exact ids. Every family below also has a prefix entry for its dated
// snapshots and variants.
const Entry kModels[] = {
    // reasoning
    {"o1", "o200k_base"},
    {"o1-mini", "o200k_base"},
    {"o1-pro", "o200k_base"},
    {"o3", "o200k_base"},
    {"o3-mini", "o200k_base"},
    {"o3-pro", "o200k_base"},
    {"o4-mini", "o200k_base"},
    // chat
    {"gpt-5", "o200k_base"},
    {"gpt-5-mini", "o200k_base"},
    {"gpt-5-nano", "o200k_base"},
    {"gpt-5-chat-latest", "o200k_base"},
    {"gpt-5.1", "o200k_base"},
    {"gpt-4.5-preview", "o200k_base"},
    {"gpt-4.1", "o200k_base"},
    {"gpt-4.1-mini", "o200k_base"},
    {"gpt-4.1-nano", "o200k_base"},
    {"gpt-4o", "o200k_base"},
    {"gpt-4o-mini", "o200k_base"},
    {"chatgpt-4o-latest", "o200k_base"},
    {"gpt-4", "cl100k_base"},
    {"gpt-4-turbo", "cl100k_base"},
    {"gpt-4-32k", "cl100k_base"},
    {"gpt-3.5-turbo", "cl100k_base"},
    {"gpt-3.5", "cl100k_base"},
    {"gpt-35-turbo", "cl100k_base"},
    // open weights
    {"gpt-oss-120b", "o200k_harmony"},
    {"gpt-oss-20b", "o200k_harmony"},
    // base and embeddings
    {"davinci-002", "cl100k_base"},
    {"babbage-002", "cl100k_base"},
    {"text-embedding-ada-002", "cl100k_base"},
    {"text-embedding-3-small", "cl100k_base"},
    {"text-embedding-3-large", "cl100k_base"},
    // legacy
    {"text-davinci-003", "p50k_base"},
    {"text-davinci-002", "p50k_base"},
    {"text-davinci-001", "r50k_base"},
    {"text-curie-001", "r50k_base"},
    {"text-babbage-001", "r50k_base"},
    {"text-ada-001", "r50k_base"},
    {"davinci", "r50k_base"},
    {"curie", "r50k_base"},
    {"babbage", "r50k_base"},
    {"ada", "r50k_base"},
    {"code-davinci-002", "p50k_base"},
    {"code-davinci-001", "p50k_base"},
    {"code-cushman-002", "p50k_base"},
    {"code-cushman-001", "p50k_base"},
    {"davinci-codex", "p50k_base"},
    {"cushman-codex", "p50k_base"},
    {"text-davinci-edit-001", "p50k_edit"},
    {"code-davinci-edit-001", "p50k_edit"},
    // Other families whose tokenizer llmcalc runs exactly (issue #4). Claude 3
    // and later are deliberately absent: no public tokenizer exists for them.
    {"claude-2", "claude_legacy"},
    {"claude-2.0", "claude_legacy"},
    {"claude-2.1", "claude_legacy"},
    {"claude-instant-1", "claude_legacy"},
    {"claude-instant-1.2", "claude_legacy"},
    // DeepSeek V3 and R1 (not the distilled R1 models: Llama and Qwen inside).
    {"deepseek-v3", "deepseek_v3"},
    {"deepseek-v3-0324", "deepseek_v3"},
    {"deepseek-r1", "deepseek_v3"},
    {"deepseek-r1-0528", "deepseek_v3"},
    {"mistral-nemo", "mistral_nemo"},
    {"open-mistral-nemo", "mistral_nemo"},
    // Gemini: the models Google's SDK counts locally with the Gemma 3
    // tokenizer (googleapis/python-genai, _local_tokenizer_loader.py). Later
    // Gemini models use Gemma 4's, Gemini 1.x none that is published.
    {"gemini-2.0-flash", "gemma3"},
    {"gemini-2.0-flash-001", "gemma3"},
    {"gemini-2.0-flash-lite", "gemma3"},
    {"gemini-2.0-flash-lite-001", "gemma3"},
    {"gemini-2.5-pro", "gemma3"},
    {"gemini-2.5-flash", "gemma3"},
    {"gemini-2.5-flash-lite", "gemma3"},
    {"gemini-2.5-flash-preview", "gemma3"},
    {"gemini-live-2.5-flash", "gemma3"},
    {"gemini-3-pro-preview", "gemma3"},
    {"gemini-3-flash-preview", "gemma3"},
};

// Family prefixes, longest first where one is a prefix of another.
const Entry kPrefixes[] = {
    {"gpt-oss-", "o200k_harmony"},
    {"o1-", "o200k_base"},
    {"o3-", "o200k_base"},
    {"o4-mini-", "o200k_base"},
    {"gpt-5-", "o200k_base"},
    {"gpt-5.", "o200k_base"},
    {"gpt-4.5-", "o200k_base"},
    {"gpt-4.1-", "o200k_base"},
    {"chatgpt-4o-", "o200k_base"},
    {"gpt-4o-", "o200k_base"},
    {"gpt-4-", "cl100k_base"},
    {"gpt-3.5-turbo-", "cl100k_base"},
    {"gpt-35-turbo-", "cl100k_base"},
    // Llama 3, 3.1, 3.2 and 3.3 share one tokenizer (Llama 4 does not).
    {"llama-3-", "llama3"},
    {"llama-3.", "llama3"},
    {"llama3-", "llama3"},
    {"meta-llama-3-", "llama3"},
    {"meta-llama-3.", "llama3"},
    {"llama-v3p", "llama3"},
    // Qwen 2.5 and QwQ; Qwen 3 has the same vocabulary and merges plus four
    // added tokens (<think>, </think>, <tool_response>, </tool_response>).
    {"qwen2.5-", "qwen2_5"},
    {"qwen-2.5-", "qwen2_5"},
    {"qwen2p5-", "qwen2_5"},
    {"qwq-", "qwen2_5"},
    {"qwen3-", "qwen3"},
    {"qwen-3-", "qwen3"},
    {"mistral-nemo-", "mistral_nemo"},
    {"open-mistral-nemo-", "mistral_nemo"},
    {"gemini-2.5-pro-preview-", "gemma3"},
    {"gemini-2.5-pro-exp-", "gemma3"},
    {"gemini-2.5-flash-preview-", "gemma3"},
    {"gemini-2.5-flash-lite-preview-", "gemma3"},
    {"gemma-3-", "gemma3"},
    {"gemma3-", "gemma3"},
    {"claude-2.", "claude_legacy"},
    {"claude-instant-1.", "claude_legacy"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* lookup(const std::string& id) {
  for (const auto& e : kModels) {
    if (id == e.id) return e.encoding;
  }
  for (const auto& e : kPrefixes) {
    if (id.rfind(e.id, 0) == 0) return e.encoding;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> known_models() {
  std::vector<std::string> out;
  for (const auto& e : kModels) out.emplace_back(e.id);
  return out;
}

std::vector<std::string> closest_models(std::string_view model, std::size_t limit) {
  return closest_names(model, known_models(), limit);
}

std::string encoding_for_model(std::string_view model) {
  std::string id = lower(model);
  while (!id.empty() && std::isspace(static_cast<unsigned char>(id.back()))) id.pop_back();
  while (!id.empty() && std::isspace(static_cast<unsigned char>(id.front()))) id.erase(0, 1);
  // Fine-tuned: "ft:<base>:<org>:<suffix>:<id>" – the base decides.
  if (id.rfind("ft:", 0) == 0) id = id.substr(3, id.find(':', 3) - 3);
  // A provider or organisation prefix ("openai/", "meta-llama/") is ignored.
  if (auto slash = id.rfind('/'); slash != std::string::npos) id.erase(0, slash + 1);
  if (const char* enc = lookup(id)) return enc;
  std::string names;
  for (const auto& n : closest_models(id, 3)) names += (names.empty() ? "" : ", ") + n;
  throw InputError(
      "model", "Unknown model '" + std::string(model) + "'. Closest known models: " + names + ".");
}

}  // namespace llmcalc::tokenizer
