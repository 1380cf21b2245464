#include "layout/search.hpp"

#include <algorithm>

#include "layout/journey_layout.hpp"
#include "model/enum_names.hpp"

namespace wm::layout {

// [SECTION] Folding ----------------------------------------------------------------------------------

namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), one per code point; Ĳĳ and Œœ are spelt out
// separately. Runs: a6 c8 d4 e10 g8 h4 i10 (ij2) j2 k3 l10 n9 o6 (oe2) r6 s8 t6 u12 w2 y3 z6 s1.
constexpr char kExtendedA[] =
    "aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk" "llllllllll"
    "nnnnnnnnn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
static_assert(sizeof(kExtendedA) == 0x80 + 1, "one letter per code point of Latin Extended-A");

// The unaccented spelling of a (lowercase or capital) Latin-1 or Extended-A letter; empty: keep it.
std::string_view base_letters(char32_t c) {
    if (c == 0xDF) return "ss";
    if (c >= 0xC0 && c <= 0xFF) {
        const char32_t l = c | 0x20;  // Latin-1 capitals are 0x20 below their lowercase letters
        if (l >= 0xE0 && l <= 0xE5) return "a";
        if (l == 0xE6) return "ae";
        if (l == 0xE7) return "c";
        if (l >= 0xE8 && l <= 0xEB) return "e";
        if (l >= 0xEC && l <= 0xEF) return "i";
        if (l == 0xF0) return "d";
        if (l == 0xF1) return "n";
        if ((l >= 0xF2 && l <= 0xF6) || l == 0xF8) return "o";
        if (l >= 0xF9 && l <= 0xFC) return "u";
        if (l == 0xFD || l == 0xFF) return "y";
        if (l == 0xFE) return "th";
        return {};  // × and ÷
    }
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x132 || c == 0x133) return "ij";
        if (c == 0x152 || c == 0x153) return "oe";
        return std::string_view(&kExtendedA[c - 0x100], 1);
    }
    return {};
}

bool is_word_char(unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80; }

// Length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
std::size_t sequence_length(unsigned char b) {
    if (b >= 0xF0) return 4;
    if (b >= 0xE0) return 3;
    if (b >= 0xC0) return 2;
    return 1;
}

}  // namespace

namespace {

std::string fold_non_ascii(std::string_view utf8) {
    const std::string lower = fold_case(utf8);
    std::string out;
    out.reserve(lower.size());
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const auto b = static_cast<unsigned char>(lower[i]);
        if (b >= 0xC2 && b <= 0xDF && i + 1 < lower.size() && (static_cast<unsigned char>(lower[i + 1]) & 0xC0) == 0x80) {
            const char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(lower[i + 1]) & 0x3F);
            if (c >= 0x300 && c <= 0x36F) {  // combining accents (text typed decomposed)
                ++i;
                continue;
            }
            if (const std::string_view base = base_letters(c); !base.empty()) {
                out += base;
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(b));
    }
    return out;
}

}  // namespace

// Runs of ASCII are only lowercased, in place; the rest (always whole sequences: continuation bytes
// are never ASCII) goes through the full folding. Most text is mostly ASCII, so this is one pass and
// no allocation for it — 100,000 insights are folded in one frame's worth of time.
void fold_for_search_append(std::string& out, std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t end = i;
        while (end < utf8.size() && static_cast<unsigned char>(utf8[end]) < 0x80) ++end;
        if (end > i) {
            const std::size_t from = out.size();
            out.append(utf8.substr(i, end - i));
            for (std::size_t k = from; k < out.size(); ++k)
                if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 0x20);
            i = end;
        }
        while (end < utf8.size() && static_cast<unsigned char>(utf8[end]) >= 0x80) ++end;
        if (end > i) {
            out += fold_non_ascii(utf8.substr(i, end - i));
            i = end;
        }
    }
}

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    fold_for_search_append(out, utf8);
    return out;
}

// [SECTION] Matching ---------------------------------------------------------------------------------

namespace {

bool at_word_start(std::string_view text, std::size_t pos) {
    return pos == 0 || !is_word_char(static_cast<unsigned char>(text[pos - 1]));
}

// Every space-separated word of the query somewhere in the text: 300, 350 when each starts a word.
int words_score(std::string_view text, std::string_view query) {
    int words = 0;
    bool all_starts = true;
    for (std::size_t i = 0; i < query.size();) {
        while (i < query.size() && query[i] == ' ') ++i;
        std::size_t end = i;
        while (end < query.size() && query[end] != ' ') ++end;
        if (end == i) break;
        const std::string_view word = query.substr(i, end - i);
        bool found = false, starts = false;
        for (std::size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
            found = true;
            if (at_word_start(text, pos)) {
                starts = true;
                break;
            }
        }
        if (!found) return 0;
        all_starts = all_starts && starts;
        ++words;
        i = end;
    }
    if (words < 2) return 0;  // one word: the substring test already answered
    return all_starts ? 350 : 300;
}

// The query's characters (spaces left out) in order in the text: 10..99, fewer gaps scoring higher,
// +20 when the first one starts a word. Whole UTF-8 sequences are matched, never parts of them.
int subsequence_score(std::string_view text, std::string_view query) {
    std::size_t pos = 0, first = std::string_view::npos, matched = 0, last_end = 0;
    for (std::size_t i = 0; i < query.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(query[i])), query.size() - i);
        const std::string_view ch = query.substr(i, n);
        i += n;
        if (ch == " ") continue;
        const std::size_t at = text.find(ch, pos);
        if (at == std::string_view::npos) return 0;
        if (first == std::string_view::npos) first = at;
        pos = last_end = at + n;
        matched += n;
    }
    if (matched < 2 || first == std::string_view::npos) return 0;  // one letter in order is noise
    const int gaps = static_cast<int>(last_end - first - matched);
    return std::clamp(99 - 2 * gaps, 10, 99) + (at_word_start(text, first) ? 20 : 0);
}

}  // namespace

