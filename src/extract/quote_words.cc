// Parses data/quote_words.tsv into one word table (see quote_words.h). Tested in quote_words_test.cc.
#include "extract/quote_words.h"

#include "core/embedded_data.h"

namespace corroborate::extract {

const QuoteWords& QuoteWords::Get() {
  static const QuoteWords* w = new QuoteWords();  // never destroyed: lives until the process ends
  return *w;
}

QuoteWords::QuoteWords() {
  words_.Reserve(512);
  std::string_view data = EmbeddedData("quote_words.tsv");
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    std::string_view cat = line.substr(0, tab);
    uint8_t flag = cat == "speech" ? kSpeechVerb : cat == "inverts" ? kInverts : cat == "aux" ? kAux
                 : cat == "speaker" ? kSpeakerNoun : cat == "document" ? kDocument : 0;
    if (flag == 0) continue;
    std::string_view words = line.substr(tab + 1);
    size_t s = 0;
    while (s < words.size()) {
      size_t e = s;
      while (e < words.size() && words[e] != ' ' && words[e] != '\r') ++e;
      if (e > s) words_.Insert(words.substr(s, e - s)) |= flag;
      s = e + 1;
    }
  }
}

}  // namespace corroborate::extract
