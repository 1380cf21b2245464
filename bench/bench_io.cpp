// Save/load figures for the file format and snapshots: synthetic workspaces of 1k, 10k and 100k
// cards, JSON export/import and binary save/load, time and bytes. Prints figures, asserts nothing.
// Loads include the pre-scan and the full validate() + check_framework() pass, as in the app.
//
// The longer fuzz run lives here too in spirit: `scripts/fuzz 600` (see scripts/fuzz).
#include <chrono>
#include <cstdio>
#include <string>

#include "io/file_format.hpp"
#include "model/validate.hpp"

using namespace wm;

namespace {

// Journeys of 5 stages x 4 steps and 6 lanes, 1000 cards each (fewer in the last), with personas,
// insights and emotion scores referenced from the cards, so that every kind of check does work.
Workspace synthetic(std::size_t cards) {
    IdGenerator gen(1234);
    Workspace ws = blank_workspace("Bench");
    ws.journeys.clear();
    for (int i = 0; i < 20; ++i) ws.personas.push_back(Persona{gen.next(), "Persona " + std::to_string(i), "role", "segment",
                                                                "quote", {"goal"}, {"need"}, {"pain"}, {"job"}, "P", 0x4F46E5});
    for (int i = 0; i < 5; ++i) ws.channels.push_back(Channel{gen.next(), "Channel " + std::to_string(i), i % 2 == 0});
    std::size_t made = 0;
    while (made < cards) {
        Journey j;
        j.id = gen.next();
        j.title = "Journey " + std::to_string(ws.journeys.size());
        j.level = ws.journeys.empty() ? 0 : 1;
        for (int s = 0; s < 5; ++s) {
            Stage stage{gen.next(), "Stage " + std::to_string(s), {}};
            for (int t = 0; t < 4; ++t) stage.steps.push_back(Step{gen.next(), "Step", "A step description.", t == 0});
            j.stages.push_back(stage);
        }
        for (int l = 0; l < 6; ++l)
            j.lanes.push_back(Lane{gen.next(), "Lane", l == 5 ? LaneKind::emotion : LaneKind::text, "Layer", 0x6B7280, false});
        for (int k = 0; k < 1000 && made < cards; ++k, ++made) {
            const Step& step = j.stages[k % 5].steps[(k / 5) % 4];
            Card c{gen.next(), j.lanes[k % 5].id, step.id, "Card text number " + std::to_string(k) + ", a typical sentence or two.",
                   {ws.personas[k % 20].id}, k % 6, k % 3 == 0 ? ws.channels[k % 5].id : Id{}, {}, {}};
            j.cards.push_back(std::move(c));
        }
        for (const auto& stage : j.stages)
            for (const auto& step : stage.steps) j.emotions.push_back(EmotionScore{j.lanes[5].id, step.id, Id{}, 1});
        if (!ws.journeys.empty())
            ws.links.push_back(JourneyLink{ws.journeys[0].id, j.id, ws.journeys[0].stages[0].id, Id{}});
        ws.journeys.push_back(std::move(j));
    }
    return ws;
}

template <class F>
double millis(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main() {
    std::printf("%8s %12s %10s %10s | %12s %10s %10s | %10s %10s\n", "cards", "json bytes", "export ms", "import ms",
                "snap bytes", "save ms", "load ms", "validate ms", "limits ms");
    for (const std::size_t n : {std::size_t{1'000}, std::size_t{10'000}, std::size_t{100'000}}) {
        const Workspace ws = synthetic(n);
        std::string json, snap;
        io::LoadResult from_json, from_snap;
        const double t_export = millis([&] { json = io::export_json(ws); });
        const double t_import = millis([&] { from_json = io::import_json(json); });
        const double t_save = millis([&] { snap = io::save_snapshot(ws); });
        const double t_load = millis([&] { from_snap = io::load_snapshot(snap); });
        std::size_t problems = 0;
        const double t_validate = millis([&] { problems = validate(ws).size(); });
        // What every edit pays (edit::Document::execute runs check_limits after each command).
        std::size_t bound = 0;
        const double t_limits = millis([&] { bound = check_limits(ws).file_bytes; });
        std::printf("%8zu %12zu %10.1f %10.1f | %12zu %10.1f %10.1f | %10.1f %10.2f\n", n, json.size(), t_export, t_import,
                    snap.size(), t_save, t_load, t_validate, t_limits);
        if (bound < json.size()) std::printf("  file-size bound %zu is below the export's size\n", bound);
        if (!from_json) std::printf("  JSON import failed: %s\n", from_json.error.c_str());
        if (!from_snap) std::printf("  snapshot load failed: %s\n", from_snap.error.c_str());
        if (problems) std::printf("  %zu validation problems\n", problems);
    }
    return 0;
}
