// The maturity scan view. The questionnaire and the result pages live here; the charts (area bars,
// progress over time) are drawn in maturity/charts.cpp. All numbers come from
// scoring/maturity.hpp — this file only lays them out and emits commands.
//
// [SECTION] index: helpers · questionnaire · review and save · result · evidence · history ·
// entry point
#include "ui/maturity/view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "model/date.hpp"
#include "platform/platform.hpp"
#include "scoring/maturity.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/maturity/charts.hpp"
#include "ui/maturity/mirror.hpp"

namespace wm::ui {
namespace {
namespace mt = wm::maturity;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

int answered_count(const MaturityDraft& d) {
    return static_cast<int>(std::count_if(d.answers.begin(), d.answers.end(), [](int a) { return a > 0; }));
}

void start_draft(MaturityDraft& d) {
    const Id shown = d.shown_scan;
    d = MaturityDraft{};
    d.open = true;
    d.shown_scan = shown;
    d.answers.assign(mt::questionnaire().size(), 0);
}

// Moving to another question puts the keyboard cursor on its answer (or the first option).
void go_to_question(MaturityDraft& d, int index) {
    const int n = static_cast<int>(d.answers.size());
    d.current = std::clamp(index, 0, n);
    d.highlighted = d.current < n && d.answers[d.current] > 0 ? d.answers[d.current] - 1 : 0;
}

void heading(const ViewContext& ctx, const char* text) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void bold(const ViewContext& ctx, const char* text) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// Keys act only when nothing else owns the keyboard: no text field, and no Ctrl/Alt (Alt+Left is
// the app's Back).
bool plain_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    return !io.WantTextInput && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Questionnaire: one question at a time, five answers, progress across the top.
// ---------------------------------------------------------------------------------------------
void draw_progress(const MaturityDraft& d) {
    const auto& qs = mt::questionnaire();
    const int n = static_cast<int>(qs.size());
    const int answered = answered_count(d);
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%d of %d answered", answered, n);
    // The overlay text is ink over the fill: the style's fill is the pressed wash (ink on it is a
    // checked pair, ui/kit/palette.hpp), not the accent (it was dark text on purple).
    ImGui::ProgressBar(n ? float(answered) / float(n) : 0.f, ImVec2(-1, 0), overlay);
    // One dot per question, coloured when answered, ringed when on screen: where the gaps are.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = 5, gap = 16;
    for (int i = 0; i < n; ++i) {
        const float group_gap = static_cast<float>(static_cast<int>(qs[i].area)) * 14;
        const ImVec2 c(p.x + r + 2 + i * gap + group_gap, p.y + r + 4);
        if (d.answers[i] > 0) dl->AddCircleFilled(c, r, chart::area_color(qs[i].area));
        else dl->AddCircle(c, r, color::kMuted, 0, 1.2f);
        if (i == d.current) dl->AddCircle(c, r + 3, color::kInk, 0, 1.5f);
    }
    ImGui::Dummy(ImVec2(n * gap + 40, 2 * r + 8));
}

void save_draft(const ViewContext& ctx) {
    if (auto command = save_scan(ctx.ui.maturity, Date{platform::today_days()})) ctx.emit(std::move(*command));
}

void draw_review(const ViewContext& ctx) {
    MaturityDraft& d = ctx.ui.maturity;
    const auto& qs = mt::questionnaire();
    const int n = static_cast<int>(qs.size());
    const bool complete = answered_count(d) == n;
    heading(ctx, complete ? "All questions answered" : "Some questions are still open");
    wrapped_text(complete ? "Save the scan to see where the team stands. It is kept in the workspace with today's date."
                          : "Answer every question to save the scan. Click one to go to it.",
                 color::kMuted);
    ImGui::Spacing();
    for (int i = 0; i < n; ++i) {
        if (d.answers[i] > 0) continue;
        ImGui::PushID(i);
        if (ImGui::Selectable(qs[i].text)) go_to_question(d, i);
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("Back to the questions") || (plain_keys() && ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false)))
        go_to_question(d, n - 1);
    ImGui::SameLine();
    ImGui::BeginDisabled(!complete);
    const bool enter = plain_keys() && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
    if (ImGui::Button("Save scan") || (complete && enter)) save_draft(ctx);
    ImGui::EndDisabled();
}

void draw_questionnaire(const ViewContext& ctx) {
    MaturityDraft& d = ctx.ui.maturity;
    const auto& qs = mt::questionnaire();
    const int n = static_cast<int>(qs.size());
    if (static_cast<int>(d.answers.size()) != n) d.answers.resize(n, 0);  // a draft from an older questionnaire
    d.current = std::clamp(d.current, 0, n);

    draw_progress(d);
    ImGui::Spacing();
    if (d.current == n) {
        draw_review(ctx);
    } else {
        const mt::Question& q = qs[d.current];
        int in_area = 0, area_total = 0;
        for (int i = 0; i < n; ++i) {
            if (qs[i].area != q.area) continue;
            ++area_total;
            if (i <= d.current) ++in_area;
        }
        ImGui::TextColored(v4(chart::area_color(q.area)), "%s \xC2\xB7 question %d of %d", mt::area_name(q.area), in_area, area_total);
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::TextWrapped("%s", q.text);
        ImGui::PopFont();
        ImGui::Spacing();

        // Keyboard: 1-5 answer at once, Up/Down move the cursor, Enter answers with it, Left/Right
        // walk the questions. Read before drawing so the options show this frame's cursor.
        int chosen = -1;
        if (plain_keys()) {
            for (int i = 0; i < mt::kStageCount; ++i)
                if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + i), false) ||
                    ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_Keypad1 + i), false))
                    chosen = i;
            if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) d.highlighted = std::max(0, d.highlighted - 1);
            if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) d.highlighted = std::min(mt::kStageCount - 1, d.highlighted + 1);
            if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
                chosen = d.highlighted;
        }

        const float width = std::min(ImGui::GetContentRegionAvail().x, 760.f);
        const float badge = ImGui::GetTextLineHeight() * 1.6f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < mt::kStageCount; ++i) {
            ImGui::PushID(i);
            const char* text = q.options[i];
            const float text_w = width - badge - 28;
            const ImVec2 text_size = ImGui::CalcTextSize(text, nullptr, false, text_w);
            const float h = std::max(text_size.y, badge) + 14;
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const bool selected = d.answers[d.current] == i + 1;
            // Hidden label "answer N": tests find option N of whatever question is on screen.
            char label[32];
            std::snprintf(label, sizeof label, "##answer %d", i + 1);
            if (ImGui::Selectable(label, selected, ImGuiSelectableFlags_None, ImVec2(width, h))) chosen = i;
            const ImVec2 max(pos.x + width, pos.y + h);
            if (i == d.highlighted) dl->AddRect(pos, max, color::kAccent, 5, 0, 2);
            else dl->AddRect(pos, max, color::kLine, 5);
            const ImVec2 c(pos.x + 10 + badge / 2, pos.y + h / 2);
            dl->AddCircleFilled(c, badge / 2, selected ? chart::stage_color(i + 1) : color::kPaper);
            dl->AddCircle(c, badge / 2, chart::stage_color(i + 1), 0, 1.5f);
            char digit[2] = {static_cast<char>('1' + i), 0};
            const ImVec2 ds = ImGui::CalcTextSize(digit);
            dl->AddText(ImVec2(c.x - ds.x / 2, c.y - ds.y / 2), selected ? color::kOnAccent : color::kInk, digit);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + badge + 20, pos.y + (h - text_size.y) / 2), color::kInk,
                        text, nullptr, text_w);
            ImGui::SetItemTooltip("Stage %d: %s", i + 1, mt::stage_name(i + 1));
            ImGui::PopID();
        }
        if (chosen >= 0) {
            d.answers[d.current] = chosen + 1;
            go_to_question(d, d.current + 1);
        }

        ImGui::Spacing();
        ImGui::BeginDisabled(d.current == 0);
        if (ImGui::Button("Previous")) go_to_question(d, d.current - 1);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(d.current + 1 < n ? "Next" : "Review")) go_to_question(d, d.current + 1);
        if (plain_keys() && ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) go_to_question(d, d.current - 1);
        if (plain_keys() && ImGui::IsKeyPressed(ImGuiKey_RightArrow)) go_to_question(d, d.current + 1);
        wrapped_text("Keys: 1\xE2\x80\x93" "5 answer \xC2\xB7 Up/Down move \xC2\xB7 Enter choose \xC2\xB7 Left/Right previous/next question", color::kMuted);
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Continue later")) d.open = false;
    ImGui::SetItemTooltip("Your answers stay here until you come back, in this tab.");
    ImGui::SameLine();
    if (ImGui::Button("Discard answers")) d = MaturityDraft{};
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Result: overall stage, the area chart, and what to do next per area.
// ---------------------------------------------------------------------------------------------
void draw_result(const ViewContext& ctx, const MaturityScan& scan, const std::vector<mt::Indicator>& indicators) {
    const mt::ScanResult r = mt::compute(scan);
    const auto evidence = mt::evidence_by_area(indicators);
    wrapped_textf(color::kMuted, "Scan of %s \xC2\xB7 %d of %d questions answered", to_iso(scan.date).c_str(), r.answered, r.questions);
    // The overall stage is a widget (its label is the stage) so that it can explain itself on hover.
    char overall[96];
    std::snprintf(overall, sizeof overall, "Stage %d \xC2\xB7 %s###overall-stage", r.stage, mt::stage_name(r.stage));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, v4(chart::stage_color(r.stage)));
    ImGui::Selectable(overall, false, ImGuiSelectableFlags_None, ImVec2(ImGui::CalcTextSize(overall, nullptr, true).x, 0));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetItemTooltip("The overall stage is the weakest area's stage: mastery needs insight, a framework and prioritisation together.");
    ImGui::TextWrapped("%s", mt::stage_summary(r.stage));
    if (!scan.note.empty()) {   // wrapped: a note is a sentence or more, and the column may be narrow
        wrapped_text("Note: " + scan.note, color::kMuted);
    }
    ImGui::Spacing();

    chart::draw_area_chart(ctx, r, evidence);
    ImGui::Spacing();

    for (mt::Area area : mt::kAreas) {
        const mt::AreaResult& ar = r.area(area);
        ImGui::PushID(mt::area_key(area));
        char label[128];
        std::snprintf(label, sizeof label, "%s: stage %d###area", mt::area_name(area), ar.stage);
        ImGui::PushStyleColor(ImGuiCol_Text, v4(chart::area_color(area)));
        const bool open = ImGui::TreeNodeEx(label, ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth);
        ImGui::PopStyleColor();
        if (open) {
            wrapped_textf(color::kMuted, "%s \xC2\xB7 mean answer %.1f \xC2\xB7 workspace evidence: stage %d", mt::stage_name(ar.stage), ar.score,
                          evidence[static_cast<std::size_t>(area)].stage);
            bold(ctx, ar.stage >= 5 ? "To stay there" : "What to do next");
            for (const auto& step : mt::next_steps(area, ar.stage)) {
                ImGui::Bullet();
                ImGui::SameLine();
                ImGui::TextWrapped("%s", step.c_str());
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Evidence: indicators, what is missing, and where answers and evidence disagree.
// ---------------------------------------------------------------------------------------------
void draw_evidence(const ViewContext& ctx, const MaturityScan* scan, const std::vector<mt::Indicator>& indicators) {
    heading(ctx, "Evidence from the workspace");
    wrapped_text("What the workspace itself shows, as of today.", color::kMuted);
    ImGui::Spacing();
    if (scan) {
        const auto disagreements = mt::disagreements(mt::compute(*scan), indicators);
        if (disagreements.empty()) {
            ImGui::TextColored(v4(color::kOk), "Answers and evidence agree within one stage in every area.");
        } else {
            for (const auto& dg : disagreements) {
                wrapped_text(dg.sentence, color::kWarn);
            }
        }
        ImGui::Spacing();
    }
    constexpr std::size_t kShownMissing = 200;  // a generated workspace can miss thousands; the count says it
    for (const auto& ind : indicators) {
        ImGui::PushID(ind.key.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(ind.title.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextColored(v4(chart::area_color(ind.area)), "%zu of %zu", ind.have, ind.total);
        // A thin bar under the title: the share that is there.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float y = ImGui::GetCursorScreenPos().y;
        dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + 4), color::kLine, 2);
        if (ind.have > 0)  // a zero-width rounded rectangle still draws a blob
            dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w * static_cast<float>(ind.ratio()), y + 4), chart::area_color(ind.area), 2);
        ImGui::Dummy(ImVec2(w, 6));
        wrapped_text(ind.explanation, color::kMuted);
        if (!ind.missing.empty()) {
            // Hidden label "missing <key>": tests open a given indicator's list.
            const std::string label = "##missing " + ind.key;
            const bool open = ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
            ImGui::SameLine();
            ImGui::TextColored(v4(color::kAccent), "Show what is missing (%zu)", ind.missing.size());
            if (open) {
                for (std::size_t i = 0; i < ind.missing.size() && i < kShownMissing; ++i) {
                    const mt::Missing& m = ind.missing[i];
                    ImGui::PushID(static_cast<int>(i));
                    if (m.journey.is_nil()) {
                        ImGui::BulletText("%s", m.name.c_str());
                    } else if (ImGui::Selectable(m.name.c_str())) {
                        ctx.go("journey", m.journey);
                    }
                    ImGui::PopID();
                }
                if (ind.missing.size() > kShownMissing)
                    ImGui::TextDisabled("\xE2\x80\xA6 and %zu more", ind.missing.size() - kShownMissing);
                ImGui::TreePop();
            }
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] History: progress over time and every scan kept in the workspace.
// ---------------------------------------------------------------------------------------------
void draw_history(const ViewContext& ctx, const std::vector<mt::HistoryPoint>& points, Id shown) {
    heading(ctx, "Progress over time");
    if (points.empty()) {
        ImGui::TextDisabled("No scans yet.");
        return;
    }
    chart::draw_history_chart(ctx, points);
    ImGui::Spacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("scan-history", 6, flags)) return;
    // The figures' columns as wide as what they show; the stage's name has the rest.
    fixed_column("Date", std::ceil(ImGui::CalcTextSize("2026-12-31").x));
    ImGui::TableSetupColumn("Overall", ImGuiTableColumnFlags_WidthStretch);
    const float area = std::ceil(ImGui::CalcTextSize("5 (5.0)").x);
    fixed_column("Insight", area);
    fixed_column("Framework", area);
    fixed_column("Prioritisation", area);
    fixed_column("", button_width("Delete"));
    table_headers_row();
    for (auto it = points.rbegin(); it != points.rend(); ++it) {
        const mt::HistoryPoint& p = *it;
        push_id(p.scan);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        // The date is the row's handle: click to show that scan's result (tests find the row by its date).
        const std::string label = to_iso(p.date) + "###scan " + to_iso(p.date);
        if (ImGui::Selectable(label.c_str(), p.scan == shown)) ctx.ui.maturity.shown_scan = p.scan;
        ImGui::TableSetColumnIndex(1);
        char overall[96];
        std::snprintf(overall, sizeof overall, "%d \xC2\xB7 %s", p.result.stage, mt::stage_name(p.result.stage));
        cell_text(overall, chart::stage_color(p.result.stage));
        for (int a = 0; a < mt::kAreaCount; ++a) {
            ImGui::TableSetColumnIndex(2 + a);
            ImGui::Text("%d (%.1f)", p.result.areas[a].stage, p.result.areas[a].score);
        }
        ImGui::TableSetColumnIndex(5);
        if (ImGui::SmallButton("Delete")) ctx.emit(edit::remove_scan(p.scan));
        ImGui::SetItemTooltip("Delete this scan (Ctrl+Z brings it back)");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Entry point
// ---------------------------------------------------------------------------------------------
void draw_maturity_view(const ViewContext& ctx) {
    MaturityDraft& d = ctx.ui.maturity;
    heading(ctx, "Maturity scan");
    wrapped_text("Where the team stands on the way to journey mastery: five stages, three mastery areas, "
                 "answered by you and checked against your own work.",
                 color::kMuted);
    ImGui::Spacing();
    if (d.open) {
        draw_questionnaire(ctx);
        return;
    }

    const int answered = answered_count(d);
    if (answered > 0) {
        char resume[64];
        std::snprintf(resume, sizeof resume, "Resume the scan (%d of %zu answered)", answered, d.answers.size());
        if (ImGui::Button(resume)) d.open = true;
        ImGui::SameLine();
        if (ImGui::Button("Discard answers")) d = MaturityDraft{};
        ImGui::SameLine();
    }
    if (ImGui::Button("Start a new scan")) start_draft(d);
    ImGui::Spacing();

    const auto points = mt::history(ctx.ws);
    const MaturityScan* shown = find_by_id(ctx.ws.scans, d.shown_scan);
    if (!shown && !points.empty()) shown = find_by_id(ctx.ws.scans, points.back().scan);
    const std::vector<mt::Indicator>& indicators = ctx.derived.maturity_indicators();

    // The result and its history beside the evidence where each half has room for the history's
    // table, else the evidence under them (a large text size, a narrow window) rather than both
    // squeezed to half of too little.
    constexpr float kHalfMin = 480;
    const bool side_by_side = ImGui::GetContentRegionAvail().x >= 2 * kHalfMin;
    if (side_by_side) {
        if (!ImGui::BeginTable("maturity-layout", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) return;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
    }
    if (shown) {
        draw_result(ctx, *shown, indicators);
    } else {
        bold(ctx, "No scan yet");
        ImGui::TextWrapped("Fifteen questions, five per mastery area, each answered on the five-stage scale. "
                           "It takes about five minutes; the result says what to do next in each area.");
        for (int s = 1; s <= mt::kStageCount; ++s)
            ImGui::TextColored(v4(chart::stage_color(s)), "%d \xC2\xB7 %s: %s", s, mt::stage_name(s), mt::stage_summary(s));
    }
    ImGui::Spacing();
    draw_history(ctx, points, shown ? shown->id : Id{});
    if (side_by_side) {
        ImGui::TableSetColumnIndex(1);
    } else {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
    draw_evidence(ctx, shown, indicators);
    if (side_by_side) ImGui::EndTable();
}

}  // namespace wm::ui
