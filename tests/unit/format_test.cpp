#include "util/format.h"

#include <gtest/gtest.h>

#include <cmath>

namespace llmcalc {
namespace {

TEST(Format, Counts) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1000), "1,000");
  EXPECT_EQ(format_count(1234567.6), "1,234,568");
  EXPECT_EQ(format_count(-1234), "-1,234");
  EXPECT_EQ(format_count(-0.2), "0");
  EXPECT_EQ(format_count(2e18), "2e18");
}

TEST(Format, Money) {
  EXPECT_EQ(format_usd(0), "$0.00");
  EXPECT_EQ(format_usd(1234.5), "$1,234.50");
  EXPECT_EQ(format_usd(0.1 + 0.2), "$0.30");
  EXPECT_EQ(format_usd(0.5), "$0.50");
  EXPECT_EQ(format_usd(0.123456), "$0.123");
  EXPECT_EQ(format_usd(0.000375), "$0.000375");
  EXPECT_EQ(format_usd(0.0012), "$0.0012");
  EXPECT_EQ(format_usd(-2), "-$2.00");
  EXPECT_EQ(format_usd(-0.0), "$0.00");
  EXPECT_EQ(format_usd(1e-15), "$0.00");
  EXPECT_EQ(format_usd(1e20), "$1e20");
}

TEST(Format, NumbersNeverShowBinaryNoise) {
  EXPECT_EQ(format_number(0.1 + 0.2), "0.3");
  EXPECT_EQ(format_number(8), "8");
  EXPECT_EQ(format_number(8.256), "8.26");
  EXPECT_EQ(format_number(1e12), "1,000,000,000,000");
  EXPECT_EQ(format_number(1e300), "1e300");
  EXPECT_EQ(format_number(1.5e-7, 2), "0");
  EXPECT_EQ(format_number(NAN), "—");
  EXPECT_EQ(format_number(INFINITY), "—");
}

TEST(Format, RoundsHalfAwayFromZeroLikePeople) {
  EXPECT_EQ(format_number(1.25, 1), "1.3");
  EXPECT_EQ(format_number(1.005, 2), "1.01");
  EXPECT_EQ(format_number(-1.25, 1), "-1.3");
  EXPECT_EQ(format_number(2.675, 2), "2.68");
  EXPECT_EQ(format_usd(0.125), "$0.125");
  EXPECT_EQ(format_usd(1.005), "$1.01");
  EXPECT_EQ(format_count(2.5), "3");
}

TEST(Format, RatiosAndPercents) {
  EXPECT_EQ(format_ratio(8), "8.0");
  EXPECT_EQ(format_ratio(99.94), "99.9");
  EXPECT_EQ(format_ratio(125), "125");
  EXPECT_EQ(format_ratio(12345), "12,345");
  EXPECT_EQ(format_percent(0.256), "25.6%");
  EXPECT_EQ(format_percent(12.5, 0), "1,250%");
}

TEST(Format, BytesInDecimalUnitsWithThreeSignificantDigits) {
  EXPECT_EQ(format_bytes(0), "0 bytes");
  EXPECT_EQ(format_bytes(1), "1 byte");
  EXPECT_EQ(format_bytes(512), "512 bytes");
  EXPECT_EQ(format_bytes(999), "999 bytes");
  EXPECT_EQ(format_bytes(1000), "1 KB");
  EXPECT_EQ(format_bytes(6144), "6.14 KB");
  EXPECT_EQ(format_bytes(1500), "1.5 KB");
  EXPECT_EQ(format_bytes(61'440'000), "61.4 MB");
  EXPECT_EQ(format_bytes(123'456'789), "123 MB");
  EXPECT_EQ(format_bytes(999'960), "1 MB");  // not "1,000 KB"
  EXPECT_EQ(format_bytes(99'960), "100 KB");
  EXPECT_EQ(format_bytes(1.5e9), "1.5 GB");
  EXPECT_EQ(format_bytes(2e12), "2 TB");
  EXPECT_EQ(format_bytes(1.2e17), "120 PB");
  EXPECT_EQ(format_bytes(2.62144e18), "2.62 EB");
  EXPECT_EQ(format_bytes(3e27), "3,000 YB");
  EXPECT_EQ(format_bytes(-2048), "-2.05 KB");
  EXPECT_EQ(format_bytes(-0.0), "0 bytes");
  EXPECT_EQ(format_bytes(std::nan("")), "—");
}

// Issue #10: whatever number reaches a formatter, it reads as a short,
// plain number: no "inf", no hundreds of digits, no "-0".
TEST(Format, ExtremesStayShortAndZeroHasNoSign) {
  EXPECT_EQ(format_percent(1e307), "1e309%");
  EXPECT_EQ(format_percent(1e20), "1e22%");
  EXPECT_EQ(format_percent(0.1 + 0.2), "30.0%");
  EXPECT_EQ(format_bytes(1e308), "1e284 YB");
  EXPECT_EQ(format_usd(1.7976931348623157e308), "$1.8e308");
  EXPECT_EQ(format_count(1e308), "1e308");
  EXPECT_EQ(format_number(5e-324), "0");
  EXPECT_EQ(format_number(-1e-9), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_count(-0.0), "0");
  EXPECT_EQ(format_ratio(-0.0), "0.0");
  EXPECT_EQ(format_percent(-0.0), "0.0%");
  EXPECT_EQ(format_percent(-1e-9), "0.0%");
  EXPECT_EQ(format_usd(-1e-300), "$0.00");
  EXPECT_EQ(format_usd(-1e-9), "-$0.000000001");
}

}  // namespace
}  // namespace llmcalc
