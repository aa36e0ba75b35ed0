#include "chunking/chunking.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "tokenizer/utf8.h"
#include "util/format.h"
#include "util/input_error.h"

namespace llmcalc::chunking {
namespace {

std::uint64_t whole(double value, const std::string& field, const std::string& label, double min,
                    double max) {
  if (!std::isfinite(value)) throw InputError(field, label + " must be a finite number.");
  if (value != std::floor(value)) {
    throw InputError(
        field, label + " must be a whole number of tokens, not " + format_number(value) + ".");
  }
  if (value < min) {
    throw InputError(field, min == 0 ? label + " cannot be negative."
                                     : label + " must be at least " + format_number(min) + ".");
  }
  if (value > max) {
    throw InputError(field, label + " " + format_number(value) + " is out of range: at most " +
                                format_count(max) + ".");
  }
  return static_cast<std::uint64_t>(value);
}

}  // namespace

ChunkSettings chunk_settings(double size, double overlap) {
  ChunkSettings s;
  s.size = whole(size, "size", "The chunk size", 1, static_cast<double>(kMaxChunkSize));
  s.overlap = whole(overlap, "overlap", "The overlap", 0, static_cast<double>(kMaxChunkSize));
  if (s.overlap >= s.size) {
    throw InputError("overlap", "The overlap (" + format_count(static_cast<double>(s.overlap)) +
                                    ") must be smaller than the chunk size (" +
                                    format_count(static_cast<double>(s.size)) +
                                    "), or the chunks would never advance.");
  }
  return s;
}

std::uint64_t document_tokens(double tokens) {
  return whole(tokens, "document_tokens", "The document's token count", 0,
               static_cast<double>(kMaxDocumentTokens));
}

std::uint64_t chunk_count(std::uint64_t d, const ChunkSettings& s) {
  if (d == 0) return 0;
  if (d <= s.size) return 1;
  std::uint64_t step = s.size - s.overlap;
  return 1 + (d - s.size + step - 1) / step;
}

ChunkPlan plan_chunks(std::uint64_t d, const ChunkSettings& s) {
  ChunkPlan p;
  p.document_tokens = d;
  p.settings = s;
  p.chunks = chunk_count(d, s);
  // Every chunk but the last is S long and the last ends at D, so the sum
  // of lengths is D + (n − 1)·O (exact: n ≤ 10^12, O < 10^7).
  std::uint64_t extra = p.chunks == 0 ? 0 : (p.chunks - 1) * s.overlap;
  p.embedded_tokens = d + extra;
  p.overlap_overhead = d == 0 ? 0.0 : static_cast<double>(extra) / static_cast<double>(d);
  return p;
}

RetrievalFit retrieval_fit(double context_window, double reserved_tokens, const ChunkSettings& s) {
  RetrievalFit f;
  f.context_window = whole(context_window, "context_window", "The context window", 1,
                           static_cast<double>(kMaxDocumentTokens));
  f.reserved_tokens = whole(reserved_tokens, "reserved_tokens", "The reserved tokens", 0,
                            static_cast<double>(kMaxDocumentTokens));
  if (f.reserved_tokens >= f.context_window) {
    throw InputError("reserved_tokens", "The reserved tokens (" +
                                            format_count(static_cast<double>(f.reserved_tokens)) +
                                            ") fill the whole " +
                                            format_count(static_cast<double>(f.context_window)) +
                                            "-token window: nothing is left for retrieved chunks.");
  }
  f.budget_tokens = f.context_window - f.reserved_tokens;
  f.chunks = f.budget_tokens / s.size;
  f.unused_tokens = f.budget_tokens - f.chunks * s.size;
  return f;
}

std::size_t next_char_boundary(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t n = text.size();
  if (pos >= n) return n;
  // A well-formed sequence is at most 4 bytes and starts with a lead byte,
  // which can never be inside another sequence: look back up to 3 bytes.
  std::size_t from = pos >= 3 ? pos - 3 : 0;
  for (std::size_t q = from; q < pos; ++q) {
    if (s[q] < 0xC2) continue;
    auto c = tokenizer::decode_char(s, n, q);
    if (c.cp != tokenizer::kInvalidByte && q + c.len > pos) return q + c.len;
  }
  return pos;
}

TextChunks chunk_token_bytes(
    std::string_view text, std::size_t n,
    const std::function<std::pair<std::size_t, std::size_t>(std::size_t)>& token_bytes,
    const ChunkSettings& settings) {
  if (text.empty() || n == 0) {
    throw InputError("text", "The text is empty: there is nothing to chunk.");
  }
  TextChunks out;
  out.plan = plan_chunks(n, settings);
  out.chunks.reserve(static_cast<std::size_t>(out.plan.chunks));
  std::size_t step = static_cast<std::size_t>(settings.size - settings.overlap);
  for (std::size_t k = 0; k < out.plan.chunks; ++k) {
    TextChunk c{};
    c.index = k;
    c.token_start = k * step;
    c.token_end =
        static_cast<std::size_t>(std::min<std::uint64_t>(c.token_start + settings.size, n));
    std::size_t raw_start = token_bytes(c.token_start).first;
    std::size_t raw_end = token_bytes(c.token_end - 1).second;
    if (raw_start > raw_end || raw_end > text.size()) {
      throw InputError("spans", "The token byte ranges do not fit the text.");
    }
    c.byte_start = next_char_boundary(text, raw_start);
    c.byte_end = next_char_boundary(text, raw_end);
    c.split_character = c.byte_start != raw_start || c.byte_end != raw_end;
    out.chunks.push_back(c);
  }
  return out;
}

TextChunks chunk_text(const tokenizer::Encoding& encoding, std::string_view text,
                      const ChunkSettings& settings, const tokenizer::SpecialPolicy& policy) {
  if (text.empty()) throw InputError("text", "The text is empty: there is nothing to chunk.");
  std::vector<tokenizer::TokenSpan> spans = encoding.spans(text, policy);
  return chunk_token_bytes(
      text, spans.size(),
      [&](std::size_t i) {
        return std::pair<std::size_t, std::size_t>(spans[i].byte_start, spans[i].byte_end);
      },
      settings);
}

}  // namespace llmcalc::chunking
