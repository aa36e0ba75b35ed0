// A tiny catalog for the catalog and cost unit tests: two providers, a
// few models covering tiers, dated changes, UTC windows, aliases and a
// model without cache or output prices.
#pragma once

#include <nlohmann/json.hpp>

namespace llmcalc::testing {

inline nlohmann::json tiny_catalog() {
  return nlohmann::json::parse(R"json({
  "generated": "2026-11-30", "as_of": "2026-09-23", "sources": [],
  "providers": [
    {"id": "alpha", "name": "Alpha", "source": "https://alpha.example/pricing", "as_of": "2026-09-23",
     "batch": {"multiplier": 0.5, "source": "https://alpha.example/batch", "as_of": "2026-11-30"}},
    {"id": "host", "name": "Host", "source": "https://host.example/pricing", "as_of": "2026-09-23", "batch": null}
  ],
  "models": [
    {"id": "a-chat", "provider": "alpha", "name": "A Chat", "kind": "chat", "aliases": ["a-chat-2024-05-01", "a-chat-v1"],
     "context_window": 128000, "max_output_tokens": 16384, "embedding_dimensions": null, "tokenizer": "o200k_base",
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 2, "cache_read": 0.5, "output": 8}],
     "source": "https://alpha.example/pricing", "as_of": "2026-09-23"},
    {"id": "a-long", "provider": "alpha", "name": "A Long", "kind": "chat", "aliases": [],
     "context_window": 1000000, "max_output_tokens": null, "embedding_dimensions": null, "tokenizer": null,
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null,
                 "input": {"base": 3, "tiers": [{"start": 200000, "price": 6}]},
                 "cache_read": {"base": 0.3, "tiers": [{"start": 200000, "price": 0.6}]},
                 "cache_write_5m": {"base": 3.75, "tiers": [{"start": 200000, "price": 7.5}]},
                 "cache_write_1h": {"base": 6, "tiers": [{"start": 200000, "price": 12}]},
                 "output": {"base": 15, "tiers": [{"start": 200000, "price": 22.5}]}},
                {"when": {"from": "2026-03-13"}, "input": 5, "cache_read": 0.5, "cache_write_5m": 6.25,
                 "cache_write_1h": 10, "output": 25, "reasoning": 30}],
     "source": "https://alpha.example/pricing", "as_of": "2026-09-23"},
    {"id": "a-embed", "provider": "alpha", "name": "A Embed", "kind": "embedding", "aliases": [],
     "context_window": 8192, "max_output_tokens": null, "embedding_dimensions": 1536, "tokenizer": "cl100k_base",
     "deprecated": true, "deprecation_date": null, "shutdown_date": "2027-01-06",
     "prices": [{"when": null, "input": 0.02}],
     "source": "https://alpha.example/pricing", "as_of": "2026-09-23"},
    {"id": "h-offpeak", "provider": "host", "name": "H Offpeak", "kind": "chat", "aliases": ["h-offpeak-latest"],
     "context_window": 64000, "max_output_tokens": null, "embedding_dimensions": null, "tokenizer": null,
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 0.1, "output": 0.4},
                {"when": {"utc_start": "00:30:00", "utc_end": "16:30:00"}, "input": 0.2, "output": 0.8},
                {"when": {"utc_start": "22:00:00", "utc_end": "00:15:00"}, "input": 0.3, "output": 1.2}],
     "source": "https://host.example/pricing", "as_of": "2026-09-23"},
    {"id": "a-chat", "provider": "host", "name": "A Chat (Host)", "kind": "chat", "aliases": [],
     "context_window": 128000, "max_output_tokens": null, "embedding_dimensions": null, "tokenizer": null,
     "deprecated": false, "deprecation_date": null, "shutdown_date": null,
     "prices": [{"when": null, "input": 1, "output": 4}],
     "source": "https://host.example/pricing", "as_of": "2026-09-23"}
  ]
})json");
}

}  // namespace llmcalc::testing
