// Break-even of fine-tuning against prompting.
//
// Fine-tuning pays off when N × (P_base − P_tuned) > T, so the break-even
// volume is T / (P_base − P_tuned). P is the cost of one request on each
// path, typed directly or derived from tokens and per-1M-token prices. A
// recurring monthly cost of the tuned path (hosting, dataset upkeep,
// evaluation) turns the saving per month into V·(P_base − P_tuned) − M.
// The verdict follows the rule of thumb: expected volume below 3× the
// break-even → stay with prompts, 10× or more → fine-tune, between → it
// depends on latency and quality; P_tuned ≥ P_base → it never pays.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace llmcalc {

// Cost of one request on a path: either `cost_per_request`, or all four of
// the token fields (cost = tokens × price / 1e6, input plus output).
struct RequestCostInput {
  std::optional<double> cost_per_request;
  std::optional<double> prompt_tokens;
  std::optional<double> output_tokens;
  std::optional<double> input_price_per_million;
  std::optional<double> output_price_per_million;
};

struct BreakEvenInput {
  double training_cost = 0;  // T, USD, one-time
  RequestCostInput base;     // prompt-only path
  RequestCostInput tuned;    // fine-tuned path
  // Expected volume: either the total over the horizon (`volume`), or a
  // rate (`monthly_volume`) over `horizon_months` (12 when not given).
  std::optional<double> volume;
  std::optional<double> monthly_volume;
  std::optional<double> horizon_months;
  double tuned_monthly_cost = 0;  // USD per month, recurring
};

enum class Verdict { kPrompt, kDepends, kFineTune, kNever };
const char* verdict_id(Verdict v);  // "prompt", "depends", "fine-tune", "never"

struct CostPoint {
  double requests;
  double months;  // -1 when no monthly rate is known
  double base_cost;
  double tuned_cost;
};

struct BreakEvenResult {
  double training_cost;
  double base_cost_per_request;
  double tuned_cost_per_request;
  double saving_per_request;  // P_base − P_tuned (may be ≤ 0)
  double tuned_monthly_cost;
  std::optional<double> volume;          // total requests over the horizon
  std::optional<double> monthly_volume;  // requests per month, when known
  std::optional<double> horizon_months;
  // First whole number of requests at which the tuned path has cost no more
  // than the prompt path; none when it never breaks even.
  std::optional<double> break_even_requests;
  std::optional<double> months_to_break_even;
  std::optional<double> ratio;        // volume ÷ break-even
  std::optional<double> net_savings;  // prompt-path cost − tuned-path cost at the volume
  Verdict verdict;
  std::string explanation;         // one plain sentence
  std::vector<std::string> notes;  // e.g. why no ratio was computed
  std::vector<CostPoint> series;   // cumulative cost of both paths
};

// Throws InputError naming the field for any invalid input.
BreakEvenResult compute_break_even(const BreakEvenInput& input);

}  // namespace llmcalc
