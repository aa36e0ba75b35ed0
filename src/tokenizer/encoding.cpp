#include "tokenizer/encoding.h"

#include <algorithm>
#include <cstring>

#include "tokenizer/normalizer.h"
#include "tokenizer/pair_bpe.h"
#include "tokenizer/utf8.h"
#include "util/input_error.h"
#include "util/short_bytes.h"

namespace llmcalc::tokenizer {

Encoding::Encoding(const EncodingSpec& spec, const std::uint8_t* vocab_file, std::size_t size)
    : spec_(&spec), vocab_(std::make_shared<const Vocab>(vocab_file, size, spec.ranks)) {
  init_specials();
}

Encoding::Encoding(const EncodingSpec& spec, std::shared_ptr<const Vocab> vocab)
    : spec_(&spec), vocab_(std::move(vocab)) {
  init_specials();
}

void Encoding::init_specials() {
  if (spec_->from_file) {
    hf_ = vocab_->hf();
    auto bad = [&](const std::string& why) {
      throw InputError("vocabulary", "The vocabulary file for " + name() + " is not usable: " +
                                         why + ". Rebuild it with data/vocab/build_hf_vocab.mjs.");
    };
    if (!hf_) bad("it has no merges or added tokens (format version 3 is needed)");
    // The converter describes the pipeline it checked in tokenizer.json; the
    // core must implement exactly that one.
    std::string file = hf_->descriptor;
    std::string merges = " merges=" + descriptor_value(file, "merges");
    if (auto at = file.find(merges); at != std::string::npos) file.erase(at, merges.size());
    if (file != expected_descriptor(*spec_)) {
      bad("it was converted for '" + hf_->descriptor + "', this build implements '" +
          expected_descriptor(*spec_) + "'");
    }
    if (vocab_->rank_end() != spec_->n_vocab) {
      bad("it has " + std::to_string(vocab_->rank_end()) + " ids, expected " +
          std::to_string(spec_->n_vocab));
    }
    auto rank_of = [&](const std::string& t) {
      return vocab_->rank(reinterpret_cast<const std::uint8_t*>(t.data()), t.size());
    };
    if (spec_->byte_fallback) {
      static const char kHex[] = "0123456789ABCDEF";
      is_byte_token_.assign(vocab_->rank_end(), false);
      for (int b = 0; b < 256; ++b) {
        Rank r = rank_of(std::string("<0x") + kHex[b >> 4] + kHex[b & 15] + ">");
        if (r == kNoRank) bad("the byte token for " + std::to_string(b) + " is missing");
        chars_.byte_fallback[b] = r;
        is_byte_token_[r] = true;
      }
      chars_.space = rank_of("\xE2\x96\x81");  // ▁
      if (chars_.space == kNoRank) bad("it has no token for U+2581");
    } else {
      for (int b = 0; b < 256; ++b) {
        if (rank_of(std::string(1, static_cast<char>(b))) == kNoRank) {
          bad("byte " + std::to_string(b) + " has no token");
        }
      }
    }
    return;
  }
  for (const auto& [text, id] : spec_->specials) {
    special_ids_[text] = id;
    special_names_[id] = text;  // later entries win, as in tiktoken's decoder
    max_special_len_ = std::max(max_special_len_, text.size());
  }
}

void Encoding::disallowed(const std::string& token) const {
  throw InputError("text", "The text contains the special token " + token + ", which " + name() +
                               " does not encode from text unless allowed. Allow it "
                               "(allowed_special) or count it as ordinary text "
                               "(special: \"text\").");
}

bool Encoding::find_added(const std::uint8_t* s, std::size_t n, std::size_t from,
                          const SpecialPolicy& policy, std::size_t& start, std::size_t& end,
                          std::uint32_t& id) const {
  for (std::size_t i = from; i < n;) {
    AddedMatch m = hf_->added.find(s, n, i);
    if (!m.token) return false;
    const AddedToken& t = *m.token;
    bool allowed =
        !t.special || policy.allow_all ||
        std::find(policy.allowed.begin(), policy.allowed.end(), t.text) != policy.allowed.end();
    if (allowed) {
      start = m.start;
      end = m.end;
      id = t.id;
      return true;
    }
    if (!policy.others_as_text) disallowed(t.text);
    i = m.start + 1;  // its bytes are ordinary text
  }
  return false;
}

bool Encoding::find_special(const std::uint8_t* s, std::size_t n, std::size_t from,
                            const SpecialPolicy& policy, std::size_t& start, std::size_t& end,
                            std::uint32_t& id) const {
  // Every OpenAI special token has the form "<|name|>" with no "|>" inside,
  // so each "<|" has at most one candidate: up to the first "|>" after it.
  for (std::size_t i = from; i + 1 < n; ++i) {
    const void* hit = std::memchr(s + i, '<', n - i - 1);
    if (!hit) return false;
    i = static_cast<std::size_t>(static_cast<const std::uint8_t*>(hit) - s);
    if (s[i + 1] != '|') continue;
    std::size_t limit = std::min(n, i + max_special_len_);
    std::size_t close = i + 2;
    while (close + 1 < limit && !(s[close] == '|' && s[close + 1] == '>')) ++close;
    if (close + 1 >= limit) continue;
    std::string candidate(reinterpret_cast<const char*>(s + i), close + 2 - i);
    auto it = special_ids_.find(candidate);
    if (it == special_ids_.end()) continue;
    bool allowed = policy.allow_all || std::find(policy.allowed.begin(), policy.allowed.end(),
                                                 candidate) != policy.allowed.end();
    if (allowed) {
      start = i;
      end = close + 2;
      id = it->second;
      return true;
    }
    if (!policy.others_as_text) disallowed(candidate);
  }
  return false;
}

namespace {

std::size_t cache_slot(const std::uint8_t* p, std::size_t len, std::size_t slots) {
  std::uint64_t h = len * 0x9E3779B97F4A7C15ull;
  for (std::size_t i = 0; i < len; i += 8) {
    std::uint64_t v = load_le(p + i, len - i);
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  return static_cast<std::size_t>(h) & (slots - 1);
}

}  // namespace

std::size_t Encoding::merge(const std::uint8_t* piece, std::size_t len) const {
  if (hf_ && hf_->pair_merges) {
    return pair_merge(*vocab_, hf_->merges, piece, len, ws_,
                      spec_->byte_fallback ? &chars_ : nullptr);
  }
  return bpe_merge(*vocab_, piece, len, ws_);
}

template <class Sink>
void Encoding::pieces(const std::uint8_t* seg, std::size_t n, const std::uint32_t* map,
                      std::size_t base, Sink& sink) const {
  // The pattern sees only this segment (tiktoken runs the regex on the text
  // between special tokens), so its end is "end of text" for \s+(?!\S).
  const Vocab& vocab = *vocab_;
  auto at = [&](std::size_t x) -> std::size_t { return map ? map[x] : base + x; };
  auto emit = [&](const Rank* ranks, const auto* starts, std::size_t k, std::size_t from) {
    if (!map) return sink.merged(ranks, starts, k, base + from);
    for (std::size_t i = 0; i < k; ++i) {
      sink.token(ranks[i], at(from + starts[i]), at(from + starts[i + 1]));
    }
  };
  // Without ignore_merges (Qwen, DeepSeek) a piece that is a token still
  // goes through the merges, which need not reach it.
  const bool whole_first = spec_->ignore_merges;
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t piece_end = next_piece(spec_->pattern, seg, n, pos);
    std::size_t len = piece_end - pos;
    const std::uint8_t* piece = seg + pos;
    Rank whole = whole_first ? vocab.rank(piece, len) : kNoRank;
    if (whole != kNoRank) {
      sink.token(whole, at(pos), at(piece_end));
    } else if (len <= kCacheMaxLen) {
      if (cache_.empty()) fill_bytes(cache_, kCacheSlots, 0);
      CachedPiece& c = cache_[cache_slot(piece, len, kCacheSlots)];
      if (c.len != len || !same_bytes(c.bytes, piece, len)) {
        std::size_t k = merge(piece, len);
        c.len = static_cast<std::uint32_t>(len);
        c.count = static_cast<std::uint32_t>(k);
        std::memcpy(c.bytes, piece, len);
        std::copy(ws_.ranks.begin(), ws_.ranks.begin() + static_cast<std::ptrdiff_t>(k), c.ranks);
        for (std::size_t i = 0; i <= k; ++i) c.starts[i] = static_cast<std::uint8_t>(ws_.starts[i]);
      }
      emit(c.ranks, c.starts, c.count, pos);
    } else {
      std::size_t k = merge(piece, len);
      emit(ws_.ranks.data(), ws_.starts.data(), k, pos);
    }
    pos = piece_end;
  }
}

template <class Sink>
void Encoding::ordinary(const std::uint8_t* s, std::size_t begin, std::size_t end,
                        const std::uint32_t* origin, Sink& sink) const {
  const std::uint8_t* seg = s + begin;
  const std::size_t n = end - begin;
  // HF normalizes each section between added tokens (transformers.js
  // _encode_text; tokenizers' AddedVocabulary::extract_and_normalize).
  std::vector<std::uint32_t>* map = Sink::kPositions ? &segment_origin_ : nullptr;
  if (spec_->normalizer == Normalizer::kNfcSections &&
      normalize_if_needed(NormalForm::kNfc, seg, n, norm_segment_, map)) {
    if (map) {
      for (auto& x : *map) x = static_cast<std::uint32_t>(origin ? origin[begin + x] : begin + x);
    }
    pieces(reinterpret_cast<const std::uint8_t*>(norm_segment_.data()), norm_segment_.size(),
           map ? map->data() : nullptr, 0, sink);
    return;
  }
  pieces(seg, n, origin ? origin + begin : nullptr, begin, sink);
}

template <class Sink>
void Encoding::walk_bytes(const std::uint8_t* s, std::size_t n, const std::uint32_t* origin,
                          const SpecialPolicy& policy, Sink& sink) const {
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t start = n, end = n;
    std::uint32_t id = 0;
    bool special = hf_ ? find_added(s, n, pos, policy, start, end, id)
                       : find_special(s, n, pos, policy, start, end, id);
    ordinary(s, pos, start, origin, sink);
    if (!special) break;
    sink.token(id, origin ? origin[start] : start, origin ? origin[end] : end);
    pos = end;
  }
}