int match_score(std::string_view text, std::string_view query) {
    while (!query.empty() && query.front() == ' ') query.remove_prefix(1);
    while (!query.empty() && query.back() == ' ') query.remove_suffix(1);
    if (query.empty()) return 1;
    if (text == query) return 1000;
    const std::size_t pos = text.find(query);
    if (pos == 0) return 900;
    if (pos != std::string_view::npos) {
        for (std::size_t p = pos; p != std::string_view::npos; p = text.find(query, p + 1))
            if (at_word_start(text, p)) return 700;
        return 500;
    }
    if (const int words = words_score(text, query)) return words;
    return subsequence_score(text, query);
}

// [SECTION] Entries and ranking ----------------------------------------------------------------------

std::vector<SearchEntry> searchable_entries(const Workspace& ws) {
    std::vector<SearchEntry> out;
    out.reserve(ws.journeys.size() + ws.personas.size() + ws.opportunities.size() + ws.insights.size());
    for (const Journey& j : ws.journeys) {
        std::string detail = level_label(ws, j.level);
        if (j.state == JourneyState::to_be) detail += " \xC2\xB7 to-be";
        out.push_back(SearchEntry{SearchKind::journey, j.id, {}, j.title, std::move(detail)});
    }
    for (const Persona& p : ws.personas) out.push_back(SearchEntry{SearchKind::persona, p.id, {}, p.name, p.role});
    for (const Opportunity& o : ws.opportunities)
        out.push_back(SearchEntry{SearchKind::opportunity, o.id, {}, o.title,
                                  o.will_not_do ? std::string("will not do") : std::string(enum_name(o.status))});
    for (const Insight& i : ws.insights) out.push_back(SearchEntry{SearchKind::insight, i.id, {}, i.title, std::string(enum_name(i.type))});
    return out;
}

void fold_entries(std::vector<SearchEntry>& entries) {
    for (SearchEntry& e : entries) {
        e.folded_title = fold_for_search(e.title);
        e.folded_full = e.detail.empty() ? std::string() : fold_for_search(e.title + " " + e.detail);
        e.folded = true;
    }
}

std::vector<SearchHit> rank_entries(const std::vector<SearchEntry>& entries, std::string_view query, std::size_t per_kind) {
    const std::string q = fold_for_search(query);
    const bool empty = q.find_first_not_of(' ') == std::string::npos;
    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const SearchEntry& e = entries[i];
        int score = match_score(e.folded ? std::string_view(e.folded_title) : std::string_view(fold_for_search(e.title)), q);
        if (score == 0 && !e.detail.empty())
            score = match_score(e.folded ? std::string_view(e.folded_full) : std::string_view(fold_for_search(e.title + " " + e.detail)), q) / 4;
        if (score > 0) hits.push_back(SearchHit{static_cast<int>(i), score});
    }
    if (!empty)
        std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
            if (a.score != b.score) return a.score > b.score;
            return entries[static_cast<std::size_t>(a.entry)].title.size() < entries[static_cast<std::size_t>(b.entry)].title.size();
        });
    // Group by kind, in the order each kind first appears (its best hit), keeping per_kind of each.
    std::vector<SearchKind> order;
    for (const SearchHit& h : hits) {
        const SearchKind k = entries[static_cast<std::size_t>(h.entry)].kind;
        if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
    }
    std::vector<SearchHit> out;
    for (const SearchKind k : order) {
        std::size_t taken = 0;
        for (const SearchHit& h : hits)
            if (entries[static_cast<std::size_t>(h.entry)].kind == k && taken < per_kind) {
                out.push_back(h);
                ++taken;
            }
    }
    return out;
}

std::string level_label(const Workspace& ws, int level) {
    std::string s = "L" + std::to_string(level);
    if (level >= 0 && static_cast<std::size_t>(level) < ws.settings.level_names.size())
        s += " " + ws.settings.level_names[static_cast<std::size_t>(level)];
    return s;
}

const char* search_kind_label(SearchKind kind) {
    switch (kind) {
        case SearchKind::view: return "Views";
        case SearchKind::journey: return "Journeys";
        case SearchKind::persona: return "Personas";
        case SearchKind::opportunity: return "Opportunities";
        case SearchKind::insight: return "Insights";
    }
    return "";
}

}  // namespace wm::layout
