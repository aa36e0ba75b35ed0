#include "chunking/chunking.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

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

ChunkCutter::ChunkCutter(const ChunkSettings& settings)
    : settings_(settings),
      step_(static_cast<std::size_t>(settings.size - settings.overlap)),
      next_end_(static_cast<std::size_t>(settings.size - 1)) {}

void ChunkCutter::token(std::size_t byte_start, std::size_t byte_end) {
  std::size_t i = tokens_++;
  if (i == next_start_) {
    TextChunk c{};
    c.index = chunks_.size();
    c.token_start = i;
    c.byte_start = byte_start;
    chunks_.push_back(c);
    next_start_ += step_;
  }
  if (i == next_end_) {
    TextChunk& c = chunks_[closed_++];
    c.token_end = i + 1;
    c.byte_end = byte_end;
    next_end_ += step_;
  }
  last_byte_end_ = byte_end;
}

TextChunks ChunkCutter::finish(std::string_view text) {
  if (text.empty() || tokens_ == 0) {
    throw InputError("text", "The text is empty: there is nothing to chunk.");
  }
  TextChunks out;
  out.plan = plan_chunks(tokens_, settings_);
  // Windows that opened after the last chunk began lie inside it.
  chunks_.resize(static_cast<std::size_t>(out.plan.chunks));
  for (std::size_t k = closed_; k < chunks_.size(); ++k) {
    chunks_[k].token_end = tokens_;
    chunks_[k].byte_end = last_byte_end_;
  }
  for (TextChunk& c : chunks_) {
    std::size_t raw_start = c.byte_start, raw_end = c.byte_end;
    c.byte_start = next_char_boundary(text, raw_start);
    c.byte_end = next_char_boundary(text, raw_end);
    c.split_character = c.byte_start != raw_start || c.byte_end != raw_end;
  }
  out.chunks = std::move(chunks_);
  chunks_.clear();
  return out;
}

TextChunks chunk_text(const tokenizer::Encoding& encoding, std::string_view text,
                      const ChunkSettings& settings, const tokenizer::SpecialPolicy& policy) {
  if (text.empty()) throw InputError("text", "The text is empty: there is nothing to chunk.");
  ChunkCutter cutter(settings);
  encoding.each_token(text, policy, [&](std::size_t a, std::size_t b) { cutter.token(a, b); });
  return cutter.finish(text);
}

}  // namespace llmcalc::chunking
