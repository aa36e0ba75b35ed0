#include "breakeven/break_even.h"

#include <gtest/gtest.h>

#include <cmath>

#include "breakeven/break_even_json.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc {
namespace {

RequestCostInput cost(double c) {
  RequestCostInput r;
  r.cost_per_request = c;
  return r;
}

BreakEvenInput basic(double t, double base, double tuned) {
  BreakEvenInput in;
  in.training_cost = t;
  in.base = cost(base);
  in.tuned = cost(tuned);
  return in;
}

std::string field_of_error(const BreakEvenInput& in) {
  try {
    compute_break_even(in);
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()), "");
    return e.field();
  }
  return "<no error>";
}

TEST(BreakEven, BreakEvenVolumeIsTrainingCostOverSaving) {
  auto r = compute_break_even(basic(1000, 0.01, 0.002));
  ASSERT_TRUE(r.break_even_requests);
  // 1000 / 0.008 is 124999.99999999999 in doubles; the count must be exact.
  EXPECT_EQ(*r.break_even_requests, 125000);
  EXPECT_DOUBLE_EQ(r.saving_per_request, 0.008);
  EXPECT_FALSE(r.ratio);
  EXPECT_EQ(r.verdict, Verdict::kDepends);  // no volume: no verdict either way
  EXPECT_FALSE(r.notes.empty());
}

TEST(BreakEven, FractionalBreakEvenRoundsUpToTheFirstPayingRequest) {
  auto r = compute_break_even(basic(10, 0.03, 0));
  EXPECT_EQ(*r.break_even_requests, 334);  // 333.33…: request 334 is the first that pays
}

TEST(BreakEven, VerdictFollowsTheRuleOfThumb) {
  struct Case {
    double volume;
    Verdict verdict;
  } cases[] = {
      {100000, Verdict::kPrompt},     // 0.8×, not even break-even
      {374999, Verdict::kPrompt},     // just under 3×
      {375000, Verdict::kDepends},    // exactly 3×
      {1000000, Verdict::kDepends},   // 8×
      {1249999, Verdict::kDepends},   // just under 10×
      {1250000, Verdict::kFineTune},  // exactly 10×
      {1e9, Verdict::kFineTune},
  };
  for (const auto& c : cases) {
    auto in = basic(1000, 0.01, 0.002);
    in.volume = c.volume;
    auto r = compute_break_even(in);
    EXPECT_EQ(r.verdict, c.verdict) << c.volume;
    ASSERT_TRUE(r.ratio);
    EXPECT_NEAR(*r.ratio, c.volume / 125000, 1e-9);
    EXPECT_NEAR(*r.net_savings, c.volume * 0.008 - 1000, 1e-6);
  }
}

TEST(BreakEven, TunedNotCheaperNeverBreaksEven) {
  for (double tuned : {0.01, 0.02}) {
    auto in = basic(1000, 0.01, tuned);
    in.volume = 1e6;
    auto r = compute_break_even(in);
    EXPECT_EQ(r.verdict, Verdict::kNever);
    EXPECT_FALSE(r.break_even_requests);
    EXPECT_FALSE(r.ratio);
    EXPECT_NE(r.explanation.find("never"), std::string::npos);
    EXPECT_FALSE(r.series.empty());
  }
}

TEST(BreakEven, DerivesRequestCostFromTokensAndPrices) {
  // gpt-4o-mini $0.15/$0.60 per 1M; tuned $0.30/$1.20; 3,000 → 500 tokens.
  BreakEvenInput in;
  in.training_cost = 90;
  in.base.prompt_tokens = 3000;
  in.base.output_tokens = 200;
  in.base.input_price_per_million = 0.15;
  in.base.output_price_per_million = 0.60;
  in.tuned.prompt_tokens = 500;
  in.tuned.output_tokens = 200;
  in.tuned.input_price_per_million = 0.30;
  in.tuned.output_price_per_million = 1.20;
  auto r = compute_break_even(in);
  EXPECT_NEAR(r.base_cost_per_request, 0.00057, 1e-15);
  EXPECT_NEAR(r.tuned_cost_per_request, 0.00039, 1e-15);
  EXPECT_EQ(*r.break_even_requests, 500000);
}

TEST(BreakEven, MonthlyVolumeGivesMonthsAndADefaultHorizon) {
  auto in = basic(1200, 0.01, 0.002);
  in.monthly_volume = 50000;  // saves $400 a month
  auto r = compute_break_even(in);
  EXPECT_DOUBLE_EQ(*r.months_to_break_even, 3);
  EXPECT_EQ(*r.break_even_requests, 150000);
  EXPECT_DOUBLE_EQ(*r.horizon_months, 12);
  EXPECT_DOUBLE_EQ(*r.volume, 600000);
  EXPECT_DOUBLE_EQ(*r.ratio, 4);
  EXPECT_NEAR(*r.net_savings, 600000 * 0.008 - 1200, 1e-9);
}

TEST(BreakEven, RecurringCostReducesTheMonthlySaving) {
  auto in = basic(1200, 0.01, 0.002);
  in.monthly_volume = 50000;  // $400 saved a month
  in.tuned_monthly_cost = 100;
  in.horizon_months = 24;
  auto r = compute_break_even(in);
  EXPECT_DOUBLE_EQ(*r.months_to_break_even, 4);
  EXPECT_EQ(*r.break_even_requests, 200000);
  EXPECT_NEAR(*r.net_savings, 24 * 300 - 1200, 1e-9);

  in.tuned_monthly_cost = 400;  // eats the whole saving
  r = compute_break_even(in);
  EXPECT_EQ(r.verdict, Verdict::kNever);
  EXPECT_NE(r.explanation.find("monthly cost"), std::string::npos);
}

