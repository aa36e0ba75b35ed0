#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "catalog/active_catalog.h"
#include "catalog/catalog_json.h"
#include "catalog/instant.h"
#include "catalog_test_data.h"
#include "util/closest.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc {
namespace {

using nlohmann::json;

Instant at(const std::string& text) { return parse_instant(text, "date"); }

// The message of the InputError `load_catalog` throws for `j`.
std::string load_error(const json& j) {
  try {
    load_catalog(j);
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "catalog");
    return e.what();
  }
  return "<no error>";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Catalog, AProviderSpelledInAnotherCaseIsTheProvidersOwnId) {
  // Found by the fuzzer: "alpHa:a-embed" was loaded but never found.
  nlohmann::json c = testing::tiny_catalog();
  c["models"][2]["provider"] = "alpHa";
  Catalog catalog = load_catalog(c);
  const Model* m = catalog.find("alpha:a-embed");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->provider, "alpha");
  EXPECT_EQ(catalog.find(m->qualified_id()), m);
}

TEST(Closest, RanksByEditDistanceIgnoringCase) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("GPT-4o", "gpt-4o"), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  std::vector<std::string> names = {"gpt-4", "gpt-4o", "GPT-4O", "o3", "gpt-4.1", "claude"};
  auto near = closest_names("gpt-4oo", names);
  ASSERT_EQ(near.size(), 3u);
  EXPECT_EQ(near[0], "gpt-4o");  // duplicate "GPT-4O" dropped
  EXPECT_EQ(near[1], "gpt-4");   // ties keep the candidates' order
  EXPECT_EQ(near[2], "gpt-4.1");
  EXPECT_EQ(closest_names("x", {"a"}, 3).size(), 1u);
  EXPECT_EQ(join_or({"a"}), "a");
  EXPECT_EQ(join_or({"a", "b", "c"}), "a, b or c");
}

TEST(Instant, ParsesDatesTimesAndOffsets) {
  EXPECT_EQ(format_instant(at("2026-03-13")), "2026-03-13T00:00:00Z");
  EXPECT_EQ(format_instant(at("2026-03-13T16:30")), "2026-03-13T16:30:00Z");
  EXPECT_EQ(format_instant(at("2026-03-13T16:30:05.123Z")), "2026-03-13T16:30:05Z");
  EXPECT_EQ(format_instant(at("2026-03-13T01:00:00+02:00")), "2026-03-12T23:00:00Z");
  EXPECT_EQ(format_instant(at("2024-02-29T23:30:00-01:00")), "2024-03-01T00:30:00Z");
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(format_day(days_from_civil(2000, 2, 29)), "2000-02-29");
  for (const char* bad :
       {"", "2026-02-30", "2025-02-29", "2026-13-01", "26-01-01", "2026-01-01T25:00",
        "2026-01-01Tnoon", "2026-01-01T10:00:00X", "tomorrow"}) {
    try {
      parse_instant(bad, "date");
      ADD_FAILURE() << bad;
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), "date") << bad;
    }
  }
}

TEST(Catalog, LoadsAndFindsByIdAliasCaseAndProvider) {
  Catalog c = load_catalog(testing::tiny_catalog());
  EXPECT_EQ(c.models.size(), 5u);
  EXPECT_EQ(c.find("a-embed")->embedding_dimensions, 1536);
  EXPECT_FALSE(c.find("a-chat")->embedding_dimensions);
  EXPECT_EQ(c.generated, "2026-11-30");
  EXPECT_EQ(c.find("a-chat")->provider, "alpha");  // first provider wins a shared id
  EXPECT_EQ(c.find("host:a-chat")->provider, "host");
  EXPECT_EQ(c.find("HOST:A-CHAT")->provider, "host");
  EXPECT_EQ(c.find("  A-Chat ")->id, "a-chat");
  EXPECT_EQ(c.find("a-chat-v1")->id, "a-chat");
  EXPECT_EQ(c.find("a-chat-2024-05-01")->id, "a-chat");
  // Dated snapshots and -latest resolve to their entry.
  EXPECT_EQ(c.find("a-chat-20250101")->id, "a-chat");
  EXPECT_EQ(c.find("a-long-2026-01-02")->id, "a-long");
  EXPECT_EQ(c.find("a-long-latest")->id, "a-long");
  EXPECT_EQ(c.find("h-offpeak-latest")->id, "h-offpeak");
  EXPECT_EQ(c.find("nope"), nullptr);
  EXPECT_EQ(c.find("alpha:h-offpeak"), nullptr);  // at another provider only
  EXPECT_EQ(c.find(""), nullptr);
}

TEST(Catalog, UnknownModelNamesTheThreeClosestIds) {
  Catalog c = load_catalog(testing::tiny_catalog());
  try {
    c.get("a-chatt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "model");
    EXPECT_TRUE(
        contains(e.what(), "Unknown model \"a-chatt\". Closest ids: a-chat, a-long or a-embed."))
        << e.what();
  }
  try {
    c.get("  ");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "model");
  }
}