template <class Sink>
void Encoding::walk(std::string_view text, const SpecialPolicy& policy, Sink& sink) const {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t n = text.size();
  // @anthropic-ai/tokenizer: text.normalize('NFKC'), then tiktoken with
  // every special allowed; so specials are found in the normalized text.
  std::vector<std::uint32_t>* map = Sink::kPositions ? &norm_origin_ : nullptr;
  if (spec_->normalizer == Normalizer::kNfkcWhole &&
      normalize_if_needed(NormalForm::kNfkc, s, n, norm_text_, map)) {
    walk_bytes(reinterpret_cast<const std::uint8_t*>(norm_text_.data()), norm_text_.size(),
               map ? map->data() : nullptr, policy, sink);
    return;
  }
  walk_bytes(s, n, nullptr, policy, sink);
}

namespace {

struct CountSink {
  static constexpr bool kPositions = false;
  std::size_t count = 0;
  void token(std::uint32_t, std::size_t, std::size_t) { ++count; }
  template <class Start>
  void merged(const Rank*, const Start*, std::size_t k, std::size_t) {
    count += k;
  }
};

struct IdSink {
  static constexpr bool kPositions = false;
  std::vector<std::uint32_t>* out;
  void token(std::uint32_t id, std::size_t, std::size_t) { out->push_back(id); }
  template <class Start>
  void merged(const Rank* ranks, const Start*, std::size_t k, std::size_t) {
    out->insert(out->end(), ranks, ranks + k);
  }
};

struct SpanSink {
  static constexpr bool kPositions = true;
  std::vector<TokenSpan> spans;
  void token(std::uint32_t id, std::size_t a, std::size_t b) {
    spans.push_back({id, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), 0, 0});
  }
  template <class Start>
  void merged(const Rank* ranks, const Start* starts, std::size_t k, std::size_t base) {
    for (std::size_t i = 0; i < k; ++i) token(ranks[i], base + starts[i], base + starts[i + 1]);
  }
};

