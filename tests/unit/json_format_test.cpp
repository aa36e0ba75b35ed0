#include "json/json_format.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "json/json_format_json.h"
#include "json/utf8.h"

namespace llmcalc {
namespace {

JsonFormatResult fmt(const std::string& text, JsonFormatOptions o = {}) {
  return format_json(text, o);
}

JsonFormatOptions minified() {
  JsonFormatOptions o;
  o.layout.minify = true;
  return o;
}

TEST(JsonFormat, PrettyPrintsWithTwoSpacesByDefault) {
  auto r = fmt(R"({"a":[1,{"b":null}],"c":{},"d":[]})");
  EXPECT_EQ(r.output,
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n"
            "  \"c\": {},\n  \"d\": []\n}");
  EXPECT_TRUE(r.errors.empty());
}

TEST(JsonFormat, IndentChoices) {
  JsonFormatOptions o;
  o.layout.indent = 0;
  EXPECT_EQ(fmt("[1,2]", o).output, "[\n1,\n2\n]");
  o.layout.indent = 8;
  EXPECT_EQ(fmt("[1]", o).output, "[\n        1\n]");
  o.layout.tab = true;
  EXPECT_EQ(fmt("{\"a\":[1]}", o).output, "{\n\t\"a\": [\n\t\t1\n\t]\n}");
}

TEST(JsonFormat, MinifyDropsAllWhitespaceButKeepsStrings) {
  EXPECT_EQ(fmt(" { \"a b\" : [ 1 , \" x \" ] } \r\n", minified()).output, R"({"a b":[1," x "]})");
}

TEST(JsonFormat, NumbersAndEscapesRoundTripVerbatim) {
  std::string in = R"([1.10,-0,1E+2,12345678901234567890123,0.1e-7,"\u00e9\n\/"])";
  EXPECT_EQ(fmt(in, minified()).output, in);
}

TEST(JsonFormat, SortsKeysRecursivelyByDecodedKeyAndKeepsDuplicatesInOrder) {
  JsonFormatOptions o = minified();
  o.sort_keys = true;
  EXPECT_EQ(fmt(R"({"b":{"y":1,"x":[{"d":0,"c":0}]},"a":1,"\u0041":2,"a":3})", o).output,
            R"({"\u0041":2,"a":1,"a":3,"b":{"x":[{"c":0,"d":0}],"y":1}})");
  // Code point order: "é" (U+00E9) sorts after "z".
  EXPECT_EQ(fmt(R"({"é":1,"z":2})", o).output, R"({"z":2,"é":1})");
  EXPECT_EQ(fmt("7", o).output, "7");
}

TEST(JsonFormat, ErrorsCarryLineAndUtf16Column) {
  auto r = fmt("{\n  \"é😀\": tru }");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2u);
  // '  "é😀": ' is 2 + 1 + 1 + 2 (surrogate pair) + 1 + 1 + 1 UTF-16 units.
  EXPECT_EQ(r.errors[0].column, 10u);
  EXPECT_NE(r.errors[0].message.find("tru"), std::string::npos);
  EXPECT_TRUE(r.output.empty());
}

TEST(JsonFormat, ReportsTypicalMistakes) {
  auto message = [](const std::string& text) {
    auto r = fmt(text);
    return r.errors.empty() ? std::string("valid") : r.errors[0].message;
  };
  EXPECT_EQ(message(""), "the input is empty");
  EXPECT_EQ(message(" \n\t"), "the input contains only whitespace");
  EXPECT_EQ(message("[1,]"), "trailing comma before ']'");
  EXPECT_EQ(message("{\"a\":1,}"), "trailing comma before '}'");
  EXPECT_EQ(message("{'a':1}"), "strings must use double quotes, not '");
  EXPECT_EQ(message("[01]"), "invalid number: leading zeros are not allowed");
  EXPECT_EQ(message("\"abc"), "unterminated string (it starts here)");
  EXPECT_EQ(message("\"a\tb\""), "control character U+0009 in string: write it as an escape");
  EXPECT_EQ(message("\"\\x\""), "invalid escape '\\x' in string");
  EXPECT_EQ(message("[1] [2]"), "unexpected data after the JSON value ('[')");
  EXPECT_EQ(message("[1"), "unexpected end of input: unclosed array");
}

TEST(JsonFormat, InvalidUtf8IsReportedAtTheFirstBadByte) {
  for (std::string bad : {"\xFF", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    auto r = fmt("{\"ok\": \"a" + bad + "\"}");
    ASSERT_EQ(r.errors.size(), 1u) << bad;
    EXPECT_EQ(r.errors[0].column, 10u);
    EXPECT_NE(r.errors[0].message.find("invalid UTF-8"), std::string::npos);
  }
  auto outside = fmt("[1,\xFF]");
  EXPECT_EQ(outside.errors.at(0).message, "invalid UTF-8 (byte 0xFF)");
}

TEST(JsonFormat, BomIsStrippedAndNotCountedCrlfIsAccepted) {
  auto r = fmt("\xEF\xBB\xBF{\r\n\"a\": 1\r\n}\r\n", minified());
  EXPECT_TRUE(r.bom);
  EXPECT_TRUE(r.crlf);
  EXPECT_EQ(r.output, R"({"a":1})");
  auto bad = fmt("\xEF\xBB\xBF[x]");
  EXPECT_EQ(bad.errors.at(0).column, 2u);
}

TEST(JsonFormat, DeepNestingIsAnErrorNotACrash) {
  for (std::size_t depth : {1001u, 100000u, 1000000u}) {
    std::string deep = std::string(depth, '[') + std::string(depth, ']');
    for (bool sort : {false, true}) {
      JsonFormatOptions o;
      o.sort_keys = sort;
      auto r = fmt(deep, o);
      ASSERT_EQ(r.errors.size(), 1u);
      EXPECT_EQ(r.errors[0].message, "nested too deeply (limit 1000)");
      EXPECT_EQ(r.errors[0].column, 1001u);
    }
  }
  std::string ok = std::string(1000, '[') + std::string(1000, ']');
  JsonFormatOptions o;
  o.sort_keys = true;
  EXPECT_TRUE(fmt(ok, o).errors.empty());
}

TEST(JsonFormat, JsonlChecksEachLineAndCounts) {
  JsonFormatOptions o = minified();
  o.jsonl = true;
  auto r = fmt("{\"a\": 1}\r\n\n  \n[1,\n{\"b\":2}\n\"x\" 1\n", o);
  EXPECT_EQ(r.records, 4u);
  EXPECT_EQ(r.valid_records, 2u);
  EXPECT_EQ(r.blank_lines, 2u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 4u);
  EXPECT_EQ(r.errors[0].column, 4u);
  EXPECT_EQ(r.errors[1].line, 6u);
  EXPECT_EQ(r.errors[1].column, 5u);
  // Bad lines are passed through unchanged, good ones formatted.
  EXPECT_EQ(r.output, "{\"a\":1}\n[1,\n{\"b\":2}\n\"x\" 1");
  EXPECT_TRUE(fmt("", o).errors.empty());
}

TEST(JsonFormat, ErrorListIsCappedButCounted) {
  JsonFormatOptions o;
  o.jsonl = true;
  o.max_errors = 3;
  std::string text;
  for (int i = 0; i < 10; ++i) text += "x\n";
  auto r = fmt(text, o);
  EXPECT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.error_count, 10u);
}

TEST(JsonFormat, LargeInputFormatsInOnePass) {
  std::string big = "[";
  for (int i = 0; i < 200000; ++i) big += (i ? "," : "") + std::string("{\"k\":[1.50,\"v\",true]}");
  big += "]";
  auto r = fmt(big, minified());
  EXPECT_EQ(r.output, big);
}

// Differential check: on randomly mutated JSON the formatter accepts what
// nlohmann accepts, except the two cases it allows on purpose (like
// JSON.parse): unpaired \u surrogates and numbers beyond double range.
// Accepted input must keep its value, minified and key-sorted.
TEST(JsonFormat, AgreesWithNlohmannOnMutatedInputs) {
  const std::vector<std::string> seeds = {
      R"({"a":[1,2.5e-3,-0,true,false,null,"x\u00e9\n"],"b":{}})",
      "[[[]]]",
      R"("\ud83d\ude00")",
      "12345678901234567890",
      "-1.0E+2",
      R"({"k":"v","k2":[{"z":null}]})"};
  const std::string alphabet = "{}[]:,\"\\/ \t\n\r0123456789-+.eEtrufalsn\x80\xc3\xa9\xff\x01u";
  std::mt19937 rng(42);
  JsonFormatOptions minify = minified();
  JsonFormatOptions sorted = minified();
  sorted.sort_keys = true;
  for (int i = 0; i < 20000; ++i) {
    std::string s = seeds[rng() % seeds.size()];
    for (std::size_t e = 0, edits = 1 + rng() % 3; e < edits; ++e) {
      std::size_t pos = rng() % (s.size() + 1);
      char c = alphabet[rng() % alphabet.size()];
      std::size_t op = rng() % 3;
      if (op == 0) {
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(pos), c);
      } else if (pos < s.size()) {
        op == 1 ? static_cast<void>(s.erase(pos, 1)) : static_cast<void>(s[pos] = c);
      }
    }
    auto mine = fmt(s, minify);
    std::string why;
    try {
      auto value = nlohmann::json::parse(s);
      ASSERT_EQ(mine.error_count, 0u) << s;
      EXPECT_EQ(nlohmann::json::parse(mine.output), value) << s;
      EXPECT_EQ(nlohmann::json::parse(fmt(s, sorted).output), value) << s;
    } catch (const nlohmann::json::exception& e) {
      why = e.what();
    }
    if (!why.empty() && mine.error_count == 0) {
      EXPECT_TRUE(why.find("surrogate") != std::string::npos ||
                  why.find("overflow") != std::string::npos)
          << s << ": " << why;
    }
  }
}