TEST(Catalog, PriceInForceFollowsDatesAndUtcWindows) {
  Catalog c = load_catalog(testing::tiny_catalog());
  const Model& longm = *c.find("a-long");
  EXPECT_EQ(longm.prices_at(at("2026-03-12T23:59:59Z")).describe(), "standard");
  EXPECT_EQ(longm.prices_at(at("2026-03-13")).describe(), "from 2026-03-13");
  const Model& off = *c.find("h-offpeak");
  auto input_at = [&](const char* t) {
    return off.prices_at(at(t)).price(PriceKind::kInput)->base;
  };
  EXPECT_EQ(input_at("2026-01-01T00:10:00Z"), 0.3);  // the window that wraps midnight
  EXPECT_EQ(input_at("2026-01-01T00:29:59Z"), 0.1);  // in no window: the first entry
  EXPECT_EQ(input_at("2026-01-01T00:30:00Z"), 0.2);
  EXPECT_EQ(input_at("2026-01-01T16:29:59Z"), 0.2);
  EXPECT_EQ(input_at("2026-01-01T16:30:00Z"), 0.1);  // end is exclusive
  EXPECT_EQ(input_at("2026-01-01T23:00:00Z"), 0.3);
  EXPECT_EQ(off.prices_at(at("2026-01-01T12:00:00Z")).describe(), "00:30-16:30 UTC");
  const PriceSet& fallback = off.prices_at(at("2026-01-01T18:00:00Z"));
  EXPECT_EQ(fallback.describe(), "standard");
  EXPECT_EQ(off.describe_period(fallback), "outside 00:30-16:30, 22:00-00:15 UTC");
  EXPECT_EQ(longm.describe_period(longm.prices.front()), "standard");
}

TEST(Catalog, TierPriceAppliesStrictlyAboveItsStart) {
  TieredPrice p{3, {{200000, 6}, {500000, 9}}};
  EXPECT_EQ(p.at(200000), 3);
  EXPECT_EQ(p.at(200001), 6);
  EXPECT_EQ(p.at(500001), 9);
}

TEST(Catalog, ValidationNamesTheEntryAndField) {
  struct Case {
    std::function<void(json&)> edit;
    std::string expected;
  } cases[] = {
      {[](json& j) { j["models"][0]["prices"][0]["input"] = -1; },
       "model alpha:a-chat, field prices[0].input: must be a non-negative number"},
      {[](json& j) { j["models"][0]["prices"][0]["output"] = "8"; },
       "model alpha:a-chat, field prices[0].output"},
      {[](json& j) { j["models"][1]["prices"][0]["input"]["tiers"][0]["start"] = -5; },
       "model alpha:a-long, field prices[0].input.tiers[0].start"},
      {[](json& j) {
         j["models"][1]["prices"][0]["input"]["tiers"].push_back({{"start", 1}, {"price", 2}});
       },
       "prices[0].input.tiers[1].start: tiers must be in ascending order"},
      {[](json& j) { j["models"][1]["prices"][1]["when"]["from"] = "2026-02-30"; },
       "model alpha:a-long, field prices[1].when.from"},
      {[](json& j) { j["models"][3]["prices"][1]["when"]["utc_end"] = "25:00:00"; },
       "model host:h-offpeak, field prices[1].when.utc_end"},
      {[](json& j) { j["models"][2]["prices"] = json::array(); },
       "model alpha:a-embed, field prices"},
      {[](json& j) {
         j["models"][2]["prices"][0] = {{"when", nullptr}};
       },
       "model alpha:a-embed, field prices[0]: has no token price"},
      {[](json& j) { j["models"][2]["provider"] = "nobody"; },
       "model nobody:a-embed, field provider: unknown provider"},
      {[](json& j) { j["models"][4]["provider"] = "alpha"; },
       "model alpha:a-chat, field id: appears twice"},
      {[](json& j) { j["models"][0].erase("name"); }, "model alpha:a-chat, field name: missing"},
      {[](json& j) { j["models"][0]["context_window"] = 1.5; },
       "model alpha:a-chat, field context_window"},
      {[](json& j) { j["models"][0]["aliases"] = "a"; }, "model alpha:a-chat, field aliases"},
      {[](json& j) { j["models"][2]["embedding_dimensions"] = 0; },
       "model alpha:a-embed, field embedding_dimensions: must be a positive whole number"},
      {[](json& j) { j["models"][2]["embedding_dimensions"] = 1536.5; },
       "model alpha:a-embed, field embedding_dimensions: must be a positive whole number"},
      {[](json& j) { j["models"][2]["embedding_dimensions"] = "1536"; },
       "model alpha:a-embed, field embedding_dimensions: must be a non-negative number"},
      {[](json& j) { j["models"][2]["embedding_dimensions"] = 100000; },
       "model alpha:a-embed, field embedding_dimensions: must be at most 65536"},
      {[](json& j) { j["models"][0]["embedding_dimensions"] = 1024; },
       "model alpha:a-chat, field embedding_dimensions: only embedding models have dimensions"},
      {[](json& j) { j["models"][0]["deprecated"] = "no"; },
       "model alpha:a-chat, field deprecated"},
      {[](json& j) { j["models"][0]["as_of"] = "recently"; }, "model alpha:a-chat, field as_of"},
      {[](json& j) { j["models"][0].erase("id"); }, "model #1, field id: missing"},
      {[](json& j) { j["providers"][0]["batch"]["multiplier"] = 1.5; },
       "provider alpha, field batch.multiplier"},
      {[](json& j) { j["providers"][0]["batch"]["source"] = "alpha.example"; },
       "provider alpha, field batch.source"},
      {[](json& j) { j["providers"][0]["batch"]["confirmed"] = "yes"; },
       "provider alpha, field batch.confirmed"},
      {[](json& j) { j["providers"][1]["id"] = "alpha"; },
       "provider alpha, field id: appears twice"},
      {[](json& j) { j.erase("generated"); }, "the catalog, field generated"},
      {[](json& j) { j["models"] = json::array(); }, "the catalog, field models"},
      {[](json& j) { j = json::array(); }, "the catalog, field (top level)"},
  };
  for (const auto& c : cases) {
    json j = testing::tiny_catalog();
    c.edit(j);
    std::string message = load_error(j);
    EXPECT_TRUE(contains(message, c.expected)) << message << "\nexpected: " << c.expected;
  }
}

