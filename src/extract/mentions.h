// Mentions found in one cleaned article: quantities (money, percentages, counts, plain numbers),
// dates, and entities and quotes (extract/entities.h), as ../shared/spec/CONTRACT.md prints them.
// Offsets are bytes in Article::text; the command line converts them to code points (pipeline/mentions_json.h). Tested in extract_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/entities.h"

namespace corroborate {

enum class QuantityKind : uint8_t { kNumber, kMoney, kPercent, kCount };
enum class Qualifier : uint8_t { kExact, kAbout, kUpTo, kAtLeast, kMoreThan, kLessThan, kRange };
enum class DateGrain : uint8_t { kDay, kWeek, kMonth, kQuarter, kYear };

struct Quantity {
  uint32_t start = 0;  // bytes in Article::text, [start, end)
  uint32_t end = 0;
  // Where the words stating it begin, its hedge included ("up to $50 billion", "between 10 and
  // 20"); `start` when it has none.
  uint32_t phrase_start = 0;
  QuantityKind kind = QuantityKind::kNumber;
  double value = 0;
  double value_max = 0;         // only for Qualifier::kRange
  Qualifier qualifier = Qualifier::kExact;
  char currency[4] = {0, 0, 0, 0};  // ISO 4217 for money when known, else empty
  uint32_t noun_start = 0;      // the counted noun of a count ("jobs"), bytes; empty otherwise
  uint32_t noun_end = 0;
};

struct DateMention {
  uint32_t start = 0;  // bytes in Article::text, [start, end)
  uint32_t end = 0;
  // The calendar period named; month/day/quarter/week are 0 when coarser than the grain.
  int year = 0;
  int month = 0;    // 1..12 (kMonth, kDay)
  int day = 0;      // 1..31 (kDay)
  int quarter = 0;  // 1..4 (kQuarter)
  int week = 0;     // ISO week 1..53 (kWeek; `year` is then the ISO week-numbering year)
  DateGrain grain = DateGrain::kDay;
  bool relative = false;  // resolved against the article's publication date
};

struct Mentions {
  std::vector<Quantity> quantities;  // in text order, not overlapping
  std::vector<DateMention> dates;    // in text order, not overlapping
  EntityMentions entities;           // organisations, people, places, products and quotes
};

// "2026-01-28", "2025-10", "2025-Q3", "2026-W05", "2024": the contract's ISO 8601 value at its grain.
std::string DateValue(const DateMention& d);

const char* KindName(QuantityKind k);
const char* QualifierName(Qualifier q);
const char* GrainName(DateGrain g);

}  // namespace corroborate