TEST(JsonFormatApi, ReadsOptionsAndRejectsBadOnes) {
  auto out = json_format_api({{"text", "[1,2]"}, {"indent", "tab"}});
  EXPECT_EQ(out["output"], "[\n\t1,\n\t2\n]");
  EXPECT_EQ(out["valid"], true);
  auto bad = json_format_api({{"text", "[1,"}, {"minify", true}});
  EXPECT_EQ(bad["valid"], false);
  EXPECT_EQ(bad["errors"][0]["line"], 1);
  EXPECT_EQ(bad["errors"][0]["column"], 4);
  // JSONL is minified unless an indent is asked for.
  EXPECT_TRUE(json_format_options({{"jsonl", true}}).layout.minify);
  EXPECT_FALSE(json_format_options({{"jsonl", true}, {"indent", 2}}).layout.minify);
  EXPECT_THROW(json_format_options({{"indent", 9}}), std::invalid_argument);
  EXPECT_THROW(json_format_options({{"minify", "yes"}}), std::invalid_argument);
}

TEST(Utf8, PositionsCountUtf16UnitsPerLine) {
  EXPECT_EQ(position_at("ab\ncd", 4).line, 2u);
  EXPECT_EQ(position_at("ab\ncd", 4).column, 2u);
  EXPECT_EQ(position_at("😀x", 4).column, 3u);
  EXPECT_EQ(find_invalid_utf8("plain ascii text, long enough for the fast path"),
            std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("0123456789\xF0\x9F\x98"), 10u);
}

}  // namespace
}  // namespace llmcalc
