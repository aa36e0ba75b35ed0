#include "training/training_cost.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>

#include "catalog/active_catalog.h"
#include "catalog_test_data.h"
#include "training/training_json.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc::training {
namespace {

using nlohmann::json;

// The tiny catalog with fine-tuning entries: a-chat tuned per token (with a
// wind-down date), a-long by the hour, and the host's size brackets.
json tuning_catalog() {
  json c = testing::tiny_catalog();
  c["models"][0]["fine_tuning"] = {
      {"snapshot", "a-chat-2024-05-01"},
      {"training_per_1m", 25},
      {"tuned", {{"input", 3.75}, {"cache_read", 1.875}, {"output", 15}}},
      {"new_jobs_until", "2027-01-06"},
      {"confirmed", true},
      {"source", "https://alpha.example/tuning"},
      {"as_of", "2026-11-30"}};
  c["models"][1]["fine_tuning"] = {{"training_per_1m", nullptr},
                                   {"training_per_hour", 100},
                                   {"method", "reinforcement"},
                                   {"source", "https://alpha.example/tuning"},
                                   {"as_of", "2026-11-30"}};
  c["providers"][1]["fine_tuning"] = {
      {"size_tiers",
       {{{"max_params_b", 16}, {"lora_sft_per_1m", 0.48}, {"full_sft_per_1m", 0.54}},
        {{"max_params_b", 69}, {"lora_sft_per_1m", 1.5}, {"full_sft_per_1m", 1.65}}}},
      {"confirmed", false},
      {"source", "https://host.example/tuning"},
      {"as_of", "2026-11-30"}};
  return c;
}

class Training : public ::testing::Test {
 protected:
  void SetUp() override {
    set_active_catalog(std::make_shared<const Catalog>(load_catalog(tuning_catalog())));
  }
  static json call(const json& in) { return json_call_value(in, training_api); }
};

TEST(TrainingDataset, OpenAisDefaultEpochsAndGivenOnes) {
  EXPECT_EQ(make_dataset(10, 5000, std::nullopt).epochs, 10);    // 100 // 10
  EXPECT_EQ(make_dataset(500, 5000, std::nullopt).epochs, 3);    // the target
  EXPECT_EQ(make_dataset(20000, 5000, std::nullopt).epochs, 1);  // 25,000 // 20,000
  Dataset d = make_dataset(500, 1000000, 2.0);
  EXPECT_EQ(d.epochs, 2);
  EXPECT_FALSE(d.default_epochs);
  EXPECT_EQ(d.training_tokens(), 2000000);
}

TEST(TrainingDataset, BadNumbersNameTheField) {
  auto field = [](auto fn) {
    try {
      fn();
    } catch (const InputError& e) {
      return e.field();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field([] { make_dataset(0, 10, std::nullopt); }), "examples");
  EXPECT_EQ(field([] { make_dataset(1.5, 10, std::nullopt); }), "examples");
  EXPECT_EQ(field([] { make_dataset(10, 0, std::nullopt); }), "tokens_per_epoch");
  EXPECT_EQ(field([] { make_dataset(10, 1e300, std::nullopt); }), "tokens_per_epoch");
  EXPECT_EQ(field([] { make_dataset(10, 10, 0.0); }), "epochs");
  EXPECT_EQ(field([] { make_dataset(10, 10, 101.0); }), "epochs");
  EXPECT_EQ(field([] { make_dataset(10, 10, std::numeric_limits<double>::quiet_NaN()); }),
            "epochs");
  EXPECT_EQ(field([] { make_dataset(10, 10, std::nullopt, -1); }), "validation_tokens");
}

TEST(SelfHosted, FlopsHoursCostAndMemoryByTheStatedFormulas) {
  // 7B parameters, 1M tokens × 3 epochs on a GPU of 1,000 TFLOPS at 50 %.
  Dataset d = make_dataset(1000, 1000000, 3.0);
  Gpu gpu = make_gpu("test", 1000, 0.5, 2, 80);
  auto methods = self_hosted(7, 0.01, d, gpu);
  ASSERT_EQ(methods.size(), 3u);
  const double t = 3e6, n = 7e9;
  EXPECT_EQ(methods[0].method, "full");
  EXPECT_DOUBLE_EQ(methods[0].flops, 6 * n * t);
  EXPECT_DOUBLE_EQ(methods[0].gpu_hours, 6 * n * t / 5e14 / 3600);
  EXPECT_DOUBLE_EQ(methods[0].cost, methods[0].gpu_hours * 2);
  EXPECT_DOUBLE_EQ(methods[0].memory_gb, 112);  // 16 bytes × 7B
  EXPECT_EQ(methods[0].gpus, 2);                // 112 GB on 80 GB GPUs
  EXPECT_EQ(methods[1].method, "lora");
  EXPECT_DOUBLE_EQ(methods[1].flops, 4.06 * n * t);
  EXPECT_NEAR(methods[1].memory_gb, 14 + 1.12, 1e-9);  // 2 bytes × 7B + 16 × 1 % × 7B
  EXPECT_EQ(methods[1].gpus, 1);
  EXPECT_EQ(methods[2].method, "qlora");
  EXPECT_NEAR(methods[2].memory_gb, 3.5 + 1.12, 1e-9);
  EXPECT_NE(methods[0].formula.find("6 × 7B params × 3,000,000 tokens"), std::string::npos);
}

TEST_F(Training, HostedQuotesFromTheCatalog) {
  json r = call({{"examples", 100},
                 {"tokens_per_example", 1000},
                 {"epochs", 3},
                 {"params_billions", 20},
                 {"validation_tokens", 10000},
                 {"evaluations", 5},
                 {"prompt_tokens", 1000},
                 {"output_tokens", 100},
                 {"date", "2026-11-30"}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["dataset"]["training_tokens"], 300000);
  const json& hosted = r["hosted"];
  ASSERT_EQ(hosted.size(), 4u);  // a-chat, a-long, host LoRA and full
  const json& chat = hosted[0];
  EXPECT_EQ(chat["label"], "a-chat-2024-05-01");
  EXPECT_DOUBLE_EQ(chat["cost_usd"].get<double>(), 300000 * 25 / 1e6);
  EXPECT_DOUBLE_EQ(chat["per_request"]["base"].get<double>(), (1000 * 2 + 100 * 8) / 1e6);
  EXPECT_DOUBLE_EQ(chat["per_request"]["tuned"].get<double>(), (1000 * 3.75 + 100 * 15) / 1e6);
  EXPECT_EQ(chat["available"], true);
  EXPECT_EQ(hosted[1]["method"], "reinforcement");
  EXPECT_TRUE(hosted[1]["cost_usd"].is_null());  // per hour, no hours given: never $0
  EXPECT_EQ(hosted[2]["label"], "Host, LoRA, 17–69B");
  // Together-style billing: epochs × tokens + evaluations × validation tokens.
  EXPECT_EQ(hosted[2]["billed_tokens"], 300000 + 5 * 10000);
  EXPECT_DOUBLE_EQ(hosted[2]["cost_usd"].get<double>(), 350000 * 1.5 / 1e6);
  EXPECT_EQ(hosted[3]["method"], "full");
  EXPECT_EQ(hosted[3]["confirmed"], false);
  ASSERT_FALSE(r["self_hosted"].is_null());
  EXPECT_EQ(r["self_hosted"]["methods"].size(), 3u);
}

TEST_F(Training, WindDownDatesMarkQuotesUnavailableAfterwards) {
  json r = call({{"examples", 100}, {"tokens_per_example", 10}, {"date", "2027-01-07"}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["hosted"][0]["available"], false);
  EXPECT_EQ(r["hosted"][0]["new_jobs_until"], "2027-01-06");
  EXPECT_TRUE(r["self_hosted"].is_null());
}

TEST_F(Training, HoursPriceReinforcementTuning) {
  json r = call({{"examples", 100}, {"tokens_per_example", 10}, {"rft_hours", 2.5}});
  EXPECT_DOUBLE_EQ(r["hosted"][1]["cost_usd"].get<double>(), 250);
}

TEST_F(Training, BadInputNamesTheField) {
  auto field = [](const json& in) { return call(in)["error"]["field"].get<std::string>(); };
  json base = {{"examples", 100}, {"tokens_per_example", 1000}};
  auto with = [&](const char* key, json v) {
    json in = base;
    in[key] = std::move(v);
    return in;
  };
  EXPECT_EQ(field(with("examples", "-5")), "examples");
  EXPECT_EQ(field(with("examples", "lots")), "examples");
  EXPECT_EQ(field(with("tokens_per_example", "0")), "tokens_per_example");
  EXPECT_EQ(field(with("tokens_per_example", "1e308")), "tokens_per_example");
  EXPECT_EQ(field({{"examples", 10}, {"dataset_tokens", "1e308"}}), "tokens_per_epoch");
  EXPECT_EQ(field(with("epochs", "NaN")), "epochs");
  EXPECT_EQ(field(with("dataset_tokens", 5)), "dataset_tokens");
  EXPECT_EQ(field(with("params_billions", 0)), "params_billions");
  EXPECT_EQ(field(with("params_billions", "Infinity")), "params_billions");
  json gpu = with("params_billions", 7);
  gpu["gpu"] = {{"utilization", 1.5}};
  EXPECT_EQ(field(gpu), "utilization");
  gpu["gpu"] = {{"tflops", -1}};
  EXPECT_EQ(field(gpu), "gpu_tflops");
  gpu["gpu"] = {{"hourly_usd", "Infinity"}};
  EXPECT_EQ(field(gpu), "gpu_hourly_usd");
  gpu["gpu"] = {{"memory_gb", "lots"}};
  EXPECT_EQ(field(gpu), "gpu_memory_gb");
  gpu["gpu"] = 5;
  EXPECT_EQ(field(gpu), "gpu");
  json lora = with("params_billions", 7);
  lora["trainable_fraction"] = 0;
  EXPECT_EQ(field(lora), "trainable_fraction");
  EXPECT_EQ(field(with("rft_hours", -1)), "rft_hours");
  EXPECT_EQ(call(json::array())["error"]["field"], "");
  json missing = {{"examples", 10}};
  EXPECT_EQ(field(missing), "tokens_per_example");
}

}  // namespace
}  // namespace llmcalc::training
