#include "dataset/token_stats.h"

#include <algorithm>
#include <cmath>

namespace llmcalc {

double quantile(const std::vector<std::uint32_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  double pos = q * static_cast<double>(sorted.size() - 1);
  auto lo = static_cast<std::size_t>(std::floor(pos));
  std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  double frac = pos - static_cast<double>(lo);
  return sorted[lo] + (static_cast<double>(sorted[hi]) - sorted[lo]) * frac;
}

std::optional<int> default_epochs(std::size_t n) {
  constexpr std::size_t kTarget = 3, kMinExamples = 100, kMaxExamples = 25000;
  constexpr std::size_t kMinEpochs = 1, kMaxEpochs = 25;
  if (n == 0) return std::nullopt;
  std::size_t epochs = kTarget;
  if (n * kTarget < kMinExamples) {
    epochs = std::min(kMaxEpochs, kMinExamples / n);
  } else if (n * kTarget > kMaxExamples) {
    epochs = std::max(kMinEpochs, kMaxExamples / n);
  }
  return static_cast<int>(epochs);
}

TokenStats compute_token_stats(std::vector<std::uint32_t> counts, std::size_t limit,
                               std::size_t bins) {
  TokenStats s;
  s.examples = counts.size();
  if (counts.empty()) return s;
  std::sort(counts.begin(), counts.end());
  s.min = counts.front();
  s.max = counts.back();
  for (auto c : counts) {
    s.total += c;
    s.total_truncated += std::min<std::uint64_t>(c, limit);
    if (c > limit) ++s.over_limit;
  }
  s.mean = static_cast<double>(s.total) / static_cast<double>(counts.size());
  s.median = quantile(counts, 0.5);
  s.p10 = quantile(counts, 0.1);
  s.p90 = quantile(counts, 0.9);

  // Whole-token bins: never more bins than distinct values in the range.
  std::uint64_t span = static_cast<std::uint64_t>(s.max) - s.min + 1;
  std::uint64_t n_bins = std::max<std::uint64_t>(1, std::min<std::uint64_t>(bins, span));
  std::uint64_t width = (span + n_bins - 1) / n_bins;
  n_bins = (span + width - 1) / width;
  for (std::uint64_t i = 0; i < n_bins; ++i) {
    std::uint64_t from = s.min + i * width;
    std::uint64_t to = std::min<std::uint64_t>(from + width - 1, s.max);
    s.histogram.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to), 0});
  }
  for (auto c : counts) ++s.histogram[(c - s.min) / width].count;
  return s;
}

}  // namespace llmcalc
