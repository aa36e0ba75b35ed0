#include "tokenizer/encoding_spec.h"

#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

std::vector<EncodingSpec> make_specs() {
  const std::string eot = "<|endoftext|>";
  std::vector<EncodingSpec> specs = {
      {"r50k_base", "r50k_base", Pattern::kR50k, 50257, {{eot, 50256}}},
      {"p50k_base", "p50k_base", Pattern::kR50k, 50281, {{eot, 50256}}},
      {"p50k_edit",
       "p50k_base",
       Pattern::kR50k,
       50284,
       {{eot, 50256},
        {"<|fim_prefix|>", 50281},
        {"<|fim_middle|>", 50282},
        {"<|fim_suffix|>", 50283}}},
      {"cl100k_base",
       "cl100k_base",
       Pattern::kCl100k,
       100277,
       {{eot, 100257},
        {"<|fim_prefix|>", 100258},
        {"<|fim_middle|>", 100259},
        {"<|fim_suffix|>", 100260},
        {"<|endofprompt|>", 100276}}},
      {"o200k_base",
       "o200k_base",
       Pattern::kO200k,
       200019,
       {{eot, 199999}, {"<|endofprompt|>", 200018}}},
  };
  // o200k_harmony (gpt-oss): o200k_base's specials plus the harmony format's,
  // and reserved tokens up to 201087. Like tiktoken's dict, both
  // <|endofprompt|> and <|reserved_200018|> encode as 200018; decoding gives
  // the later name, <|reserved_200018|>, as tiktoken's inverted dict does.
  EncodingSpec harmony{"o200k_harmony",
                       "o200k_base",
                       Pattern::kO200k,
                       201088,
                       {{"<|endofprompt|>", 200018},
                        {"<|startoftext|>", 199998},
                        {eot, 199999},
                        {"<|reserved_200000|>", 200000},
                        {"<|reserved_200001|>", 200001},
                        {"<|return|>", 200002},
                        {"<|constrain|>", 200003},
                        {"<|reserved_200004|>", 200004},
                        {"<|channel|>", 200005},
                        {"<|start|>", 200006},
                        {"<|end|>", 200007},
                        {"<|message|>", 200008},
                        {"<|reserved_200009|>", 200009},
                        {"<|reserved_200010|>", 200010},
                        {"<|reserved_200011|>", 200011},
                        {"<|call|>", 200012}}};
  for (std::uint32_t id = 200013; id < 201088; ++id) {
    harmony.specials.emplace_back("<|reserved_" + std::to_string(id) + "|>", id);
  }
  specs.push_back(std::move(harmony));

  // Hugging Face families and the legacy Claude tokenizer (issue #4); their
  // added tokens are in the vocabulary file. n_vocab counts them too.
  auto file_spec = [](std::string name, Pattern pattern, std::uint32_t n_vocab,
                      Normalizer normalizer, bool ignore_merges, std::string family) {
    EncodingSpec s{name, name, pattern, n_vocab};
    s.from_file = true;
    s.normalizer = normalizer;
    s.ignore_merges = ignore_merges;
    s.family = std::move(family);
    return s;
  };
  specs.push_back(
      file_spec("llama3", Pattern::kCl100k, 128256, Normalizer::kNone, true, "Llama 3"));
  specs.push_back(
      file_spec("qwen2_5", Pattern::kQwen2, 151665, Normalizer::kNfcSections, false, "Qwen 2.5"));
  specs.push_back(
      file_spec("qwen3", Pattern::kQwen2, 151669, Normalizer::kNfcSections, false, "Qwen 3"));
  specs.push_back(file_spec("mistral_nemo", Pattern::kTekken, 131072, Normalizer::kNone, true,
                            "Mistral tekken (Nemo)"));
  specs.push_back(file_spec("deepseek_v3", Pattern::kDeepSeekV3, 128815, Normalizer::kNone, false,
                            "DeepSeek V3 / R1"));
  // Gemma 3; Google's SDK counts Gemini 2.x and 3 models locally with it.
  EncodingSpec gemma = file_spec("gemma3", Pattern::kMetaspace, 262145, Normalizer::kNone, false,
                                 "Gemma 3 (Gemini 2.0, 2.5, 3 preview)");
  gemma.byte_fallback = true;
  specs.push_back(std::move(gemma));
  specs.push_back(file_spec("claude_legacy", Pattern::kR50k, 65000, Normalizer::kNfkcWhole, true,
                            "Claude (legacy, before Claude 3)"));
  return specs;
}

const char* pattern_name(Pattern p) {
  switch (p) {
    case Pattern::kR50k:
      return "r50k";
    case Pattern::kCl100k:
      return "cl100k";
    case Pattern::kO200k:
      return "o200k";
    case Pattern::kQwen2:
      return "qwen2";
    case Pattern::kTekken:
      return "tekken";
    case Pattern::kDeepSeekV3:
      return "deepseek_v3";
    case Pattern::kMetaspace:
      return "metaspace";
  }
  return "?";
}

const char* normalizer_name(Normalizer n) {
  switch (n) {
    case Normalizer::kNone:
      return "none";
    case Normalizer::kNfcSections:
      return "nfc";
    case Normalizer::kNfkcWhole:
      return "nfkc";
  }
  return "?";
}

}  // namespace

std::string expected_descriptor(const EncodingSpec& spec) {
  return std::string("pre=") + pattern_name(spec.pattern) +
         " norm=" + normalizer_name(spec.normalizer) +
         " ignore_merges=" + (spec.ignore_merges ? "1" : "0") +
         (spec.byte_fallback ? " bytes=fallback" : " bytes=level");
}

const std::vector<EncodingSpec>& encoding_specs() {
  static const std::vector<EncodingSpec> specs = make_specs();
  return specs;
}

const EncodingSpec& encoding_spec(std::string_view name) {
  std::string known;
  for (const auto& s : encoding_specs()) {
    if (s.name == name) return s;
    known += (known.empty() ? "" : ", ") + s.name;
  }
  throw InputError("encoding",
                   "Unknown encoding '" + std::string(name) + "'. Known encodings: " + known + ".");
}

}  // namespace llmcalc::tokenizer