struct RangeSink {
  static constexpr bool kPositions = true;  // ranges are offsets into the input
  const std::function<void(std::size_t, std::size_t)>& each;
  void token(std::uint32_t, std::size_t a, std::size_t b) { each(a, b); }
  template <class Start>
  void merged(const Rank*, const Start* starts, std::size_t k, std::size_t base) {
    for (std::size_t i = 0; i < k; ++i) each(base + starts[i], base + starts[i + 1]);
  }
};

}  // namespace

std::size_t Encoding::count(std::string_view text, const SpecialPolicy& policy) const {
  CountSink sink;
  walk(text, policy, sink);
  return sink.count;
}

void Encoding::encode(std::string_view text, std::vector<std::uint32_t>& out,
                      const SpecialPolicy& policy) const {
  IdSink sink{&out};
  walk(text, policy, sink);
}

std::vector<TokenSpan> Encoding::spans(std::string_view text, const SpecialPolicy& policy) const {
  SpanSink sink;
  walk(text, policy, sink);
  // UTF-16 offsets in one pass: a byte offset inside a character is rounded
  // up to the character's end, so the character goes with its first byte.
  // An invalid byte counts as one unit (it would show as U+FFFD).
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t byte = 0, unit = 0;
  auto units_at = [&](std::size_t target) {
    while (byte < target) {
      Char c = decode_char(s, text.size(), byte);
      byte += c.len;
      unit += c.cp != kInvalidByte && c.cp >= 0x10000 ? 2 : 1;
    }
    return static_cast<std::uint32_t>(unit);
  };
  for (auto& t : sink.spans) {
    t.utf16_start = units_at(t.byte_start);
    t.utf16_end = units_at(t.byte_end);
  }
  return std::move(sink.spans);
}

