// Finding things by name (src/layout/search): folding of case and accents, how a query matches a
// name, and the order and grouping of results the Ctrl+K palette offers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/search.hpp"
#include "model/generate.hpp"

using namespace wm;
using namespace wm::layout;

namespace {

std::vector<std::string> titles(const std::vector<SearchEntry>& entries, const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.push_back(entries[static_cast<std::size_t>(h.entry)].title);
    return out;
}

SearchEntry entry(SearchKind kind, std::string title, std::string detail = {}) {
    return SearchEntry{kind, new_id(), {}, std::move(title), std::move(detail)};
}

}  // namespace

TEST_CASE("folding takes case and accents off Latin letters and leaves other scripts alone") {
    CHECK(fold_for_search("Zoë") == "zoe");
    CHECK(fold_for_search("ZOË") == "zoe");
    CHECK(fold_for_search("Café Crème") == "cafe creme");
    CHECK(fold_for_search("Straße") == "strasse");
    CHECK(fold_for_search("Œuvre ÆON") == "oeuvre aeon");
    CHECK(fold_for_search("Łódź Škoda Ĳssel") == "lodz skoda ijssel");
    CHECK(fold_for_search("ÿ Ÿ") == "y y");
    CHECK(fold_for_search("2×3 ÷ 4") == "2×3 ÷ 4");                    // signs are not letters
    CHECK(fold_for_search("Cafe\xCC\x81") == "cafe");                 // decomposed é: the accent is dropped
    CHECK(fold_for_search("Ελλάδα Москва") == "ελλάδα москва");        // case only
    CHECK(fold_for_search("購入する") == "購入する");
    CHECK(fold_for_search("bad \xC3 byte") == "bad \xC3 byte");        // invalid UTF-8 passes through
    std::string many = "Keep ";
    fold_for_search_append(many, "ÉCOLE ");
    fold_for_search_append(many, "Straße");
    CHECK(many == "Keep ecole strasse");                              // appends, leaves what was there
}

TEST_CASE("a match in the whole name beats a prefix, a word start, a substring, words, and letters in order") {
    const int whole = match_score("onboarding", "onboarding");
    const int prefix = match_score("onboarding a customer", "onboarding");
    const int word = match_score("fast onboarding", "onboarding");
    const int inside = match_score("reonboarding", "onboarding");
    const int words = match_score("buying a phone in a store", "phone buying");
    const int partial_words = match_score("buying a smartphone", "phone buy");
    const int letters = match_score("buying a phone", "bph");
    CHECK(whole > prefix);
    CHECK(prefix > word);
    CHECK(word > inside);
    CHECK(inside > words);
    CHECK(words > partial_words);
    CHECK(partial_words > letters);
    CHECK(letters > 0);
    CHECK(match_score("buying a phone", "xyz") == 0);
    CHECK(match_score("buying a phone", "phone cheap") == 0);         // every word must be there
    CHECK(match_score("anything", "") == 1);
    CHECK(match_score("anything", "   ") == 1);
    CHECK(match_score("phone", " phone ") == 1000);                 // spaces around the query do not count
    CHECK(match_score("a-b", "ab") > 0);                              // letters in order
    CHECK(match_score("xay", "ab") == 0);
}

TEST_CASE("letters in order: fewer gaps rank higher, a word start helps, multi-byte letters match whole") {
    CHECK(match_score("buy phone", "bph") > match_score("boring old phone", "bph"));
    CHECK(match_score("the buy phone", "bph") > match_score("thebuy phone", "bph"));
    CHECK(match_score("über grün", "üg") > 0);
    // "é" is C3 A9 and "ã" C3 A3: sharing a lead byte must not make one match the other.
    CHECK(match_score("cã", "cé") == 0);
}

