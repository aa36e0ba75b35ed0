// Token statistics and the billing rule for a fine-tuning dataset, after
// OpenAI's cookbook (Chat_finetuning_data_prep) without its flaws: the
// percentiles are p10/p90 and are labelled so; they interpolate linearly
// between order statistics, like numpy's default quantile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace llmcalc {

// The cookbook's limit: tokens beyond it in one example are not trained on
// (nor billed).
constexpr std::size_t kDefaultExampleTokenLimit = 16385;

struct HistogramBin {
  std::uint32_t from = 0;  // inclusive
  std::uint32_t to = 0;    // inclusive
  std::size_t count = 0;
};

struct TokenStats {
  std::size_t examples = 0;
  std::uint32_t min = 0;
  std::uint32_t max = 0;
  double mean = 0;
  double median = 0;
  double p10 = 0;
  double p90 = 0;
  std::uint64_t total = 0;            // sum of all counts
  std::uint64_t total_truncated = 0;  // sum of min(limit, count)
  std::size_t over_limit = 0;         // examples with more than `limit` tokens
  std::vector<HistogramBin> histogram;
};

// `counts` is taken by value and sorted. Equal-width bins from min to max.
TokenStats compute_token_stats(std::vector<std::uint32_t> counts, std::size_t limit,
                               std::size_t bins = 10);

// OpenAI's default: TARGET_EPOCHS 3; if n x 3 < 100 -> min(25, 100 // n);
// if n x 3 > 25,000 -> max(1, 25,000 // n). No examples -> nullopt.
std::optional<int> default_epochs(std::size_t examples);

// Linear interpolation at q in [0, 1] over sorted values.
double quantile(const std::vector<std::uint32_t>& sorted, double q);

}  // namespace llmcalc
