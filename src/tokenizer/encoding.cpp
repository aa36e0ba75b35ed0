#include "tokenizer/encoding.h"

#include <algorithm>
#include <cstring>

#include "tokenizer/utf8.h"
#include "util/input_error.h"

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
  for (const auto& [text, id] : spec_->specials) {
    special_ids_[text] = id;
    special_names_[id] = text;  // later entries win, as in tiktoken's decoder
    max_special_len_ = std::max(max_special_len_, text.size());
  }
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
    if (!policy.others_as_text) {
      throw InputError("text", "The text contains the special token " + candidate + ", which " +
                                   name() +
                                   " does not encode from text unless allowed. Allow it "
                                   "(allowed_special) or count it as ordinary text "
                                   "(special: \"text\").");
    }
  }
  return false;
}

namespace {

std::size_t cache_slot(const std::uint8_t* p, std::size_t len, std::size_t slots) {
  std::uint64_t h = len * 0x9E3779B97F4A7C15ull;
  for (std::size_t i = 0; i < len; i += 8) {
    std::uint64_t v = 0;
    std::memcpy(&v, p + i, std::min<std::size_t>(8, len - i));
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  return static_cast<std::size_t>(h) & (slots - 1);
}

}  // namespace

template <class Sink>
void Encoding::ordinary(const std::uint8_t* s, std::size_t begin, std::size_t end,
                        Sink& sink) const {
  // The pattern sees only this segment (tiktoken runs the regex on the text
  // between special tokens), so its end is "end of text" for \s+(?!\S).
  const Vocab& vocab = *vocab_;
  const std::uint8_t* seg = s + begin;
  std::size_t n = end - begin;
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t piece_end = next_piece(spec_->pattern, seg, n, pos);
    std::size_t len = piece_end - pos;
    const std::uint8_t* piece = seg + pos;
    Rank whole = vocab.rank(piece, len);
    if (whole != kNoRank) {
      sink.token(whole, begin + pos, begin + piece_end);
    } else if (len <= kCacheMaxLen) {
      if (cache_.empty()) cache_.resize(kCacheSlots);
      CachedPiece& c = cache_[cache_slot(piece, len, kCacheSlots)];
      if (c.len != len || std::memcmp(c.bytes, piece, len) != 0) {
        std::size_t k = bpe_merge(vocab, piece, len, ws_);
        c.len = static_cast<std::uint32_t>(len);
        c.count = static_cast<std::uint32_t>(k);
        std::memcpy(c.bytes, piece, len);
        std::copy(ws_.ranks.begin(), ws_.ranks.begin() + static_cast<std::ptrdiff_t>(k), c.ranks);
        for (std::size_t i = 0; i <= k; ++i) c.starts[i] = static_cast<std::uint8_t>(ws_.starts[i]);
      }
      sink.merged(c.ranks, c.starts, c.count, begin + pos);
    } else {
      std::size_t k = bpe_merge(vocab, piece, len, ws_);
      sink.merged(ws_.ranks.data(), ws_.starts.data(), k, begin + pos);
    }
    pos = piece_end;
  }
}

template <class Sink>
void Encoding::walk(std::string_view text, const SpecialPolicy& policy, Sink& sink) const {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t n = text.size();
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t start = n, end = n;
    std::uint32_t id = 0;
    bool special = find_special(s, n, pos, policy, start, end, id);
    ordinary(s, pos, start, sink);
    if (!special) break;
    sink.token(id, start, end);
    pos = end;
  }
}

namespace {

struct CountSink {
  std::size_t count = 0;
  void token(std::uint32_t, std::size_t, std::size_t) { ++count; }
  template <class Start>
  void merged(const Rank*, const Start*, std::size_t k, std::size_t) {
    count += k;
  }
};

struct IdSink {
  std::vector<std::uint32_t>* out;
  void token(std::uint32_t id, std::size_t, std::size_t) { out->push_back(id); }
  template <class Start>
  void merged(const Rank* ranks, const Start*, std::size_t k, std::size_t) {
    out->insert(out->end(), ranks, ranks + k);
  }
};

struct SpanSink {
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
    std::string_view bytes = vocab_->bytes(ids[i]);
    if (bytes.empty()) {
      auto it = special_names_.find(ids[i]);
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
