// What a fine-tuning run costs: at the providers that host it (prices from
// the catalog's hand-kept fine-tuning entries), and on rented GPUs,
// estimated from FLOPs. Issue #6.
//
// Hosted (per training token unless noted; training tokens = dataset tokens
// per epoch × epochs):
//   OpenAI supervised    price × training tokens
//   OpenAI reinforcement price per hour × hours (no token price exists)
//   Vertex AI (Gemini)   price × training tokens
//   Together AI          by model size: price × (epochs × training tokens
//                        + evaluations × validation tokens), LoRA or full
//
// Self-hosted, for a model of N parameters and T = tokens × epochs:
//   full fine-tuning   FLOPs = 6·N·T          (forward 2NT, backward 4NT)
//   LoRA, QLoRA        FLOPs = (4 + 6f)·N·T   (frozen weights: forward and
//                      activation gradients, 4NT; the trainable fraction f
//                      of adapter weights: 6fNT; QLoRA's dequantisation
//                      is not counted)
//   GPU-hours = FLOPs ÷ (peak FLOP/s × utilisation) ÷ 3600; cost = GPU-hours
//   × $ per GPU-hour.
//   Memory for weights, gradients and optimizer state (activations, which
//   depend on batch and sequence length, are not included):
//     full   16 bytes per parameter (bf16 weights and gradients, fp32
//            master weights and AdamW's two moments)
//     LoRA   2·N (frozen bf16 weights) + 16·f·N
//     QLoRA  0.5·N (4-bit weights) + 16·f·N
//   GPUs = ceil(memory ÷ memory per GPU), at least 1.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace llmcalc::training {

constexpr double kMaxTokens = 1e13;         // per epoch; exact in a double
constexpr double kMaxParamsBillions = 1e4;  // 10 trillion parameters
constexpr int kMaxEpochs = 100;

struct Dataset {
  double examples = 0;          // whole; decides the default epochs
  double tokens_per_epoch = 0;  // whole
  int epochs = 0;
  bool default_epochs = false;   // OpenAI's rule chose them
  double validation_tokens = 0;  // Together's validation set, per evaluation
  double evaluations = 0;        // Together's n_evals
  double training_tokens() const { return tokens_per_epoch * epochs; }
};

// Checks the numbers and applies OpenAI's default-epochs rule when `epochs`
// is not given. Fields: examples, tokens_per_epoch, epochs,
// validation_tokens, evaluations.
Dataset make_dataset(double examples, double tokens_per_epoch, std::optional<double> epochs,
                     double validation_tokens = 0, double evaluations = 0);

struct Prices {
  std::optional<double> input, cached, output;  // per 1M tokens; none: not offered
};

struct HostedQuote {
  std::string provider;  // provider id
  std::string model;     // catalog id ("" for Together's size brackets)
  std::string label;     // what people read: "gpt-4o-mini", "Together AI, LoRA, 17–69B"
  std::string method;    // supervised, reinforcement, lora, full
  std::optional<double> price_per_million;
  std::optional<double> price_per_hour;
  double billed_tokens = 0;
  std::optional<double> cost;                 // none: priced per hour and no hours given
  Prices base;                                // the base model's prices now
  std::optional<Prices> tuned;                // the tuned model's, where listed
  std::optional<std::string> new_jobs_until;  // last day new jobs are accepted
  std::string source, as_of;
  bool confirmed = true;  // false: from secondary sources, to be confirmed
};

// Every hosted quote the catalog allows: one per model with a fine-tuning
// entry, plus Together's LoRA and full for `params_billions` when given.
// `rft_hours` prices reinforcement fine-tuning; `at` picks base prices.
std::vector<HostedQuote> hosted_quotes(const Catalog& catalog, const Dataset& dataset,
                                       std::optional<double> params_billions,
                                       std::optional<double> rft_hours, const Instant& at);

// The catalog's per-token training price of a model, when it has one (a
// reinforcement-only or untunable model has none).
struct TokenTrainingPrice {
  double per_million = 0;
  std::string source, as_of;
};
std::optional<TokenTrainingPrice> token_training_price(const Model& model);

struct Gpu {
  std::string name = "H100 SXM";
  double peak_tflops = 989;  // dense BF16
  double utilization = 0.4;  // model FLOPs utilisation
  double hourly_usd = 2.5;   // per GPU-hour
  double memory_gb = 80;
};

// Checks an edited GPU (fields gpu_tflops, utilization, gpu_hourly_usd,
// gpu_memory_gb).
Gpu make_gpu(std::string name, double peak_tflops, double utilization, double hourly_usd,
             double memory_gb);

struct SelfHostedMethod {
  std::string method;  // full, lora, qlora
  double flops = 0;
  double gpu_hours = 0;
  double cost = 0;
  double memory_gb = 0;
  int gpus = 1;
  std::string formula;  // the FLOPs and memory formulas with the numbers in
};

// Fields params_billions, trainable_fraction (0 < f ≤ 1).
std::vector<SelfHostedMethod> self_hosted(double params_billions, double trainable_fraction,
                                          const Dataset& dataset, const Gpu& gpu);

}  // namespace llmcalc::training
