// Merge figures: two copies of a ~10,000-card workspace (model/generate.hpp), edited differently
// (texts, moves, deletes, additions, some of them on the same cards), stamped and merged. Prints
// the processor time of each step; asserts nothing. The app must merge such copies in under 1 s in the
// browser, where wasm runs ~1.5-2x slower than this native build.
#include <ctime>
#include <cstdio>
#include <string>

#include "io/file_format.hpp"
#include "io/merge.hpp"
#include "io/records.hpp"
#include "io/stamp.hpp"
#include "model/generate.hpp"

using namespace wm;

namespace {

// Processor time of this process, not wall time: the figures mean the same on a busy shared machine
// (everything here runs on one thread, so on an idle machine the two agree).
template <class F>
double millis(F&& f) {
    const std::clock_t start = std::clock();
    f();
    return 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// Edits one copy: every `stride`-th card of every journey gets new text (starting at `offset`), a
// few cards move to another step, some are deleted, a stage is renamed and cards are added.
void edit(Workspace& ws, std::size_t offset, std::size_t stride, const char* tag) {
    std::size_t n = 0;
    for (Journey& j : ws.journeys) {
        if (j.cards.empty()) continue;
        for (std::size_t i = offset; i < j.cards.size(); i += stride) j.cards[i].text = std::string(tag) + " edit " + std::to_string(n++);
        if (j.stages.size() > 1 && !j.stages[0].steps.empty()) {
            j.stages[0].name += std::string(" ") + tag;
            for (std::size_t i = offset; i < j.cards.size(); i += stride * 7) j.cards[i].step = j.stages[0].steps[0].id;
        }
        if (j.cards.size() > offset + 3) j.cards.erase(j.cards.begin() + static_cast<std::ptrdiff_t>(offset + 3));
        Card extra = j.cards.front();
        extra.id = new_id();
        extra.text = std::string("Added on ") + tag;
        j.cards.insert(j.cards.begin() + 1, extra);
    }
}

}  // namespace

int main() {
    ids() = IdGenerator(42);
    GenerateSpec spec;
    spec.journeys = 42;
    spec.levels = 3;
    spec.steps_per_journey = 30;
    spec.lanes_per_journey = 10;
    spec.cards_per_cell = 2;
    const Workspace generated = generate_workspace(spec);
    std::size_t cards = 0;
    for (const Journey& j : generated.journeys) cards += j.cards.size();
    std::printf("workspace: %zu journeys, %zu cards\n", generated.journeys.size(), cards);

    Workspace base = generated;
    io::Replica r0{0xBA5E, 0};
    const double t_first = millis([&] { io::stamp(base, r0); });

    Workspace a = base, b = base;
    io::Replica ra{0xA, r0.clock}, rb{0xB, r0.clock};
    edit(a, 0, 20, "A");
    edit(b, 5, 20, "B");
    for (std::size_t i = 0; i < b.journeys.size(); i += 3)
        if (!b.journeys[i].cards.empty()) b.journeys[i].cards[0].text = "B edits the same card";  // conflicts with A's edit

    io::Decomposed d;
    const double t_decompose = millis([&] { d = io::decompose(a); });
    const double t_stamp_a = millis([&] { io::stamp(a, ra); });
    const double t_stamp_b = millis([&] { io::stamp(b, rb); });
    const double t_stamp_none = millis([&] { io::stamp(a, ra); });
    io::RecordsResult records;
    const double t_records = millis([&] { records = io::records_of(a); });
    io::ComposeResult composed;
    const double t_compose = millis([&] { composed = io::compose(*records.records); });
    io::MergeResult merged;
    const double t_merge = millis([&] { merged = io::merge(a, b); });
    if (!merged) {
        std::printf("merge failed: %s\n", merged.error.c_str());
        return 1;
    }
    std::string text;
    const double t_export = millis([&] { text = io::export_json(*merged.workspace); });
    io::LoadResult loaded;
    const double t_import = millis([&] { loaded = io::import_json(text); });
    // What File › Merge does, end to end: read the other copy's file, stamp the open document (it
    // has unsaved edits), merge.
    const std::string file_b = io::export_json(b);
    Workspace doc = a;
    edit(doc, 11, 40, "C");
    io::Replica rc = ra;
    io::MergeResult via_file;
    const double t_app = millis([&] {
        const io::LoadResult other = io::import_json(file_b);
        io::stamp(doc, rc);
        via_file = io::merge(doc, *other.workspace);
    });
    std::string since;
    const double t_since = millis([&] { since = io::records_since(b, a.merge.versions); });
    io::MergeResult live;
    const double t_live = millis([&] { live = io::merge_records(a, since); });

    std::printf("%-44s %8.1f ms\n", "first stamp (everything)", t_first);
    std::printf("%-44s %8.1f ms\n", "decompose one copy", t_decompose);
    std::printf("%-44s %8.1f ms\n", "stamp copy A after its edits", t_stamp_a);
    std::printf("%-44s %8.1f ms\n", "stamp copy B after its edits", t_stamp_b);
    std::printf("%-44s %8.1f ms\n", "stamp with nothing changed", t_stamp_none);
    std::printf("%-44s %8.1f ms\n", "records_of (content + history)", t_records);
    std::printf("%-44s %8.1f ms\n", "compose (records -> workspace)", t_compose);
    std::printf("%-44s %8.1f ms\n", "merge A + B (all of it)", t_merge);
    std::printf("%-44s %8.1f ms\n", "export_json of the result", t_export);
    std::printf("%-44s %8.1f ms\n", "File > Merge: import + stamp + merge", t_app);
    std::printf("%-44s %8.1f ms\n", "import_json of the result", t_import);
    std::printf("%-44s %8.1f ms  (%zu bytes)\n", "records_since (B's news for A)", t_since, since.size());
    std::printf("%-44s %8.1f ms\n", "merge_records (A merges B's news)", t_live);
    // What the cache of the last stamped state holds in memory (roughly: strings past the small
    // buffer, records, entities and hash nodes).
    std::size_t bytes = 0;
    for (const auto& [key, e] : records.records->entities) {
        bytes += sizeof(io::EntityRecords) + 3 * sizeof(void*) + (e.live.size() + e.tomb.size()) * sizeof(io::Record);
        for (const io::Record& r : e.live) bytes += r.value.size() > 15 ? r.value.capacity() + 1 : 0;
    }
    std::printf("records in memory: %zu entities, ~%.1f MB (the export is %.1f MB)\n", records.records->entities.size(),
                static_cast<double>(bytes) / 1e6, static_cast<double>(text.size()) / 1e6);
    std::printf("report: %s\n", merged.report.summary().c_str());
    std::printf("merge section: %zu stamps, %zu order lists, %zu tombstones; export %zu bytes\n",
                merged.workspace->merge.stamps.size(), merged.workspace->merge.order.size(),
                merged.workspace->merge.tombstones.size(), text.size());
    if (!loaded) std::printf("re-import failed: %s\n", loaded.error.c_str());
    if (!live || io::export_json(*live.workspace) != text) std::printf("merge_records differs from merge: %s\n", live.error.c_str());
    return 0;
}
