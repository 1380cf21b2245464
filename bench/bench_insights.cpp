// The big repository: 100,000 insights imported from CSV into the sample workspace, then searched,
// saved and loaded — each stage timed natively (Release). Prints figures, asserts nothing; the
// browser figures (wasm, frames) are bench/big_repository_bench.mjs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "io/csv_insights.hpp"
#include "io/file_format.hpp"
#include "layout/search.hpp"
#include "model/sample.hpp"

using namespace wm;

namespace {

template <class F>
double millis(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// What a research team's export looks like: a title, a sentence or two, the enumerations, a date,
// a persona and a tag or two per row.
std::string big_csv(int rows, const Workspace& ws) {
    static const char* const kTypes[] = {"observation", "pain", "need", "quote", "gain", "trend"};
    static const char* const kEvidence[] = {"assumed", "observed", "validated"};
    std::string out = "Title,Text,Type,Evidence,Last validated,Personas,Tags\r\n";
    for (int r = 0; r < rows; ++r) {
        out += "Finding " + std::to_string(r) + " about roaming fees and plan changes,";
        out += "\"Customers said \"\"the bill was higher than expected\"\" in interview " + std::to_string(r % 977) + ".\",";
        out += std::string(kTypes[r % 6]) + "," + kEvidence[r % 3] + ",";
        out += r % 4 == 0 ? "" : "2025-" + std::string(r % 12 < 9 ? "0" : "") + std::to_string(r % 12 + 1) + "-15";
        std::string persona = ws.personas[static_cast<std::size_t>(r) % ws.personas.size()].name;   // may hold quotes
        for (std::size_t q = persona.find('"'); q != std::string::npos; q = persona.find('"', q + 2)) persona.insert(q, 1, '"');
        out += ",\"" + persona + "\",roaming; billing\r\n";
    }
    return out;
}

}  // namespace

int main() {
    const int n = 100'000;
    const Workspace base = sample_workspace();
    const std::string csv = big_csv(n, base);
    std::printf("insights CSV: %d rows, %.1f MB, into the sample workspace\n", n, static_cast<double>(csv.size()) / 1e6);

    // Reading and checking, in the slices the app uses (one slice of 256 rows is what a frame's
    // time budget fits many times).
    io::CsvTable table;
    std::size_t slices = 0;
    double longest = 0;
    const double t_parse = millis([&] {
        io::CsvReader reader{std::string(csv)};
        for (bool done = false; !done; ++slices) longest = std::max(longest, millis([&] { done = reader.step(256); }));
        table = reader.take();
    });
    const auto mapping = io::guess_mapping(table.rows[0]);
    io::InsightImport plan;
    double longest_check = 0;
    const double t_plan = millis([&] {
        io::InsightPlanner planner(table, mapping, base);
        for (bool done = false; !done;) longest_check = std::max(longest_check, millis([&] { done = planner.step(table, 256); }));
        plan = planner.take();
    });
    std::printf("  read %.1f ms (%zu slices of 256 rows, longest %.2f ms), check %.1f ms (longest slice %.2f ms): %zu insights, %zu bad rows\n",
                t_parse, slices, longest, t_plan, longest_check, plan.insights.size(), plan.bad_rows.size());

    // The old way for comparison: one add_insight per row inside one command; each looks for its id
    // in the whole list, so the cost grows with the square of the rows. 10,000 rows only.
    {
        edit::Document doc(base);
        const std::size_t m = 10'000;
        const double t_old = millis([&] {
            doc.execute(edit::Command([&](edit::Transaction& tx) {
                for (std::size_t k = 0; k < m; ++k)
                    if (auto r = edit::add_insight(plan.insights[k]).apply(tx); !r) return r;
                return edit::Result::ok();
            }));
        });
        std::printf("  old apply (add_insight per row) of %zu rows: %.1f ms\n", m, t_old);
    }

    edit::Document doc(base);
    edit::Result applied;
    const double t_apply = millis([&] { applied = doc.execute(edit::add_insights(std::move(plan.insights), "Import")); });
    const double t_undo = millis([&] { doc.undo(); });
    const double t_redo = millis([&] { doc.redo(); });
    std::printf("  apply (add_insights, one command) %.1f ms%s, undo %.1f ms, redo %.1f ms; %zu insights\n", t_apply,
                applied ? "" : (" REFUSED: " + applied.refusal).c_str(), t_undo, t_redo, doc.workspace().insights.size());

    // The Insights view's order by title after the import: every title folded, then sorted once
    // (kept until a title changes).
    std::vector<int> by_title(doc.workspace().insights.size());
    const double t_sort = millis([&] {
        std::vector<std::string> keys;
        keys.reserve(by_title.size());
        for (const auto& i : doc.workspace().insights) keys.push_back(layout::fold_for_search(i.title));
        for (std::size_t k = 0; k < by_title.size(); ++k) by_title[k] = static_cast<int>(k);
        std::stable_sort(by_title.begin(), by_title.end(), [&](int a, int b) { return keys[static_cast<std::size_t>(a)] < keys[static_cast<std::size_t>(b)]; });
    });
    std::printf("  order by title (once per change of a title): %.1f ms\n", t_sort);

    // Search as the Insights view does it: every insight's text folded once per revision into one
    // buffer, then each query is one scan of it.
    std::string folded;
    std::vector<std::size_t> starts;
    const double t_fold = millis([&] {
        for (const auto& i : doc.workspace().insights) {
            starts.push_back(folded.size());
            layout::fold_for_search_append(folded, i.title);
            folded += '\n';
            layout::fold_for_search_append(folded, i.text);
            folded += '\n';
            layout::fold_for_search_append(folded, i.source_detail);
            for (const auto& t : i.tags) {
                folded += '\n';
                layout::fold_for_search_append(folded, t);
            }
            folded += '\0';
        }
    });
    std::size_t hits = 0;
    const double t_query = millis([&] {
        const std::string needle = layout::fold_for_search("Interview 12");
        for (std::size_t at = folded.find(needle); at != std::string::npos; ++hits) {
            const auto k = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin());
            at = k < starts.size() ? folded.find(needle, starts[k]) : std::string::npos;
        }
    });
    std::printf("  search: fold all %.1f ms (once per revision, %.1f MB), one query %.1f ms (%zu hits)\n", t_fold,
                static_cast<double>(folded.size()) / 1e6, t_query, hits);

    std::string snap;
    io::LoadResult loaded;
    const double t_save = millis([&] { snap = io::save_snapshot(doc.workspace()); });
    const double t_load = millis([&] { loaded = io::load_snapshot(snap); });
    std::string json;
    const double t_export = millis([&] { json = io::export_json(doc.workspace()); });
    std::printf("  snapshot save %.1f ms, load %.1f ms (%.1f MB%s); JSON export %.1f ms (%.1f MB)\n", t_save, t_load,
                static_cast<double>(snap.size()) / 1e6, loaded ? "" : ", LOAD FAILED", t_export,
                static_cast<double>(json.size()) / 1e6);
    return 0;
}