TEST(BreakEven, ZeroTrainingCostPaysFromTheFirstRequest) {
  auto in = basic(0, 0.01, 0.002);
  in.volume = 10;
  auto r = compute_break_even(in);
  EXPECT_EQ(*r.break_even_requests, 0);
  EXPECT_FALSE(r.ratio);  // volume ÷ 0 has no meaning; never Infinity
  EXPECT_EQ(r.verdict, Verdict::kFineTune);
}

TEST(BreakEven, SeriesCrossesAtBreakEven) {
  auto in = basic(1000, 0.01, 0.002);
  in.volume = 1e6;
  auto r = compute_break_even(in);
  ASSERT_GE(r.series.size(), 2u);
  EXPECT_EQ(r.series.front().requests, 0);
  EXPECT_EQ(r.series.front().tuned_cost, 1000);
  bool found = false;
  for (const auto& p : r.series) {
    EXPECT_TRUE(std::isfinite(p.base_cost) && std::isfinite(p.tuned_cost));
    if (p.requests == 125000) {
      found = true;
      EXPECT_NEAR(p.base_cost, p.tuned_cost, 1e-9);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(r.series.back().requests, 1e6);
}

TEST(BreakEven, BadInputNamesTheField) {
  EXPECT_EQ(field_of_error(basic(-1, 0.01, 0.002)), "training_cost");
  EXPECT_EQ(field_of_error(basic(1e300, 0.01, 0.002)), "training_cost");
  EXPECT_EQ(field_of_error(basic(NAN, 0.01, 0.002)), "training_cost");
  EXPECT_EQ(field_of_error(basic(INFINITY, 0.01, 0.002)), "training_cost");
  EXPECT_EQ(field_of_error(basic(1000, -0.01, 0.002)), "base_cost");
  EXPECT_EQ(field_of_error(basic(1000, 0.01, 1e300)), "tuned_cost");

  auto in = basic(1000, 0.01, 0.002);
  in.volume = 0;
  EXPECT_EQ(field_of_error(in), "volume");
  in.volume = -5;
  EXPECT_EQ(field_of_error(in), "volume");
  in.volume = 1e300;
  EXPECT_EQ(field_of_error(in), "volume");
  in.volume = 10;
  in.monthly_volume = 10;
  EXPECT_EQ(field_of_error(in), "volume");

  in = basic(1000, 0.01, 0.002);
  in.tuned_monthly_cost = 5;  // no monthly rate to compare with
  EXPECT_EQ(field_of_error(in), "tuned_monthly_cost");

  in = basic(1000, 0.01, 0.002);
  in.base.prompt_tokens = 100;  // both a cost and tokens
  EXPECT_EQ(field_of_error(in), "base_cost");

  in = basic(1000, 0.01, 0.002);
  in.base = RequestCostInput{};
  EXPECT_EQ(field_of_error(in), "base_cost");
  in.base.prompt_tokens = 100;
  EXPECT_EQ(field_of_error(in), "base_input_price");
  in.base.input_price_per_million = 1;
  in.base.output_tokens = 10;
  EXPECT_EQ(field_of_error(in), "base_output_price");
}

TEST(BreakEvenJson, AcceptsTypedTextAndReportsErrorsAsObjects) {
  auto out = nlohmann::json::parse(
      json_call(R"({"training_cost":"1,000","base_cost":"0.01","tuned_cost":0.002,"volume":"1e6"})",
                break_even_api));
  EXPECT_EQ(out["break_even_requests"], 125000);
  EXPECT_EQ(out["verdict"], "depends");
  EXPECT_DOUBLE_EQ(out["ratio"].get<double>(), 8);

  out = nlohmann::json::parse(
      json_call(R"({"training_cost":"abc","base_cost":1,"tuned_cost":0})", break_even_api));
  EXPECT_EQ(out["error"]["field"], "training_cost");
  EXPECT_NE(out["error"]["message"].get<std::string>().find("not a number"), std::string::npos);

  out = nlohmann::json::parse(json_call(R"({"base_cost":1,"tuned_cost":0})", break_even_api));
  EXPECT_EQ(out["error"]["field"], "training_cost");

  out = nlohmann::json::parse(json_call("{not json", break_even_api));
  EXPECT_TRUE(out.contains("error"));
  out = nlohmann::json::parse(json_call("[1,2]", break_even_api));
  EXPECT_TRUE(out.contains("error"));
  out = nlohmann::json::parse(
      json_call(R"({"training_cost":{"a":1},"base_cost":1,"tuned_cost":0})", break_even_api));
  EXPECT_EQ(out["error"]["field"], "training_cost");
}

TEST(BreakEvenJson, NeverAndNoVolumeGiveNulls) {
  auto out = nlohmann::json::parse(
      json_call(R"({"training_cost":1,"base_cost":0.001,"tuned_cost":0.002})", break_even_api));
  EXPECT_TRUE(out["break_even_requests"].is_null());
  EXPECT_TRUE(out["ratio"].is_null());
  EXPECT_EQ(out["verdict"], "never");
}

}  // namespace
}  // namespace llmcalc
