// Token-exact chunking for RAG: a document of D tokens cut into windows of
// S tokens that step by S − O (O tokens of overlap between neighbours).
//
// Two modes share one rule:
//  * the arithmetic (plan_chunks): how many chunks and how many tokens get
//    embedded, from the three numbers alone;
//  * real chunking of a text (chunk_text): encode once with a loaded
//    Encoding and cut the token sequence into the same windows, reporting
//    each chunk's token range and its byte range in the original text.
//
// The count is 1 if D ≤ S, else 1 + ceil((D − S) / (S − O)); chunk k covers
// tokens [k(S − O), min(k(S − O) + S, D)). Embedded tokens (the sum of the
// chunk lengths) are D + (chunks − 1)·O, and the overlap overhead is
// embedded ÷ D − 1. D = 0 is allowed in the arithmetic and gives 0 chunks,
// 0 embedded tokens and 0 overhead; an empty text is an InputError.
//
// Byte ranges and split characters: a token may end in the middle of a
// UTF-8 character (BPE works on bytes; CJK and emoji often split). Token
// ranges always stay exact. A chunk's byte range is derived from its tokens'
// bytes, and each edge that falls inside a character is moved forward to the
// next character boundary, so the character belongs to the chunk holding
// its first byte (the rule TokenSpan uses too) and every chunk's text is a
// clean substring of the input. Such a chunk has split_character = true.
// With no overlap, the chunk texts therefore concatenate to the input
// exactly. A window made only of the inner bytes of one character has an
// empty byte range. "Character" follows tokenizer/utf8.h: a byte that does
// not start a well-formed sequence is a character of its own, so invalid
// UTF-8 is chunked without error (it is never split, as it is one byte).
//
// Memory: results hold ranges only, no text; chunk_bytes() gives a chunk's
// text as a view into the caller's text, so nothing is copied per chunk.
// Tokens are never stored: chunking 100 MB keeps only the chunk edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tokenizer/encoding.h"

namespace llmcalc::chunking {

// Upper limits that keep every result exact in 64-bit integers.
constexpr std::uint64_t kMaxDocumentTokens = 1'000'000'000'000ull;  // 10^12
constexpr std::uint64_t kMaxChunkSize = 10'000'000ull;              // 10^7

struct ChunkSettings {
  std::uint64_t size = 0;     // S ≥ 1
  std::uint64_t overlap = 0;  // 0 ≤ O < S
};

// Validates numbers as people typed them (already parsed to double):
// whole numbers, size ≥ 1 and ≤ kMaxChunkSize, 0 ≤ overlap < size.
// Throws InputError with field "size" or "overlap".
ChunkSettings chunk_settings(double size, double overlap);

// Whole number in [0, kMaxDocumentTokens]; field "document_tokens".
std::uint64_t document_tokens(double tokens);

struct ChunkPlan {
  std::uint64_t document_tokens = 0;
  ChunkSettings settings;
  std::uint64_t chunks = 0;
  std::uint64_t embedded_tokens = 0;
  double overlap_overhead = 0;  // embedded ÷ D − 1; 0 when D = 0
};

// Requires valid settings (chunk_settings) and D ≤ kMaxDocumentTokens.
std::uint64_t chunk_count(std::uint64_t document_tokens, const ChunkSettings& settings);
ChunkPlan plan_chunks(std::uint64_t document_tokens, const ChunkSettings& settings);

// How many chunks a retrieval budget holds: of a W-token context window,
// R tokens are reserved for the rest of the request (system prompt,
// question, output reserve); the W − R left take floor((W − R) ÷ S)
// chunks of S tokens. Fields "context_window" (1 … kMaxDocumentTokens) and
// "reserved_tokens" (0 … W − 1) in errors.
struct RetrievalFit {
  std::uint64_t context_window = 0;
  std::uint64_t reserved_tokens = 0;
  std::uint64_t budget_tokens = 0;  // W − R
  std::uint64_t chunks = 0;         // whole chunks that fit
  std::uint64_t unused_tokens = 0;  // budget − chunks · S
};
RetrievalFit retrieval_fit(double context_window, double reserved_tokens,
                           const ChunkSettings& settings);

struct TextChunk {
  std::size_t index;
  std::size_t token_start, token_end;  // [start, end) in the document's tokens
  std::size_t byte_start, byte_end;    // [start, end) in the text, on character boundaries
  bool split_character;                // an edge was moved off a split character
};

struct TextChunks {
  ChunkPlan plan;  // document_tokens = the text's token count
  std::vector<TextChunk> chunks;
};

// Cuts a stream of tokens into chunks as they go by, keeping one record
// per chunk and none per token, so memory follows the chunk count, not the
// text's length. token() takes each token's byte range [start, end) in
// order; finish() sets the chunk count from the number of tokens seen
// (a window started past the last chunk is dropped) and moves byte edges
// off split characters. No tokens: InputError (field "text").
class ChunkCutter {
 public:
  explicit ChunkCutter(const ChunkSettings& settings);
  void token(std::size_t byte_start, std::size_t byte_end);
  TextChunks finish(std::string_view text);

 private:
  ChunkSettings settings_;
  std::size_t step_;
  std::size_t tokens_ = 0;
  std::size_t next_start_ = 0;  // token that opens the next window
  std::size_t next_end_;        // token that closes the oldest open window
  std::size_t closed_ = 0;      // windows closed so far
  std::size_t last_byte_end_ = 0;
  std::vector<TextChunk> chunks_;  // raw byte edges until finish()
};

// Encodes `text` once, streaming, and cuts it. Empty text is an InputError (field
// "text"); special-token text follows `policy` as in Encoding::encode.
TextChunks chunk_text(const tokenizer::Encoding& encoding, std::string_view text,
                      const ChunkSettings& settings, const tokenizer::SpecialPolicy& policy = {});

inline std::string_view chunk_bytes(std::string_view text, const TextChunk& chunk) {
  return text.substr(chunk.byte_start, chunk.byte_end - chunk.byte_start);
}

// The first character boundary at or after `pos` (pos ≤ text.size()).
std::size_t next_char_boundary(std::string_view text, std::size_t pos);

}  // namespace llmcalc::chunking
