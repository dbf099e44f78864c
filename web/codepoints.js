// Evidence and quote offsets count Unicode code points (CONTRACT.md); JavaScript strings count
// UTF-16 units, so "😀 900" has 900 at code point 2 but at unit 3. Tested in tests/web/ (e2e, unit).

function unitsAt(text, index) {
  const unit = text.charCodeAt(index);
  const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff;
  const next = text.charCodeAt(index + 1);
  return isHighSurrogate && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

// UTF-16 index of each code point offset, in one pass; offsets past the end map to text.length.
export function utf16Offsets(text, codePointOffsets) {
  const wanted = [...new Set(codePointOffsets)].sort((a, b) => a - b);
  const result = new Map();
  let codePoint = 0;
  let index = 0;
  for (const target of wanted) {
    while (codePoint < target && index < text.length) {
      index += unitsAt(text, index);
      codePoint += 1;
    }
    result.set(target, index);
  }
  return result;
}

// The text cut at one code point span: {before, inside, after}; null when the span is not valid.
export function splitAtSpan(text, start, end) {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
  const offsets = utf16Offsets(text, [start, end]);
  const from = offsets.get(start);
  const to = offsets.get(end);
  if (from >= to) return null;
  return {before: text.slice(0, from), inside: text.slice(from, to), after: text.slice(to)};
}
