#include "cost/cost.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "catalog/active_catalog.h"
#include "catalog_test_data.h"
#include "cost/price_json.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc {
namespace {

using nlohmann::json;

class Cost : public ::testing::Test {
 protected:
  Catalog catalog = load_catalog(testing::tiny_catalog());

  Usage usage(double input, double output, const char* date = "2026-01-01") {
    Usage u;
    u.input = input;
    u.output = output;
    u.at = parse_instant(date, "date");
    return u;
  }
  CostResult cost(const char* model, const Usage& u) {
    return compute_cost(catalog, *catalog.find(model), u);
  }
  // The field of the InputError pricing `u` on `model` throws.
  std::string error_field(const char* model, const Usage& u) {
    try {
      cost(model, u);
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()), "");
      return e.field();
    }
    return "<no error>";
  }
  const CostLine* line(const CostResult& r, const std::string& kind) {
    for (const auto& l : r.lines) {
      if (l.kind == kind) return &l;
    }
    return nullptr;
  }
};

TEST_F(Cost, InputAndOutputAtTheirPricePerMillion) {
  auto r = cost("a-chat", usage(1'000'000, 500'000));
  EXPECT_DOUBLE_EQ(r.cost, 2 + 4);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].kind, "input");
  EXPECT_EQ(r.lines[0].tokens, 1'000'000);
  EXPECT_EQ(r.lines[0].price_per_million, 2);
  EXPECT_DOUBLE_EQ(r.lines[1].cost, 4);
  EXPECT_FALSE(r.long_context);
  EXPECT_EQ(r.batch_multiplier, 1);
}

TEST_F(Cost, ZeroUsageStillShowsTheInputAndOutputPrices) {
  auto r = cost("a-chat", usage(0, 0));
  EXPECT_EQ(r.cost, 0);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[1].price_per_million, 8);
}

