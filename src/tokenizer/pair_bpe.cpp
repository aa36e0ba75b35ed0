#include "tokenizer/pair_bpe.h"

#include <algorithm>
#include <functional>

#include "tokenizer/utf8.h"

namespace llmcalc::tokenizer {

std::size_t pair_merge(const Vocab& vocab, const MergeTable& merges, const std::uint8_t* p,
                       std::size_t len, BpeWorkspace& ws, const CharSymbols* chars) {
  // Parts are numbered in text order; next/prev link the live ones and
  // ws.starts holds where each begins (ws.starts[count] == len).
  auto& next = ws.next;
  auto& prev = ws.prev;
  auto& pair = ws.pair;  // merge index of part i with its successor; kNoRank if none or dead
  auto& made = ws.made;  // the token that merge makes
  auto& tok = ws.ranks;
  auto& starts = ws.starts;
  auto& heap = ws.heap;
  tok.resize(len);
  starts.resize(len + 1);
  // The parts' token bytes end to end, part i from at[i]: the piece itself
  // for byte-level models. For character-level ones ' ' is written as '▁',
  // and each byte of a byte-fallback part as 0xFF, which is in no token
  // (tokens are UTF-8), so such a part never merges.
  const std::uint8_t* text = p;
  const std::uint32_t* at = starts.data();
  std::uint32_t end = 0;  // number of initial parts
  if (!chars) {
    for (std::uint32_t i = 0; i < len; ++i) {
      tok[i] = vocab.rank(p + i, 1);
      starts[i] = i;
    }
    end = static_cast<std::uint32_t>(len);
  } else {
    auto& bytes = ws.text;
    auto& offsets = ws.at;
    bytes.clear();
    offsets.resize(len + 1);
    auto part = [&](Rank r, std::size_t input_at) {
      tok[end] = r;
      starts[end] = static_cast<std::uint32_t>(input_at);
      offsets[end++] = static_cast<std::uint32_t>(bytes.size());
    };
    for (std::size_t i = 0; i < len;) {
      Char c = decode_char(p, len, i);
      if (p[i] == ' ') {
        part(chars->space, i);
        bytes.insert(bytes.end(), {0xE2, 0x96, 0x81});
      } else if (Rank r = c.cp == kInvalidByte ? kNoRank : vocab.rank(p + i, c.len); r != kNoRank) {
        part(r, i);
        bytes.insert(bytes.end(), p + i, p + i + c.len);
      } else {
        for (std::size_t b = i; b < i + c.len; ++b) {
          part(chars->byte_fallback[p[b]], b);
          bytes.push_back(0xFF);
        }
      }
      i += c.len;
    }
    offsets[end] = static_cast<std::uint32_t>(bytes.size());
    text = bytes.data();
    at = offsets.data();
  }
  starts[end] = static_cast<std::uint32_t>(len);
  next.resize(end);
  prev.resize(end);
  pair.resize(end);
  made.resize(end);
  heap.clear();
  for (std::uint32_t i = 0; i < end; ++i) {
    next[i] = i + 1;
    prev[i] = i - 1;  // wraps for i == 0; never read there
  }
  // Parts i and next[i] merge when their bytes together are a token that a
  // merge cuts where they meet (merge_table.h).
  auto pair_index = [&](std::uint32_t i) -> Rank {
    std::uint32_t j = next[i];
    if (j >= end) return kNoRank;
    made[i] = vocab.rank(text + at[i], at[next[j]] - at[i]);
    return merges.index(made[i], at[j] - at[i]);
  };
  for (std::uint32_t i = 0; i < end; ++i) {
    pair[i] = pair_index(i);
    if (pair[i] != kNoRank) heap.push_back(std::uint64_t{pair[i]} << 32 | i);
  }
  // Smallest (index, position) first: the lowest merge, leftmost on ties.
  auto cmp = std::greater<std::uint64_t>();
  std::make_heap(heap.begin(), heap.end(), cmp);
  auto push = [&](std::uint32_t i) {
    if (pair[i] == kNoRank) return;
    heap.push_back(std::uint64_t{pair[i]} << 32 | i);
    std::push_heap(heap.begin(), heap.end(), cmp);
  };
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), cmp);
    std::uint64_t top = heap.back();
    heap.pop_back();
    Rank index = static_cast<Rank>(top >> 32);
    std::uint32_t i = static_cast<std::uint32_t>(top);
    if (pair[i] != index) continue;  // stale: a part changed since this was pushed
    std::uint32_t j = next[i];
    tok[i] = made[i];
    pair[j] = kNoRank;  // j is gone
    next[i] = next[j];
    if (next[i] < end) prev[next[i]] = i;
    pair[i] = pair_index(i);
    push(i);
    if (i > 0) {
      std::uint32_t h = prev[i];
      pair[h] = pair_index(h);
      push(h);
    }
  }
  // Compact the live parts (in place: the write index never passes the read one).
  std::size_t count = 0;
  for (std::uint32_t i = 0; i < end; i = next[i]) {
    starts[count] = starts[i];
    tok[count] = tok[i];
    ++count;
  }
  starts[count] = static_cast<std::uint32_t>(len);
  return count;
}

}  // namespace llmcalc::tokenizer