void Encoding::each_token(std::string_view text, const SpecialPolicy& policy,
                          const std::function<void(std::size_t, std::size_t)>& each) const {
  RangeSink sink{each};
  walk(text, policy, sink);
}

std::string Encoding::decode_bytes(const std::uint32_t* ids, std::size_t n) const {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (spec_->byte_fallback && ids[i] < is_byte_token_.size()) {
      // Gemma's decoder: <0xXX> is that byte, and '▁' is a space again.
      if (is_byte_token_[ids[i]]) {
        out +=
            static_cast<char>(std::find(chars_.byte_fallback, chars_.byte_fallback + 256, ids[i]) -
                              chars_.byte_fallback);
        continue;
      }
      std::string_view t = vocab_->bytes(ids[i]);
      for (std::size_t k = 0; k < t.size(); ++k) {
        if (k + 2 < t.size() && t.compare(k, 3, "\xE2\x96\x81") == 0) {
          out += ' ';
          k += 2;
        } else {
          out += t[k];
        }
      }
      if (!t.empty()) continue;
    }
    std::string_view bytes = vocab_->bytes(ids[i]);
    if (bytes.empty()) {
      const AddedToken* added = hf_ ? hf_->added.by_id(ids[i]) : nullptr;
      auto it = special_names_.find(ids[i]);
      if (added) {
        out += added->text;
        continue;
      }
      if (it == special_names_.end()) {
        throw InputError("ids", "Token id " + std::to_string(ids[i]) + " is not in " + name() +
                                    " (ids run from 0 to " + std::to_string(spec_->n_vocab - 1) +
                                    ").");
      }
      bytes = it->second;
    }
    out.append(bytes.data(), bytes.size());
  }
  return out;
}

}  // namespace llmcalc::tokenizer
