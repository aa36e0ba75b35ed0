#include "breakeven/break_even.h"

#include <algorithm>
#include <cmath>

#include "util/format.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc {
namespace {

// Limits that keep every result finite and readable; far beyond any real
// bill, so they only catch typos and pasted garbage.
constexpr NumberRange kMoney{0, 1e12, true, " USD"};
constexpr NumberRange kCostPerRequest{0, 1e6, true, " USD"};
constexpr NumberRange kTokens{0, 1e9, true, " tokens"};
constexpr NumberRange kPricePerMillion{0, 1e6, true, " USD"};
constexpr NumberRange kVolume{0, 1e15, false, " requests"};
constexpr NumberRange kMonths{0, 1200, false, " months"};

constexpr double kDefaultHorizonMonths = 12;
constexpr int kSeriesPoints = 40;

double check(std::optional<double> v, const NumberRange& r, const std::string& field,
             const std::string& label) {
  return check_range(*v, r, field, label);
}

// The cost of one request on a path; `prefix` is "base" or "tuned".
double request_cost(const RequestCostInput& in, const std::string& prefix,
                    const std::string& path_name) {
  bool any_tokens = in.prompt_tokens || in.output_tokens || in.input_price_per_million ||
                    in.output_price_per_million;
  if (in.cost_per_request && any_tokens) {
    throw InputError(prefix + "_cost", "Give the " + path_name +
                                           " cost per request or its tokens and prices, not both.");
  }
  if (in.cost_per_request) {
    return check(in.cost_per_request, kCostPerRequest, prefix + "_cost",
                 "The " + path_name + " cost per request");
  }
  if (!any_tokens) {
    throw InputError(prefix + "_cost", "The " + path_name +
                                           " cost per request is missing: enter it, or the "
                                           "tokens per request and the prices per 1M tokens.");
  }
  if (!in.prompt_tokens) {
    throw InputError(prefix + "_prompt_tokens",
                     "The " + path_name + " prompt tokens per request are missing.");
  }
  if (!in.input_price_per_million) {
    throw InputError(prefix + "_input_price",
                     "The " + path_name + " input price per 1M tokens is missing.");
  }
  double prompt = check(in.prompt_tokens, kTokens, prefix + "_prompt_tokens",
                        "The " + path_name + " prompt tokens");
  double input_price = check(in.input_price_per_million, kPricePerMillion, prefix + "_input_price",
                             "The " + path_name + " input price");
  double output = in.output_tokens ? check(in.output_tokens, kTokens, prefix + "_output_tokens",
                                           "The " + path_name + " output tokens")
                                   : 0.0;
  double output_price = 0;
  if (in.output_price_per_million) {
    output_price = check(in.output_price_per_million, kPricePerMillion, prefix + "_output_price",
                         "The " + path_name + " output price");
  } else if (output > 0) {
    throw InputError(prefix + "_output_price",
                     "The " + path_name + " output price per 1M tokens is missing.");
  }
  return (prompt * input_price + output * output_price) / 1e6;
}

// Division results like 1000 / (0.01 - 0.002) land a hair off the whole
// number they mean (124999.99999999999); snap those before rounding up so
// the break-even count is not off by one.
double snap(double x) {
  double r = std::round(x);
  return std::fabs(x - r) <= 1e-9 * std::max(1.0, std::fabs(x)) ? r : x;
}

void add_series(BreakEvenResult& r, std::optional<double> exact_break_even) {
  double end = 0;
  if (r.volume) {
    end = *r.volume;
  }
  if (exact_break_even && *exact_break_even > 0) {
    end = std::max(end, 2 * *exact_break_even);
  }
  if (end <= 0) {
    // Never breaks even and no volume: show up to where the prompt path
    // alone has spent twice the training cost.
    end = r.base_cost_per_request > 0 && r.training_cost > 0
              ? 2 * r.training_cost / r.base_cost_per_request
              : 1000;
  }
  end = std::max(end, 10.0);
  double per_request_recurring = r.monthly_volume ? r.tuned_monthly_cost / *r.monthly_volume : 0.0;
  auto point = [&](double n) {
    double months = r.monthly_volume ? n / *r.monthly_volume : -1;
    return CostPoint{n, months, n * r.base_cost_per_request,
                     r.training_cost + n * (r.tuned_cost_per_request + per_request_recurring)};
  };
  for (int i = 0; i <= kSeriesPoints; ++i) {
    r.series.push_back(point(end * i / kSeriesPoints));
  }
  if (exact_break_even && *exact_break_even > 0 && *exact_break_even < end) {
    r.series.push_back(point(*exact_break_even));
    std::sort(r.series.begin(), r.series.end(),
              [](const CostPoint& a, const CostPoint& b) { return a.requests < b.requests; });
  }
}

}  // namespace

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::kPrompt:
      return "prompt";
    case Verdict::kDepends:
      return "depends";
    case Verdict::kFineTune:
      return "fine-tune";
    case Verdict::kNever:
      return "never";
  }
  return "depends";
}

