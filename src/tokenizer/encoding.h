// One OpenAI encoding, ready to use: its vocabulary (loaded from bytes the
// caller hands over – the core does no I/O), pre-tokenizer and special
// tokens. Results are token for token those of tiktoken.
//
// Special tokens follow tiktoken's policy. By default special-token text
// ("<|endoftext|>") in the input is an InputError naming the token, because
// silently encoding it either way can change what a prompt means. The
// caller may allow some or all of them (they then encode as their special
// id), or ask for all text to be treated as ordinary text.
//
// The Hugging Face families and the legacy Claude tokenizer (issue #4) use
// the same class and policy: their added tokens marked special are what
// "special tokens" means above; their other added tokens always encode as
// their id, as in HF (added_tokens.h). Where the spec says so, the text is
// Unicode-normalized first (normalizer.h); spans still point into the
// text as given.
//
// Input is bytes, meant to be UTF-8; invalid bytes are counted, never
// rejected (see utf8.h for the rule). An Encoding is not thread-safe: it
// reuses scratch buffers between calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenizer/bpe.h"
#include "tokenizer/encoding_spec.h"
#include "tokenizer/hf_data.h"
#include "tokenizer/pair_bpe.h"
#include "tokenizer/vocab.h"
#include "util/raw_vector.h"

namespace llmcalc::tokenizer {

struct SpecialPolicy {
  bool allow_all = false;            // every special token encodes as its id
  std::vector<std::string> allowed;  // or just these
  bool others_as_text = false;       // the rest: ordinary text, not an error
};

// One token and where it came from: bytes [byte_start, byte_end) of the
// input, and the same range in UTF-16 code units (for highlighting in a
// page). A character whose bytes are split between tokens belongs to the
// token holding its first byte; the others get an empty UTF-16 range.
struct TokenSpan {
  std::uint32_t id, byte_start, byte_end, utf16_start, utf16_end;
};

class Encoding {
 public:
  // `vocab_file`: the bytes of <spec.ranks>.bin. Throws InputError.
  Encoding(const EncodingSpec& spec, const std::uint8_t* vocab_file, std::size_t size);
  // Shares an already loaded vocabulary (p50k_edit, o200k_harmony).
  Encoding(const EncodingSpec& spec, std::shared_ptr<const Vocab> vocab);

  const EncodingSpec& spec() const { return *spec_; }
  const std::string& name() const { return spec_->name; }
  const std::shared_ptr<const Vocab>& vocab() const { return vocab_; }

  // The number of tokens, without building the token list.
  std::size_t count(std::string_view text, const SpecialPolicy& policy = {}) const;
  // Appends the token ids of `text` to `out`.
  void encode(std::string_view text, std::vector<std::uint32_t>& out,
              const SpecialPolicy& policy = {}) const;
  std::vector<TokenSpan> spans(std::string_view text, const SpecialPolicy& policy = {}) const;
  // Calls each(byte_start, byte_end) for every token, in order, and keeps
  // none of them: for callers that need a few ranges of a huge text
  // (chunking 100 MB keeps the chunk edges, not 25 million spans).
  void each_token(std::string_view text, const SpecialPolicy& policy,
                  const std::function<void(std::size_t, std::size_t)>& each) const;
  // Bytes of the tokens; an unknown id is an InputError (field "ids").
  std::string decode_bytes(const std::uint32_t* ids, std::size_t n) const;

 private:
  template <class Sink>
  void walk(std::string_view text, const SpecialPolicy& policy, Sink& sink) const;
  // The text s[0, n) between special tokens; `origin` maps an offset in s to
  // one in the caller's text (null: the same offset).
  template <class Sink>
  void walk_bytes(const std::uint8_t* s, std::size_t n, const std::uint32_t* origin,
                  const SpecialPolicy& policy, Sink& sink) const;
  template <class Sink>
  void ordinary(const std::uint8_t* s, std::size_t begin, std::size_t end,
                const std::uint32_t* origin, Sink& sink) const;
  // Pre-tokenizes and merges seg[0, n); a position x there is reported as
  // map[x], or base + x without a map.
  template <class Sink>
  void pieces(const std::uint8_t* seg, std::size_t n, const std::uint32_t* map, std::size_t base,
              Sink& sink) const;
  std::size_t merge(const std::uint8_t* piece, std::size_t len) const;
  bool find_added(const std::uint8_t* s, std::size_t n, std::size_t from,
                  const SpecialPolicy& policy, std::size_t& start, std::size_t& end,
                  std::uint32_t& id) const;
  // Next allowed special token at or after `from`: its start, end and id;
  // throws for a disallowed one unless the policy says "as text".
  bool find_special(const std::uint8_t* s, std::size_t n, std::size_t from,
                    const SpecialPolicy& policy, std::size_t& start, std::size_t& end,
                    std::uint32_t& id) const;
  void init_specials();
  [[noreturn]] void disallowed(const std::string& token) const;

  const EncodingSpec* spec_;
  std::shared_ptr<const Vocab> vocab_;
  const HfData* hf_ = nullptr;  // vocab_->hf() for the families from files
  CharSymbols chars_{};         // byte_fallback models: <0xXX> ids and "▁"
  std::vector<bool> is_byte_token_;
  // Normalized text and its offsets back into the input (normalizer.h).
  mutable std::string norm_text_, norm_segment_;
  mutable std::vector<std::uint32_t> norm_origin_, segment_origin_;
  std::unordered_map<std::string, std::uint32_t> special_ids_;
  std::unordered_map<std::uint32_t, std::string> special_names_;
  std::size_t max_special_len_ = 0;
  mutable BpeWorkspace ws_;

  // Short pieces that are not whole tokens, merged once and remembered
  // (direct-mapped, allocated on first use): real text repeats its words,
  // and merging is the expensive part of encoding.
  static constexpr std::size_t kCacheMaxLen = 24;
  static constexpr std::size_t kCacheSlots = 8192;
  // Trivial, so the cache is zeroed with one memset (fill_bytes), not slot
  // by slot: a first count runs unoptimized in a fresh page.
  struct CachedPiece {
    std::uint32_t len;  // 0: empty
    std::uint32_t count;
    std::uint8_t bytes[kCacheMaxLen];
    Rank ranks[kCacheMaxLen];
    std::uint8_t starts[kCacheMaxLen + 1];
  };
  mutable RawVector<CachedPiece> cache_;
};

}  // namespace llmcalc::tokenizer
