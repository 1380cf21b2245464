// The maturity scan for screen readers: see mirror.hpp.
#include "ui/maturity/mirror.hpp"

#include <algorithm>
#include <cstdio>

#include "edit/commands.hpp"
#include "model/date.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {
namespace {
namespace mt = wm::maturity;

class Blocks {
public:
    explicit Blocks(std::string& out) : out_(out) {}
    void add(const char* kind, std::string_view text) {
        comma();
        out_ += "{\"";
        out_ += kind;
        out_ += "\":";
        json::append_string(out_, text);
        out_.push_back('}');
    }
    void list(const std::vector<std::string>& items) {
        if (items.empty()) return;
        comma();
        out_ += "{\"ul\":[";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) out_.push_back(',');
            json::append_string(out_, items[i]);
        }
        out_ += "]}";
    }

private:
    void comma() {
        if (out_.back() != '[') out_.push_back(',');
    }
    std::string& out_;
};

std::string format(const char* pattern, int a, const char* b) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, pattern, a, b);
    return buffer;
}

}  // namespace

std::string maturity_mirror(const Workspace& ws, const MaturityDraft& draft, const std::vector<maturity::Indicator>& indicators) {
    std::string out = "{\"view\":\"maturity\",\"title\":\"Maturity scan\",\"blocks\":[";
    Blocks b(out);
    const auto points = mt::history(ws);
    const MaturityScan* shown = find_by_id(ws.scans, draft.shown_scan);
    if (!shown && !points.empty()) shown = find_by_id(ws.scans, points.back().scan);
    if (shown) {
        const mt::ScanResult r = mt::compute(*shown);
        b.add("h", "Result of the scan of " + to_iso(shown->date) + ": " + format("stage %d, %s", r.stage, mt::stage_name(r.stage)));
        b.add("p", std::to_string(r.answered) + " of " + std::to_string(r.questions) + " questions answered. " + mt::stage_summary(r.stage) +
                       " The overall stage is the weakest area's stage.");
        const auto evidence = mt::evidence_by_area(indicators);
        for (const mt::Area area : mt::kAreas) {
            const mt::AreaResult& ar = r.area(area);
            char line[256];
            std::snprintf(line, sizeof line, "%s: stage %d, %s (mean answer %.1f; the workspace's evidence says stage %d)", mt::area_name(area),
                          ar.stage, mt::stage_name(ar.stage), ar.score, evidence[static_cast<std::size_t>(area)].stage);
            b.add("h3", line);
            b.add("p", ar.stage >= 5 ? "To stay there:" : "What to do next:");
            b.list(mt::next_steps(area, ar.stage));
        }
        std::vector<std::string> disagreements;
        for (const auto& d : mt::disagreements(r, indicators)) disagreements.push_back(d.sentence);
        b.add("h3", "Answers and evidence");
        if (disagreements.empty()) b.add("p", "Answers and evidence agree within one stage in every area.");
        b.list(disagreements);
    } else {
        b.add("h", "No scan yet");
        b.add("p", "Fifteen questions, five per mastery area, each answered on the five-stage scale; the result says what to do next in each area.");
    }
    std::vector<std::string> lines;
    for (const mt::Indicator& ind : indicators)
        lines.push_back(ind.title + ": " + std::to_string(ind.have) + " of " + std::to_string(ind.total) + ". " + ind.explanation);
    b.add("h3", "Evidence from the workspace");
    b.list(lines);

    const auto& qs = mt::questionnaire();
    const int answered = static_cast<int>(std::count_if(draft.answers.begin(), draft.answers.end(), [](int a) { return a > 0; }));
    out += "],\"form\":{\"answered\":" + std::to_string(answered) + ",\"total\":" + std::to_string(qs.size()) +
           ",\"canSave\":" + (answered == static_cast<int>(qs.size()) ? "true" : "false") + ",\"questions\":[";
    for (std::size_t i = 0; i < qs.size(); ++i) {
        if (i) out.push_back(',');
        out += "{\"area\":";
        json::append_string(out, mt::area_name(qs[i].area));
        out += ",\"text\":";
        json::append_string(out, qs[i].text);
        out += ",\"options\":[";
        for (int s = 0; s < mt::kStageCount; ++s) {
            if (s) out.push_back(',');
            json::append_string(out, format("%d, %s: ", s + 1, mt::stage_name(s + 1)) + qs[i].options[static_cast<std::size_t>(s)]);
        }
        out += "],\"answer\":" + std::to_string(i < draft.answers.size() ? draft.answers[i] : 0) + "}";
    }
    out += "]}}";
    return out;
}

std::string mirror_answer(MaturityDraft& draft, int question, int stage) {
    const int n = static_cast<int>(mt::questionnaire().size());
    if (question < 0 || question >= n) return "no such question";
    if (stage < 0 || stage > mt::kStageCount) return "no such answer";
    if (draft.answers.size() != static_cast<std::size_t>(n)) {
        // A new draft, as "Start a new scan" begins one.
        const Id shown = draft.shown_scan;
        draft = MaturityDraft{};
        draft.shown_scan = shown;
        draft.answers.assign(static_cast<std::size_t>(n), 0);
    }
    draft.open = true;
    draft.answers[static_cast<std::size_t>(question)] = stage;
    draft.current = question;
    draft.highlighted = stage > 0 ? stage - 1 : 0;
    return {};
}

std::optional<edit::Command> save_scan(MaturityDraft& draft, Date today) {
    const auto& qs = mt::questionnaire();
    if (draft.answers.size() != qs.size() || std::any_of(draft.answers.begin(), draft.answers.end(), [](int a) { return a <= 0; })) return std::nullopt;
    MaturityScan scan;
    scan.id = new_id();
    scan.date = today;
    for (std::size_t i = 0; i < qs.size(); ++i) scan.answers.push_back(ScanAnswer{qs[i].key, draft.answers[i]});
    const Id id = scan.id;
    draft = MaturityDraft{};
    draft.shown_scan = id;   // the result page opens on the scan just saved
    return edit::add_scan(std::move(scan));
}

}  // namespace wm::ui
