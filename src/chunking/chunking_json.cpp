#include "chunking/chunking_json.h"

#include <limits>

#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc::chunking {
namespace {

// Parsing only; chunk_settings() and document_tokens() check the ranges.
constexpr NumberRange kAny{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};

}  // namespace

ChunkSettings chunk_settings_from_json(const nlohmann::json& in) {
  if (!in.is_object()) throw InputError("", "The chunking input must be a JSON object.");
  double size = required_number(in, "size", "The chunk size", kAny);
  double overlap = optional_number(in, "overlap", "The overlap", kAny).value_or(0.0);
  return chunk_settings(size, overlap);
}

nlohmann::json to_json(const ChunkPlan& p) {
  return {{"chunks", p.chunks},
          {"document_tokens", p.document_tokens},
          {"size", p.settings.size},
          {"overlap", p.settings.overlap},
          {"embedded_tokens", p.embedded_tokens},
          {"overlap_overhead", p.overlap_overhead}};
}

nlohmann::json chunk_api(const nlohmann::json& in) {
  if (!in.is_object()) throw InputError("", "The chunking input must be a JSON object.");
  double d = required_number(in, "document_tokens", "The document's token count", kAny);
  std::uint64_t tokens = document_tokens(d);
  ChunkSettings settings = chunk_settings_from_json(in);
  nlohmann::json out = to_json(plan_chunks(tokens, settings));
  auto window = optional_number(in, "context_window", "The context window", kAny);
  if (window) {
    double reserved =
        optional_number(in, "reserved_tokens", "The reserved tokens", kAny).value_or(0.0);
    RetrievalFit f = retrieval_fit(*window, reserved, settings);
    out["retrieval"] = {{"context_window", f.context_window},
                        {"reserved_tokens", f.reserved_tokens},
                        {"budget_tokens", f.budget_tokens},
                        {"chunks_fit", f.chunks},
                        {"unused_tokens", f.unused_tokens}};
  }
  return out;
}

nlohmann::json text_chunks_json(const TextChunks& c, const std::string& encoding,
                                std::string_view text, bool with_texts) {
  nlohmann::json out = to_json(c.plan);
  out.erase("document_tokens");
  out["tokens"] = c.plan.document_tokens;
  out["encoding"] = encoding;
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& k : c.chunks) {
    ranges.push_back({{"index", k.index},
                      {"start", k.token_start},
                      {"end", k.token_end},
                      {"byte_start", k.byte_start},
                      {"byte_end", k.byte_end},
                      {"split_character", k.split_character}});
  }
  out["ranges"] = std::move(ranges);
  if (with_texts) {
    nlohmann::json texts = nlohmann::json::array();
    for (const auto& k : c.chunks) texts.push_back(std::string(chunk_bytes(text, k)));
    out["texts"] = std::move(texts);
  }
  return out;
}

}  // namespace llmcalc::chunking