TEST_CASE("ranking: best first, groups ordered by their best hit, at most per_kind of a kind") {
    std::vector<SearchEntry> entries = {
        entry(SearchKind::view, "Personas"),
        entry(SearchKind::journey, "Renew a contract", "L1 Macro journeys"),
        entry(SearchKind::journey, "Onboarding", "L1 Macro journeys"),
        entry(SearchKind::persona, "Zoë Martin", "Student"),
        entry(SearchKind::opportunity, "Faster onboarding for students", "idea"),
        entry(SearchKind::journey, "Onboarding in the app", "L2 Micro journeys"),
        entry(SearchKind::journey, "Pay the first bill", "L2 Micro journeys"),
    };
    SUBCASE("the whole name first, then its group, then the other groups") {
        const auto hits = rank_entries(entries, "onboarding", 10);
        CHECK(titles(entries, hits) == std::vector<std::string>{"Onboarding", "Onboarding in the app", "Faster onboarding for students"});
        CHECK(entries[static_cast<std::size_t>(hits[2].entry)].kind == SearchKind::opportunity);
    }
    SUBCASE("accents and case do not matter") {
        CHECK(titles(entries, rank_entries(entries, "ZOE", 10)) == std::vector<std::string>{"Zoë Martin"});
    }
    SUBCASE("the detail is searched, below names") {
        const auto hits = rank_entries(entries, "micro", 10);
        CHECK(titles(entries, hits) == std::vector<std::string>{"Pay the first bill", "Onboarding in the app"});  // equal: shorter first
        CHECK(hits[0].score < match_score("micro", "micro"));
        const auto students = rank_entries(entries, "student", 10);
        CHECK(titles(entries, students) == std::vector<std::string>{"Faster onboarding for students", "Zoë Martin"});
    }
    SUBCASE("per_kind caps each group") {
        const auto hits = rank_entries(entries, "", 2);
        CHECK(titles(entries, hits) == std::vector<std::string>{"Personas", "Renew a contract", "Onboarding", "Zoë Martin",
                                                                  "Faster onboarding for students"});
    }
    SUBCASE("nothing found") { CHECK(rank_entries(entries, "qqq", 10).empty()); }
    SUBCASE("entries folded once rank exactly as entries folded per query") {
        std::vector<SearchEntry> folded = entries;
        fold_entries(folded);
        for (const char* query : {"onboarding", "ZOE", "micro", "student", "", "qqq", "obf"}) {
            const auto a = rank_entries(entries, query, 3), b = rank_entries(folded, query, 3);
            REQUIRE(a.size() == b.size());
            for (std::size_t i = 0; i < a.size(); ++i) CHECK((a[i].entry == b[i].entry && a[i].score == b[i].score));
        }
    }
}

TEST_CASE("searchable entries: journeys with level names and state, personas, opportunities, insights") {
    Workspace ws = blank_workspace("Test");
    Journey j;
    j.id = new_id();
    j.title = "Buy a phone";
    j.level = 1;
    j.state = JourneyState::to_be;
    ws.journeys.push_back(j);
    Persona p;
    p.id = new_id();
    p.name = "Amira";
    p.role = "Small business owner";
    ws.personas.push_back(p);
    Opportunity o;
    o.id = new_id();
    o.title = "Explain the bill";
    o.will_not_do = true;
    ws.opportunities.push_back(o);
    Insight i;
    i.id = new_id();
    i.title = "Bills confuse people";
    ws.insights.push_back(i);

    const auto entries = searchable_entries(ws);
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].title == "Customer lifecycle");
    CHECK(entries[0].detail == "L0 Lifecycle");
    CHECK(level_label(ws, 7) == "L7");                               // past the named levels
    CHECK(entries[1].detail == "L1 Macro journeys \xC2\xB7 to-be");
    CHECK(entries[1].id == j.id);
    CHECK(entries[2].kind == SearchKind::persona);
    CHECK(entries[2].detail == "Small business owner");
    CHECK(entries[3].kind == SearchKind::opportunity);
    CHECK(entries[3].detail == "will not do");
    CHECK(entries[4].kind == SearchKind::insight);
    CHECK(titles(entries, rank_entries(entries, "bill", 10)) == std::vector<std::string>{"Bills confuse people", "Explain the bill"});
}

TEST_CASE("a thousand generated journeys are searched and capped") {
    GenerateSpec spec;
    spec.journeys = 1000;
    spec.levels = 4;
    const Workspace ws = generate_workspace(spec);
    const auto entries = searchable_entries(ws);
    CHECK(entries.size() >= 1000);
    const auto hits = rank_entries(entries, "journey", 8);
    CHECK(hits.size() <= 8 * 5);
    for (std::size_t i = 1; i < hits.size(); ++i)
        if (entries[static_cast<std::size_t>(hits[i].entry)].kind == entries[static_cast<std::size_t>(hits[i - 1].entry)].kind)
            CHECK(hits[i].score <= hits[i - 1].score);
}