TEST(CatalogJson, LoadListAndFindThroughJsonCall) {
  json loaded = json_call_value(testing::tiny_catalog(), catalog_load_api);
  ASSERT_FALSE(loaded.contains("error")) << loaded.dump();
  EXPECT_EQ(loaded["model_count"], 5);
  EXPECT_EQ(loaded["as_of"], "2026-09-23");
  EXPECT_EQ(json_call_value(json::object(), models_api)["models"].size(), 5u);

  json host = json_call_value({{"provider", "HOST"}}, models_api);
  ASSERT_EQ(host["models"].size(), 2u);
  EXPECT_EQ(host["models"][0]["id"], "h-offpeak");
  json embed = json_call_value({{"provider", "alpha"}}, models_api)["models"][2];
  EXPECT_EQ(embed["embedding_dimensions"], 1536);
  EXPECT_TRUE(embed["prices"]["output"].is_null());  // not offered, not 0
  EXPECT_EQ(embed["shutdown_date"], "2027-01-06");
  EXPECT_EQ(embed["batch_multiplier"], 0.5);

  json dated = json_call_value({{"provider", "alpha"}, {"date", "2026-06-01"}}, models_api);
  EXPECT_EQ(dated["models"][1]["prices"]["input"], 5);
  EXPECT_EQ(dated["models"][1]["price_period"], "from 2026-03-13");

  json bad = json_call_value({{"provider", "alpah"}}, models_api);
  EXPECT_EQ(bad["error"]["field"], "provider");
  EXPECT_TRUE(contains(bad["error"]["message"], "alpha"));
  EXPECT_EQ(json_call_value({{"date", "soon"}}, models_api)["error"]["field"], "date");

  json found = json_call_value({{"model", "a-chat-v1"}}, find_model_api);
  EXPECT_EQ(found["id"], "a-chat");
  EXPECT_EQ(found["resolved_from"], "a-chat-v1");
  EXPECT_EQ(found["prices"].size(), 1u);
  EXPECT_EQ(found["counting"]["encoding"], "o200k_base");
  EXPECT_EQ(found["counting"]["exact"], true);
  json estimated = json_call_value({{"model", "a-long"}}, find_model_api);
  EXPECT_EQ(estimated["counting"]["exact"], false);
  EXPECT_EQ(json_call_value({{"model", "zzz"}}, find_model_api)["error"]["field"], "model");
  EXPECT_EQ(json_call_value({{"model", 5}}, find_model_api)["error"]["field"], "model");

  json broken = testing::tiny_catalog();
  broken["models"][0]["prices"][0]["input"] = -1;
  json error = json_call_value(broken, catalog_load_api);
  EXPECT_EQ(error["error"]["field"], "catalog");
  // A failed load keeps the catalog that was active.
  EXPECT_EQ(json_call_value(json::object(), models_api)["models"].size(), 5u);
}

TEST(CatalogJson, NoCatalogLoadedIsAnError) {
  set_active_catalog(nullptr);
  EXPECT_EQ(json_call_value(json::object(), models_api)["error"]["field"], "catalog");
  set_active_catalog(std::make_shared<const Catalog>(load_catalog(testing::tiny_catalog())));
}

}  // namespace
}  // namespace llmcalc