TEST_F(Cost, CachedTokensArePartOfTheInputNotAddedToIt) {
  Usage u = usage(10'000, 0);
  u.cached = 4'000;
  auto r = cost("a-chat", u);
  EXPECT_EQ(line(r, "input")->tokens, 6'000);
  EXPECT_EQ(line(r, "cache_read")->tokens, 4'000);
  EXPECT_DOUBLE_EQ(r.cost, (6'000 * 2 + 4'000 * 0.5) / 1e6);
}

TEST_F(Cost, CacheWritesAreBilledAtTheirOwnPrices) {
  Usage u = usage(100'000, 1'000);
  u.cached = 10'000;
  u.cache_write_5m = 20'000;
  u.cache_write_1h = 30'000;
  auto r = cost("a-long", u);
  EXPECT_EQ(line(r, "input")->tokens, 40'000);
  EXPECT_EQ(line(r, "cache_write_5m")->price_per_million, 3.75);
  EXPECT_EQ(line(r, "cache_write_1h")->price_per_million, 6);
  double expected = (40'000 * 3 + 10'000 * 0.3 + 20'000 * 3.75 + 30'000 * 6 + 1'000 * 15) / 1e6;
  EXPECT_NEAR(r.cost, expected, 1e-15);
}

TEST_F(Cost, ReasoningIsPartOfOutputAtTheReasoningOrOutputPrice) {
  Usage u = usage(0, 1'000);
  u.reasoning = 400;
  auto before = cost("a-long", u);  // no reasoning price: billed as output
  EXPECT_EQ(line(before, "output")->tokens, 600);
  EXPECT_EQ(line(before, "reasoning")->price_per_million, 15);
  EXPECT_DOUBLE_EQ(before.cost, 1'000 * 15 / 1e6);
  u.at = parse_instant("2026-06-01", "date");  // this price set has a reasoning price
  auto after = cost("a-long", u);
  EXPECT_EQ(line(after, "reasoning")->price_per_million, 30);
  EXPECT_DOUBLE_EQ(after.cost, (600 * 25 + 400 * 30) / 1e6);
}

TEST_F(Cost, AboveTheLongContextThresholdTheWholeRequestUsesTheTier) {
  Usage at_start = usage(200'000, 1'000);
  auto base = cost("a-long", at_start);
  EXPECT_FALSE(base.long_context);
  EXPECT_DOUBLE_EQ(base.cost, (200'000 * 3 + 1'000 * 15) / 1e6);

  Usage above = usage(200'001, 1'000);
  above.cached = 100'000;
  auto tier = cost("a-long", above);
  EXPECT_TRUE(tier.long_context);
  EXPECT_EQ(line(tier, "input")->price_per_million, 6);
  EXPECT_EQ(line(tier, "cache_read")->price_per_million, 0.6);
  EXPECT_EQ(line(tier, "output")->price_per_million, 22.5);  // output too, by input size
  EXPECT_NEAR(tier.cost, (100'001 * 6 + 100'000 * 0.6 + 1'000 * 22.5) / 1e6, 1e-15);
}

TEST_F(Cost, BatchAppliesTheProviderMultiplier) {
  Usage u = usage(1'000'000, 1'000'000);
  u.batch = true;
  auto r = cost("a-chat", u);
  EXPECT_EQ(r.batch_multiplier, 0.5);
  EXPECT_EQ(r.lines[0].price_per_million, 1);
  EXPECT_DOUBLE_EQ(r.cost, 5);
  EXPECT_EQ(error_field("host:a-chat", u), "batch");  // the host offers no batch price
  // The terms travel with the result: confirmed unless the catalog says not.
  ASSERT_NE(r.batch_terms, nullptr);
  EXPECT_EQ(r.batch_terms->batch_source, "https://alpha.example/batch");
  EXPECT_TRUE(r.batch_terms->batch_confirmed);
  EXPECT_EQ(cost("a-chat", usage(1, 1)).batch_terms, nullptr);
}

TEST_F(Cost, ADateSelectsThePriceInForce) {
  EXPECT_DOUBLE_EQ(cost("a-long", usage(100'000, 0, "2026-03-12T23:59:59Z")).cost, 0.3);
  EXPECT_DOUBLE_EQ(cost("a-long", usage(100'000, 0, "2026-03-13")).cost, 0.5);
  EXPECT_DOUBLE_EQ(cost("h-offpeak", usage(1'000'000, 0, "2026-01-01T12:00:00Z")).cost, 0.2);
  EXPECT_DOUBLE_EQ(cost("h-offpeak", usage(1'000'000, 0, "2026-01-01T18:00:00Z")).cost, 0.1);
  auto r = cost("h-offpeak", usage(1, 1, "2026-01-01T12:00:00Z"));
  EXPECT_EQ(r.price_set->describe(), "00:30-16:30 UTC");
}

TEST_F(Cost, APriceTheModelDoesNotOfferIsAnErrorNeverZero) {
  Usage cached = usage(10, 1);
  cached.cached = 5;
  EXPECT_EQ(error_field("h-offpeak", cached), "cached");
  Usage write = usage(10, 1);
  write.cache_write_5m = 5;
  EXPECT_EQ(error_field("a-chat", write), "cache_write_5m");
  write.cache_write_5m = 0;
  write.cache_write_1h = 5;
  EXPECT_EQ(error_field("a-chat", write), "cache_write_1h");
  EXPECT_EQ(error_field("a-embed", usage(10, 1)), "output");
  Usage reasoning = usage(10, 1);
  reasoning.reasoning = 1;
  EXPECT_EQ(error_field("a-embed", reasoning), "reasoning");
  // An embedding with no output is fine, and has no output line.
  auto r = cost("a-embed", usage(1'000'000, 0));
  EXPECT_DOUBLE_EQ(r.cost, 0.02);
  EXPECT_EQ(r.lines.size(), 1u);
}

TEST_F(Cost, BadCountsNameTheField) {
  EXPECT_EQ(error_field("a-chat", usage(-1, 0)), "input");
  EXPECT_EQ(error_field("a-chat", usage(1.5, 0)), "input");
  EXPECT_EQ(error_field("a-chat", usage(NAN, 0)), "input");
  EXPECT_EQ(error_field("a-chat", usage(1, INFINITY)), "output");
  EXPECT_EQ(error_field("a-chat", usage(1, 0.25)), "output");
  Usage u = usage(10, 5);
  u.cached = 11;
  EXPECT_EQ(error_field("a-chat", u), "cached");
  u.cached = -1;
  EXPECT_EQ(error_field("a-chat", u), "cached");
  u = usage(10, 5);
  u.cached = 6;
  u.cache_write_5m = 5;
  EXPECT_EQ(error_field("a-long", u), "cache_write_5m");
  u.cache_write_5m = 4;
  u.cache_write_1h = 1;
  EXPECT_EQ(error_field("a-long", u), "cache_write_1h");
  u = usage(10, 5);
  u.reasoning = 6;
  EXPECT_EQ(error_field("a-long", u), "reasoning");
  u.reasoning = 0.5;
  EXPECT_EQ(error_field("a-long", u), "reasoning");
}

class PriceJson : public ::testing::Test {
 protected:
  void SetUp() override {
    set_active_catalog(std::make_shared<const Catalog>(load_catalog(testing::tiny_catalog())));
  }
  json call(const json& in) { return json_call_value(in, price_api); }
};

TEST_F(PriceJson, ItemizedResultWithModelSourceAndAge) {
  json r = call({{"model", "A-CHAT-V1"},
                 {"input", "1,000,000"},
                 {"output", 500000},
                 {"cached", "250,000"},
                 {"date", "2026-01-01"}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_DOUBLE_EQ(r["cost_usd"].get<double>(), 750'000 * 2 / 1e6 + 250'000 * 0.5 / 1e6 + 4);
  ASSERT_EQ(r["lines"].size(), 3u);
  EXPECT_EQ(r["lines"][1]["kind"], "cache_read");
  EXPECT_EQ(r["lines"][1]["tokens"], 250000);
  EXPECT_EQ(r["lines"][1]["price_per_million"], 0.5);
  EXPECT_TRUE(r["lines"][1].contains("cost_usd"));
  EXPECT_EQ(r["model"]["id"], "a-chat");
  EXPECT_EQ(r["model"]["provider"], "alpha");
  EXPECT_EQ(r["model"]["resolved_from"], "A-CHAT-V1");
  EXPECT_EQ(r["as_of"], "2026-09-23");
  EXPECT_EQ(r["source"], "https://alpha.example/pricing");
  EXPECT_EQ(r["date"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(r["batch"], false);
}

TEST_F(PriceJson, BatchSaysWhereItsMultiplierComesFromAndWhetherItIsConfirmed) {
  json plain = call({{"model", "a-chat"}, {"input", 1}, {"output", 1}});
  EXPECT_TRUE(plain["batch_source"].is_null());
  EXPECT_TRUE(plain["batch_confirmed"].is_null());
  json confirmed = call({{"model", "a-chat"}, {"input", 1}, {"output", 1}, {"batch", true}});
  EXPECT_EQ(confirmed["batch_source"], "https://alpha.example/batch");
  EXPECT_EQ(confirmed["batch_confirmed"], true);
  json catalog = testing::tiny_catalog();
  catalog["providers"][0]["batch"]["confirmed"] = false;
  set_active_catalog(std::make_shared<const Catalog>(load_catalog(catalog)));
  json unconfirmed = call({{"model", "a-chat"}, {"input", 1}, {"output", 1}, {"batch", true}});
  EXPECT_EQ(unconfirmed["batch_confirmed"], false);
  EXPECT_EQ(unconfirmed["batch_multiplier"], 0.5);
}

TEST_F(PriceJson, WithoutADateTheCatalogDateIsUsed) {
  json r = call({{"model", "a-long"}, {"input", 1}, {"output", 1}});
  EXPECT_EQ(r["date"], "2026-11-30T00:00:00Z");
  EXPECT_EQ(r["price_period"], "from 2026-03-13");
}

TEST_F(PriceJson, ErrorsNameTheField) {
  struct Case {
    json input;
    const char* field;
  } cases[] = {
      {{{"input", 1}, {"output", 1}}, "model"},
      {{{"model", 7}, {"input", 1}, {"output", 1}}, "model"},
      {{{"model", "a-chatt"}, {"input", 1}, {"output", 1}}, "model"},
      {{{"model", "a-chat"}, {"output", 1}}, "input"},
      {{{"model", "a-chat"}, {"input", 1}}, "output"},
      {{{"model", "a-chat"}, {"input", "abc"}, {"output", 1}}, "input"},
      {{{"model", "a-chat"}, {"input", true}, {"output", 1}}, "input"},
      {{{"model", "a-chat"}, {"input", -3}, {"output", 1}}, "input"},
      {{{"model", "a-chat"}, {"input", "2.5"}, {"output", 1}}, "input"},
      {{{"model", "a-chat"}, {"input", 1e300}, {"output", 1}}, "input"},
      {{{"model", "a-chat"}, {"input", 1}, {"output", "1e999"}}, "output"},
      {{{"model", "a-chat"}, {"input", 5}, {"output", 1}, {"cached", 6}}, "cached"},
      {{{"model", "a-chat"}, {"input", 5}, {"output", 1}, {"batch", "yes"}}, "batch"},
      {{{"model", "a-chat"}, {"input", 5}, {"output", 1}, {"date", "2026-02-30"}}, "date"},
      {{{"model", "h-offpeak"}, {"input", 5}, {"output", 1}, {"cached", 1}}, "cached"},
      {json::array(), ""},
  };
  for (const auto& c : cases) {
    json r = call(c.input);
    ASSERT_TRUE(r.contains("error")) << c.input.dump();
    EXPECT_EQ(r["error"]["field"], c.field) << c.input.dump() << " -> " << r.dump();
  }
  json unknown = call({{"model", "a-chatt"}, {"input", 1}, {"output", 1}});
  EXPECT_NE(unknown["error"]["message"].get<std::string>().find("Closest ids: a-chat"),
            std::string::npos);
}

}  // namespace
}  // namespace llmcalc
