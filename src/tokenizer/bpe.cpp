#include "tokenizer/bpe.h"

#include <algorithm>

namespace llmcalc::tokenizer {
namespace {

// Above this many bytes the quadratic scan loses to the heap. Counted with
// callgrind over the test corpus: 32 takes about 5% fewer instructions than
// 128 for o200k_base (long CJK and Thai pieces); 24 and 16 are no better.
constexpr std::size_t kHeapThreshold = 32;

std::size_t merge_small(const Vocab& vocab, const std::uint8_t* p, std::size_t len,
                        BpeWorkspace& ws) {
  auto& starts = ws.starts;
  auto& ranks = ws.ranks;
  auto& pair = ws.pair;
  starts.resize(len + 1);
  ranks.resize(len);
  pair.resize(len);
  for (std::size_t i = 0; i <= len; ++i) starts[i] = static_cast<std::uint32_t>(i);
  for (std::size_t i = 0; i < len; ++i) ranks[i] = vocab.rank(p + i, 1);
  for (std::size_t i = 0; i + 1 < len; ++i) pair[i] = vocab.rank(p + i, 2);
  std::size_t parts = len;
  auto span_rank = [&](std::size_t a, std::size_t b) {  // parts a .. b-1 joined
    return vocab.rank(p + starts[a], starts[b] - starts[a]);
  };
  while (parts > 1) {
    Rank best = kNoRank;
    std::size_t at = 0;
    for (std::size_t i = 0; i + 1 < parts; ++i) {
      if (pair[i] < best) {
        best = pair[i];
        at = i;
      }
    }
    if (best == kNoRank) break;
    // Join parts at and at+1: drop the boundary between them.
    ranks[at] = best;
    std::copy(starts.begin() + static_cast<std::ptrdiff_t>(at + 2),
              starts.begin() + static_cast<std::ptrdiff_t>(parts + 1),
              starts.begin() + static_cast<std::ptrdiff_t>(at + 1));
    std::copy(ranks.begin() + static_cast<std::ptrdiff_t>(at + 2),
              ranks.begin() + static_cast<std::ptrdiff_t>(parts),
              ranks.begin() + static_cast<std::ptrdiff_t>(at + 1));
    if (at + 2 < parts) {
      std::copy(pair.begin() + static_cast<std::ptrdiff_t>(at + 2),
                pair.begin() + static_cast<std::ptrdiff_t>(parts - 1),
                pair.begin() + static_cast<std::ptrdiff_t>(at + 1));
    }
    --parts;
    if (at + 1 < parts) pair[at] = span_rank(at, at + 2);
    if (at > 0) pair[at - 1] = span_rank(at - 1, at + 1);
  }
  return parts;
}

// A 4-ary min-heap of (rank << 32 | position) in `a`. A long piece's heap
// holds one entry per byte (8 MB for a megabyte of letters), so each level
// is a likely cache miss: four children per node halve the levels of a
// binary heap, and the four sit side by side.
class QuadHeap {
 public:
  explicit QuadHeap(RawVector<std::uint64_t>& a) : a_(a) {}
  bool empty() const { return a_.empty(); }
  // Sifts down every parent, the last one ((n - 2) / 4) first. Starting
  // past it read a_[i] beyond the end of a heap of 0 or 1 entries.
  void build() {
    if (a_.size() < 2) return;
    for (std::size_t i = (a_.size() - 2) / 4 + 1; i-- > 0;) sift_down(i, a_[i]);
  }
  void push(std::uint64_t v) {
    std::size_t i = a_.size();
    a_.push_back(v);
    while (i > 0) {
      std::size_t parent = (i - 1) / 4;
      if (a_[parent] <= v) break;
      a_[i] = a_[parent];
      i = parent;
    }
    a_[i] = v;
  }
  std::uint64_t pop() {
    std::uint64_t top = a_[0];
    std::uint64_t last = a_.back();
    a_.pop_back();
    if (!a_.empty()) sift_down(0, last);
    return top;
  }