BreakEvenResult compute_break_even(const BreakEvenInput& in) {
  BreakEvenResult r{};
  r.training_cost = check_range(in.training_cost, kMoney, "training_cost", "The training cost");
  r.base_cost_per_request = request_cost(in.base, "base", "prompt-path");
  r.tuned_cost_per_request = request_cost(in.tuned, "tuned", "tuned-path");
  r.saving_per_request = r.base_cost_per_request - r.tuned_cost_per_request;
  r.tuned_monthly_cost =
      check_range(in.tuned_monthly_cost, kMoney, "tuned_monthly_cost", "The monthly cost");

  if (in.volume && in.monthly_volume) {
    throw InputError("volume", "Give the total volume or the volume per month, not both.");
  }
  if (in.horizon_months) {
    r.horizon_months = check(in.horizon_months, kMonths, "horizon_months", "The horizon");
  }
  if (in.volume) {
    r.volume = check(in.volume, kVolume, "volume", "The volume");
    if (r.horizon_months) r.monthly_volume = *r.volume / *r.horizon_months;
  } else if (in.monthly_volume) {
    r.monthly_volume = check(in.monthly_volume, kVolume, "monthly_volume", "The monthly volume");
    if (!r.horizon_months) {
      r.horizon_months = kDefaultHorizonMonths;
      r.notes.push_back("No horizon given: savings are over 12 months.");
    }
    r.volume = *r.monthly_volume * *r.horizon_months;
  }
  if (r.tuned_monthly_cost > 0 && !r.monthly_volume) {
    throw InputError("tuned_monthly_cost",
                     "A monthly cost needs the requests per month (or a total volume and a "
                     "horizon) to compare with.");
  }
  if (!r.volume) {
    r.notes.push_back(
        "No volume given: enter the expected number of requests to get a ratio and a verdict.");
  }

  // Saving per month with a known rate; per request otherwise.
  std::optional<double> exact;  // break-even in requests, unrounded
  std::string never_reason;
  if (r.monthly_volume) {
    double monthly_saving = *r.monthly_volume * r.saving_per_request - r.tuned_monthly_cost;
    if (monthly_saving > 0) {
      double months = r.training_cost / monthly_saving;
      r.months_to_break_even = months;
      exact = snap(months * *r.monthly_volume);
    } else if (r.saving_per_request > 0) {
      never_reason = "At " + format_count(*r.monthly_volume) + " requests a month the saving of " +
                     format_usd(*r.monthly_volume * r.saving_per_request) +
                     " a month does not cover the tuned path's " +
                     format_usd(r.tuned_monthly_cost) +
                     " monthly cost, so fine-tuning never pays for itself.";
    }
  } else if (r.saving_per_request > 0) {
    exact = snap(r.training_cost / r.saving_per_request);
  }
  if (r.saving_per_request <= 0) {
    never_reason = "A tuned request costs " + format_usd(r.tuned_cost_per_request) +
                   ", no less than a prompt-path request at " +
                   format_usd(r.base_cost_per_request) +
                   ", so fine-tuning never pays for itself on cost.";
  }

  if (r.volume) {
    double months = r.horizon_months.value_or(0);
    r.net_savings = *r.volume * r.saving_per_request - r.training_cost -
                    (r.monthly_volume ? r.tuned_monthly_cost * months : 0.0);
  }

  if (!exact) {
    r.verdict = Verdict::kNever;
    r.explanation = never_reason;
    add_series(r, std::nullopt);
    return r;
  }

  r.break_even_requests = std::ceil(*exact);
  std::string be = format_count(*r.break_even_requests) + " requests";
  if (!r.volume) {
    r.verdict = Verdict::kDepends;
    r.explanation = *exact == 0 ? "With no training cost the tuned path is cheaper from the "
                                  "first request; add your expected volume for a verdict."
                                : "Fine-tuning pays for itself after " + be + " (each saves " +
                                      format_usd(r.saving_per_request) +
                                      "); add your expected volume for a verdict.";
  } else if (*exact == 0) {
    r.verdict = Verdict::kFineTune;
    r.notes.push_back("No ratio: with no training cost the break-even is 0 requests.");
    r.explanation =
        "With no training cost the tuned path is cheaper from the first request: "
        "fine-tune.";
  } else {
    double ratio = *r.volume / *exact;
    r.ratio = ratio;
    std::string volume = "At " + format_count(*r.volume) + " requests";
    if (ratio < 1) {
      r.verdict = Verdict::kPrompt;
      r.explanation =
          volume + " you would not reach the break-even of " + be + ": stay with prompts.";
    } else if (ratio < 3) {
      r.verdict = Verdict::kPrompt;
      r.explanation = volume + " you reach only " + format_ratio(ratio) + "× the break-even of " +
                      be + ", too thin a margin to bet on: stay with prompts.";
    } else if (ratio < 10) {
      r.verdict = Verdict::kDepends;
      r.explanation = volume + " you are " + format_ratio(ratio) + "× past the break-even of " +
                      be + ": fine-tuning can pay, so let latency and quality decide.";
    } else {
      r.verdict = Verdict::kFineTune;
      r.explanation = volume + ", " + format_ratio(ratio) + "× the break-even of " + be +
                      ", fine-tuning clearly pays: it saves " + format_usd(*r.net_savings) + ".";
    }
  }
  add_series(r, exact);
  return r;
}

}  // namespace llmcalc
