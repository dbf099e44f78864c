// Quantity forms around an amount (see quantity_forms.h). Tested in extract_test.cc.
#include "extract/quantity_forms.h"

#include <string_view>

namespace corroborate::extract {
namespace {

bool LowerIs(const Tokens& t, size_t i, std::string_view s) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return false;
  std::string_view w = t.Text(i);
  if (w.size() != s.size()) return false;
  for (size_t k = 0; k < s.size(); ++k)
    if ((w[k] | 0x20) != s[k]) return false;
  return true;
}

// Whether the phrase ends after token j: the text ends, or punctuation other than a joining hyphen follows.
bool PhraseEnds(const Tokens& t, size_t j) {
  if (j >= t.size()) return true;
  const Token& k = t.items[j];
  return k.kind == TokKind::kPunct && k.cp != '-' && k.cp != '/' && k.cp != '$' && k.cp != '%';
}

}  // namespace

size_t WebAddressEnd(const Tokens& t, size_t i) {
  bool scheme = (LowerIs(t, i, "http") || LowerIs(t, i, "https") || LowerIs(t, i, "ftp")) && t.Is(i + 1, ':') &&
                t.Glued(i + 1) && t.Is(i + 2, '/') && t.Glued(i + 2);
  bool www = LowerIs(t, i, "www") && t.Is(i + 1, '.') && t.Glued(i + 1);
  if (!scheme && !www) return 0;
  // An address runs to the next space.
  size_t j = i + 1;
  while (j < t.size() && !t.items[j].space_before) ++j;
  return j;
}

bool InWebAddress(const Tokens& t, size_t i) {
  size_t k = i;
  // Walk back over the glued run (a bounded look: addresses are short).
  for (int n = 0; n < 64 && k > 0 && t.Glued(k); ++n) --k;
  return k < i && WebAddressEnd(t, k) > 0;
}

bool PercentBefore(const Tokens& t, size_t i, double& value, size_t& end) {
  size_t k = i;
  if (t.IsWord(k, W_PERCENT) || t.IsWord(k, W_PERCENTS)) {
    ++k;
  } else if (t.IsWord(k, W_PER) && t.IsWord(k + 1, W_CENT)) {
    k += 2;
  } else {
    return false;
  }
  if (i > 0 && (t.IsDigits(i - 1) || StartsNumber(t, i - 1))) return false;
  if (!t.IsWord(k, W_OF)) return false;
  NumberMatch m;
  if (!ParseNumber(t, k + 1, false, m) || !m.representable || m.ordinal || m.fraction || m.end <= k + 1) return false;
  // "per cent of 210 people" is a share of the people, not 210 percent.
  if (!PhraseEnds(t, m.end)) return false;
  value = m.value;
  end = m.end;
  return true;
}

bool RatioAfter(const Tokens& t, const NumberMatch& num, double& value, size_t& end) {
  if (num.ordinal || num.fraction || !num.representable) return false;
  size_t j = num.end;
  bool out_of = t.IsWord(j, W_OUT) && t.IsWord(j + 1, W_OF);
  bool over = t.IsWord(j, W_OVER);
  if (!out_of && !over) return false;
  size_t k = j + (out_of ? 2 : 1);
  NumberMatch den;
  if (!ParseNumber(t, k, false, den) || !den.representable || den.ordinal || den.fraction || den.value <= 0)
    return false;
  if (out_of) {
    // "twelve out of ten" is no share: two numbers.
    if (num.value > den.value) return false;
  } else if (!PhraseEnds(t, den.end)) {
    return false;  // "over three years", "over 300 people": a duration or a comparison, not a division
  }
  value = num.value / den.value;
  end = den.end;
  return true;
}

bool PronounOne(const Tokens& t, const NumberMatch& num) {
  size_t i = num.begin;
  if (num.end != i + 1 || !num.words || num.value != 1 || i == 0) return false;
  const Token& p = t.items[i - 1];
  if (p.lex.cat != Cat::kWord) return false;
  switch (p.lex.value) {
    case W_THIS: case W_THAT: case W_WHICH: case W_THE: case W_EACH: case W_EVERY: case W_ANY:
    case W_NO: case W_ANOTHER: case W_SUCH:
      return true;
    default:
      return false;
  }
}

}  // namespace corroborate::extract