 private:
  // Places v at i or below, moving smaller children up.
  void sift_down(std::size_t i, std::uint64_t v) {
    const std::size_t n = a_.size();
    if (i >= n) return;
    for (;;) {
      std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t least = first;
      std::size_t end = std::min(first + 4, n);
      for (std::size_t c = first + 1; c < end; ++c) {
        if (a_[c] < a_[least]) least = c;
      }
      if (v <= a_[least]) break;
      a_[i] = a_[least];
      i = least;
    }
    a_[i] = v;
  }
  RawVector<std::uint64_t>& a_;
};

std::size_t merge_heap(const Vocab& vocab, const std::uint8_t* p, std::size_t len,
                       BpeWorkspace& ws) {
  const std::uint32_t end = static_cast<std::uint32_t>(len);
  auto& parts = ws.parts;
  auto& heap = ws.heap;
  parts.resize(len);
  heap.clear();
  for (std::uint32_t i = 0; i < end; ++i) {
    // prev wraps for i == 0; never read there.
    Rank pair = i + 1 < end ? vocab.rank(p + i, 2) : kNoRank;
    parts[i] = {i + 1, i - 1, pair, vocab.rank(p + i, 1)};
    if (pair != kNoRank) heap.push_back(std::uint64_t{pair} << 32 | i);
  }
  QuadHeap queue(heap);
  queue.build();
  auto pair_rank = [&](std::uint32_t i) -> Rank {
    std::uint32_t j = parts[i].next;
    if (j >= end) return kNoRank;
    return vocab.rank(p + i, parts[j].next - i);
  };
  while (!queue.empty()) {
    std::uint64_t top = queue.pop();
    Rank r = static_cast<Rank>(top >> 32);
    std::uint32_t i = static_cast<std::uint32_t>(top);
    auto& part = parts[i];
    if (part.pair != r) continue;  // stale: the part changed since this was pushed
    auto& gone = parts[part.next];
    part.tok = r;
    gone.pair = kNoRank;
    part.next = gone.next;
    if (part.next < end) parts[part.next].prev = i;
    part.pair = pair_rank(i);
    if (part.pair != kNoRank) queue.push(std::uint64_t{part.pair} << 32 | i);
    if (i > 0) {
      std::uint32_t h = part.prev;
      parts[h].pair = pair_rank(h);
      if (parts[h].pair != kNoRank) queue.push(std::uint64_t{parts[h].pair} << 32 | h);
    }
  }
  // The surviving parts, in order.
  auto& starts = ws.starts;
  auto& tok = ws.ranks;
  starts.resize(len + 1);
  tok.resize(len);
  std::size_t count = 0;
  for (std::uint32_t i = 0; i < end; i = parts[i].next) {
    starts[count] = i;
    tok[count] = parts[i].tok;
    ++count;
  }
  starts[count] = end;
  return count;
}

// A piece of up to a chunk: the array scan or the heap.
std::size_t merge_whole(const Vocab& vocab, const std::uint8_t* p, std::size_t len,
                        BpeWorkspace& ws) {
  return len <= kHeapThreshold ? merge_small(vocab, p, len, ws) : merge_heap(vocab, p, len, ws);
}

using Tokens = BpeWorkspace::Tokens;

// The latest merge's k tokens, of bytes starting at `base`, into `into`.
void keep(const BpeWorkspace& ws, std::size_t k, std::uint32_t base, Tokens& into) {
  into.starts.resize(k + 1);
  into.ranks.resize(k);
  for (std::size_t i = 0; i < k; ++i) {
    into.starts[i] = base + ws.starts[i];
    into.ranks[i] = ws.ranks[i];
  }
  into.starts[k] = base + ws.starts[k];
}

// Appends tokens [first, end) of `from` to `to`; both end with a sentinel
// start, the end of their last token.
void append(Tokens& to, const Tokens& from, std::size_t first) {
  to.starts.pop_back();
  for (std::size_t i = first; i < from.ranks.size(); ++i) {
    to.starts.push_back(from.starts[i]);
    to.ranks.push_back(from.ranks[i]);
  }
  to.starts.push_back(from.starts.back());
}

// Whether two neighbouring tokens, bytes [a, b) and [b, c), are what BPE
// makes of their joined bytes.
bool compatible(const Vocab& vocab, const std::uint8_t* p, std::uint32_t a, std::uint32_t b,
                std::uint32_t c, BpeWorkspace& ws) {
  std::size_t k = merge_whole(vocab, p + a, c - a, ws);
  return k == 2 && ws.starts[1] == b - a;
}

// Above this many bytes a piece is merged a chunk at a time: two of the
// vocabulary's longest tokens, and at least 256 bytes. A megabyte of random
// letters is one piece, and its heap outgrew the caches: natively, chunks
// of 256 took it from 330 to 80 ms for cl100k_base. Smaller chunks are
// faster still on letters, but a seam inside a long token (a megabyte of
// spaces is 128-space tokens) widens its window over many chunks.
std::size_t chunk_size(const Vocab& vocab) {
  return std::max<std::size_t>(256, 2 * vocab.max_token_length());
}

}  // namespace

namespace detail {

// Merges each chunk on its own, then mends each seam. This is exact
// because of three properties of BPE (github/rust-gems, crates/bpe,
// README "Properties of BPE"): a text has one valid encoding; any run of
// tokens of a valid encoding is the valid encoding of its bytes; and
// valid encodings joined are valid when the two tokens at the joint are
// "compatible" – BPE of their joined bytes is those two tokens. So at
// each seam the tokens around it are merged again as one window, widened
// (doubling, on the side that fails) until both of its edges are
// compatible with the tokens they meet.
std::size_t merge_in_chunks(const Vocab& vocab, const std::uint8_t* p, std::size_t len,
                            std::size_t chunk, BpeWorkspace& ws, bool* fell_back) {
  Tokens& done = ws.done;
  Tokens& cur = ws.chunk;
  Tokens& win = ws.window;
  if (fell_back) *fell_back = false;
  done.starts.assign(1, 0);
  done.ranks.clear();
  std::size_t remerged = 0;
  for (std::size_t s = 0; s < len; s += chunk) {
    const std::size_t e = std::min(len, s + chunk);
    keep(ws, merge_whole(vocab, p + s, e - s, ws), static_cast<std::uint32_t>(s), cur);
    const std::size_t n = done.ranks.size();
    const std::size_t k = cur.ranks.size();
    std::size_t back = 0;  // tokens of `done` merged again; 0 only before the first chunk
    std::size_t ahead = 0;
    if (n > 0) {
      for (back = 1, ahead = 1;;) {
        const std::uint32_t from = done.starts[n - back];
        const std::uint32_t to = cur.starts[ahead];
        // Seams whose windows keep widening (a text whose tokens shift
        // far back when one more byte follows) would make this quadratic:
        // past the cost of merging the piece once more, merge it whole.
        remerged += to - from;
        if (remerged > len) {
          if (fell_back) *fell_back = true;
          return merge_heap(vocab, p, len, ws);
        }
        keep(ws, merge_whole(vocab, p + from, to - from, ws), from, win);
        const std::size_t m = win.ranks.size();
        // An edge token that did not change meets its old neighbour, which
        // a valid encoding already makes compatible.
        const bool left = back == n || win.starts[1] == done.starts[n - back + 1] ||
                          compatible(vocab, p, done.starts[n - back - 1], from, win.starts[1], ws);
        const bool right = ahead == k || win.starts[m - 1] == cur.starts[ahead - 1] ||
                           compatible(vocab, p, win.starts[m - 1], to, cur.starts[ahead + 1], ws);
        if (left && right) break;
        if (!left) back = std::min(n, 2 * back);
        if (!right) ahead = std::min(k, 2 * ahead);
      }
    }
    done.starts.resize(n - back + 1);
    done.ranks.resize(n - back);
    if (n > 0) append(done, win, 0);
    append(done, cur, ahead);
  }
  std::swap(ws.starts, done.starts);
  std::swap(ws.ranks, done.ranks);
  return ws.ranks.size();
}

}  // namespace detail

std::size_t bpe_merge(const Vocab& vocab, const std::uint8_t* p, std::size_t len,
                      BpeWorkspace& ws) {
  const std::size_t chunk = chunk_size(vocab);
  if (len <= chunk) return merge_whole(vocab, p, len, ws);
  return detail::merge_in_chunks(vocab, p, len, chunk, ws);
}

}  // namespace llmcalc::tokenizer
