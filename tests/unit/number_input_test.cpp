#include "util/number_input.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "util/input_error.h"

namespace llmcalc {
namespace {

double parse(const std::string& s) { return parse_number(s, "f", "The value"); }

TEST(ParseNumber, AcceptsPlainSeparatedAndScientific) {
  EXPECT_EQ(parse("42"), 42);
  EXPECT_EQ(parse("  1,000,000 "), 1e6);
  EXPECT_EQ(parse("1_000"), 1000);
  EXPECT_EQ(parse("-2.5"), -2.5);
  EXPECT_EQ(parse("1e6"), 1e6);
  EXPECT_EQ(parse(".5"), 0.5);
  EXPECT_EQ(parse("-0"), 0);
  EXPECT_FALSE(std::signbit(parse("-0")));
}

TEST(ParseNumber, RejectsEverythingElseWithAClearMessage) {
  for (const char* bad : {"", "   ", "abc", "nan", "NaN", "inf", "-Infinity", "1e999", "12abc",
                          "0x10", "1,,000", ",5", "1.2.3", "--1", "1e", "\xff\xfe", "٣"}) {
    try {
      parse(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), "f");
      EXPECT_EQ(std::string(e.what()).rfind("The value", 0), 0u) << e.what();
    }
  }
}

TEST(ParseNumber, LongPastesAreCutInTheMessage) {
  std::string huge(100000, 'x');
  try {
    parse(huge);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_LT(std::string(e.what()).size(), 100u);
  }
}

TEST(CheckRange, NamesTheLimit) {
  NumberRange r{0, 100, false, " USD"};
  EXPECT_EQ(check_range(5, r, "f", "The price"), 5);
  EXPECT_THROW(check_range(0, r, "f", "The price"), InputError);
  EXPECT_THROW(check_range(-1, r, "f", "The price"), InputError);
  try {
    check_range(1e300, r, "f", "The price");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "The price 1e300 is out of range: at most 100 USD.");
  }
}

TEST(OptionalNumber, MissingNullAndBlankAreNotGiven) {
  auto j = nlohmann::json::parse(R"({"a":null,"b":"  ","c":"7","d":true,"e":[1]})");
  NumberRange any{-1e9, 1e9};
  EXPECT_FALSE(optional_number(j, "missing", "X", any));
  EXPECT_FALSE(optional_number(j, "a", "X", any));
  EXPECT_FALSE(optional_number(j, "b", "X", any));
  EXPECT_EQ(*optional_number(j, "c", "X", any), 7);
  EXPECT_THROW(optional_number(j, "d", "X", any), InputError);
  EXPECT_THROW(optional_number(j, "e", "X", any), InputError);
  EXPECT_THROW(required_number(j, "missing", "X", any), InputError);
}

}  // namespace
}  // namespace llmcalc
