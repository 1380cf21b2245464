// The backlog view: one list of the opportunities of all journeys, ranked by the workspace's common
// scoring rules (scoring/prioritise.hpp).
//
// [SECTION] index: shared helpers (today, status colours, commit-once numeric widgets) · toolbar and
// filters · the list (flat or grouped by journey, sortable) · the details panel ("why is this #N?",
// scores per criterion, status, will-not-do) · the view.
// The matrix is in backlog/matrix.cpp, the scoring model editor in backlog/scoring_model.cpp.
#include "ui/backlog/view.hpp"

#include <algorithm>
#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "io/csv.hpp"
#include "model/enum_names.hpp"
#include "platform/platform.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/backlog/internal.hpp"
#include "ui/backlog/opportunity_editor.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace backlog {

// [SECTION] Shared helpers -------------------------------------------------------------------------

Date today() {
    // The user's local calendar day, as the maturity scan dates scans: an insight validated "today"
    // is fresh today wherever the user is.
    return Date{platform::today_days()};
}

ImU32 status_color(const Opportunity& o) {
    if (o.will_not_do) return color::kError;
    switch (o.status) {
        case OpportunityStatus::idea: return IM_COL32(148, 163, 184, 255);
        case OpportunityStatus::validated: return color::themed(IM_COL32(14, 165, 233, 255), IM_COL32(56, 189, 248, 255));
        case OpportunityStatus::planned: return color::kAccent;
        case OpportunityStatus::in_progress: return color::kWarn;
        case OpportunityStatus::done: return color::kOk;
    }
    return color::kMuted;
}

const char* status_label(const Opportunity& o) {
    if (o.will_not_do) return "Will not do";
    switch (o.status) {
        case OpportunityStatus::idea: return "Idea";
        case OpportunityStatus::validated: return "Validated";
        case OpportunityStatus::planned: return "Planned";
        case OpportunityStatus::in_progress: return "In progress";
        case OpportunityStatus::done: return "Done";
    }
    return "";
}

namespace {
// The one transient value of the numeric widget being dragged or typed into (only one can be
// active at a time), like the text buffer in kit/widgets.cpp.
struct ActiveNumber {
    ImGuiID id = 0;
    double value = 0;
};
ActiveNumber active;

// Shows `value` (or the gesture's transient value), lets `widget` edit the shown copy, and reports
// the final value once when the gesture ends with a change.
template <class T, class Widget>
bool commit_once(const char* label, T value, T* out, Widget widget) {
    const ImGuiID id = ImGui::GetID(label);
    T shown = active.id == id ? static_cast<T>(active.value) : value;
    widget(&shown);
    if (ImGui::IsItemActivated()) active.id = id;
    if (ImGui::IsItemActive() && active.id == id) active.value = static_cast<double>(shown);
    if (ImGui::IsItemDeactivated() && active.id == id) {
        active.id = 0;
        if (shown != value) {
            *out = shown;
            return true;
        }
    }
    return false;
}
}  // namespace

bool slider_int_commit(const char* label, int value, int lo, int hi, int* out, float width) {
    return commit_once(label, value, out, [&](int* v) {
        ImGui::SetNextItemWidth(width);
        ImGui::SliderInt(label, v, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
    });
}

bool drag_int_commit(const char* label, int value, int lo, int hi, int* out, float width) {
    return commit_once(label, value, out, [&](int* v) {
        ImGui::SetNextItemWidth(width);
        ImGui::DragInt(label, v, 0.1f, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
    });
}

bool drag_double_commit(const char* label, double value, double lo, double hi, double* out, float width) {
    return commit_once(label, value, out, [&](double* v) {
        ImGui::SetNextItemWidth(width);
        ImGui::DragScalar(label, ImGuiDataType_Double, v, 0.05f, &lo, &hi, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    });
}

}  // namespace backlog

namespace {
using backlog::Row;

std::string journey_titles(const Workspace& ws, const std::vector<Id>& ids) {
    std::string out;
    for (Id id : ids)
        if (const Journey* j = find_by_id(ws.journeys, id)) {
            if (!out.empty()) out += ", ";
            out += j->title;
        }
    return out;
}

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

bool passes(const BacklogState& st, const Row& row) {
    const Opportunity& o = *row.ranked.opportunity;
    if (st.level >= 0 && !contains(row.levels, st.level)) return false;
    if (!st.journey.is_nil() && !contains(row.journeys, st.journey)) return false;
    if (!st.stage.is_nil() && !contains(row.stages, st.stage)) return false;
    if (!st.persona.is_nil() && !contains(o.personas, st.persona)) return false;
    if (st.status == 5) return o.will_not_do;
    if (st.status >= 0) return !o.will_not_do && static_cast<int>(o.status) == st.status;
    return true;
}

// [SECTION] Toolbar and filters --------------------------------------------------------------------

void mode_button(const ViewContext& ctx, const char* label, BacklogState::Mode mode) {
    BacklogState& st = ctx.ui.backlog;
    const bool on = st.mode == mode;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) {
        st.mode = mode;
        ctx.redraw();
    }
    if (on) ImGui::PopStyleColor();
    ImGui::SameLine();
}

// A combo over (label, value) choices; the first choice is "any".
template <class V>
void filter_combo(const ViewContext& ctx, const char* label, V* value, const std::vector<std::pair<std::string, V>>& choices, float width) {
    std::string preview = choices.front().first;
    for (const auto& [text, v] : choices)
        if (v == *value) preview = text;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(label, preview.c_str());
    expose_item(label);
    if (open) {
        for (std::size_t i = 0; i < choices.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(choices[i].first.c_str(), choices[i].second == *value)) {
                *value = choices[i].second;
                ctx.redraw();  // the rows of this frame were filtered before the change
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

void draw_filters(const ViewContext& ctx) {
    BacklogState& st = ctx.ui.backlog;
    const Workspace& ws = ctx.ws;
    std::vector<std::pair<std::string, int>> levels{{"Any level", -1}};
    for (std::size_t i = 0; i < ws.settings.level_names.size(); ++i)
        levels.emplace_back("L" + std::to_string(i) + " " + ws.settings.level_names[i], static_cast<int>(i));
    std::vector<std::pair<std::string, Id>> journeys{{"Any journey", Id{}}}, stages{{"Any lifecycle stage", Id{}}},
        personas{{"Any persona", Id{}}};
    for (const auto& j : ws.journeys) {
        journeys.emplace_back(j.title, j.id);
        if (j.level == 0)
            for (const auto& s : j.stages) stages.emplace_back(s.name, s.id);
    }
    for (const auto& p : ws.personas) personas.emplace_back(p.name, p.id);
    std::vector<std::pair<std::string, int>> statuses{{"Any status", -1}, {"Idea", 0}, {"Validated", 1}, {"Planned", 2},
                                                      {"In progress", 3}, {"Done", 4}, {"Will not do", 5}};
    filter_combo(ctx, "##Level filter", &st.level, levels, 150);
    same_line_if_fits(190);
    filter_combo(ctx, "##Journey filter", &st.journey, journeys, 190);
    same_line_if_fits(160);
    filter_combo(ctx, "##Stage filter", &st.stage, stages, 160);
    same_line_if_fits(140);
    filter_combo(ctx, "##Persona filter", &st.persona, personas, 140);
    same_line_if_fits(120);
    filter_combo(ctx, "##Status filter", &st.status, statuses, 120);
    same_line_if_fits(checkbox_width("Group by journey"));
    ImGui::Checkbox("Group by journey", &st.grouped);
    expose_item("Group by journey");
}

// [SECTION] The list --------------------------------------------------------------------------------

enum Column { kRank, kTitle, kJourneys, kStatus, kCustomer, kBusiness, kEffort, kEvidence, kPriority, kColumns };

// The ranked backlog and the list's lines (BacklogRows), made again only when their key changes.
const BacklogRows& backlog_rows(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    BacklogState& st = ctx.ui.backlog;
    BacklogRows& r = st.rows;
    const std::vector<Row>& all = ctx.derived.backlog();
    const BacklogRows::Key key{ctx.derived.revision(), ctx.derived.today().days};
    const BacklogRows::ShownKey shown_key{key, st.level, st.journey, st.stage, st.persona, st.status,
                                          st.sort_column, st.sort_descending, st.grouped};
    if (r.shown_key && *r.shown_key == shown_key) return r;
    r.shown_key = shown_key;
    r.shown.clear();
    for (std::size_t k = 0; k < all.size(); ++k)
        if (passes(st, all[k])) r.shown.push_back(static_cast<int>(k));

    // The list: sorted as its headers say, flat or grouped by journey.
    std::vector<int> sorted = r.shown;
    const auto row = [&](int k) -> const Row& { return all[static_cast<std::size_t>(k)]; };
    auto key_less = [&](int ka, int kb) {
        const Row *a = &row(ka), *b = &row(kb);
        const auto &sa = a->ranked.score, &sb = b->ranked.score;
        const Opportunity &oa = *a->ranked.opportunity, &ob = *b->ranked.opportunity;
        switch (st.sort_column) {
            case kTitle: return oa.title < ob.title;
            case kStatus: return std::string(backlog::status_label(oa)) < backlog::status_label(ob);
            case kCustomer: return sa.customer < sb.customer;
            case kBusiness: return sa.business < sb.business;
            case kEffort: return sa.effort < sb.effort;
            case kEvidence: return sa.evidence < sb.evidence;
            case kPriority: return sa.priority < sb.priority;
            default: {
                // Unranked (0) sorts after every rank, whichever the direction of the others.
                const int ra = a->ranked.rank ? a->ranked.rank : 1 << 30, rb = b->ranked.rank ? b->ranked.rank : 1 << 30;
                return ra < rb;
            }
        }
    };
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) { return st.sort_descending ? key_less(b, a) : key_less(a, b); });
    r.lines.clear();
    if (!st.grouped) {
        for (int k : sorted) r.lines.push_back(BacklogRows::Line{k, {}, 0});
    } else {
        // One group per journey in workspace order; an opportunity on two journeys shows in both.
        for (const auto& j : ws.journeys) {
            const std::size_t heading = r.lines.size();
            for (int k : sorted)
                if (contains(row(k).journeys, j.id)) r.lines.push_back(BacklogRows::Line{k, j.id, 0});
            if (r.lines.size() > heading)
                r.lines.insert(r.lines.begin() + static_cast<std::ptrdiff_t>(heading),
                               BacklogRows::Line{-1, j.id, static_cast<int>(r.lines.size() - heading)});
        }
        const std::size_t heading = r.lines.size();
        for (int k : sorted)
            if (row(k).journeys.empty()) r.lines.push_back(BacklogRows::Line{k, {}, 0});
        if (r.lines.size() > heading)
            r.lines.insert(r.lines.begin() + static_cast<std::ptrdiff_t>(heading),
                           BacklogRows::Line{-1, {}, static_cast<int>(r.lines.size() - heading)});
    }
    return r;
}

void draw_row(const ViewContext& ctx, const Row& row, const char* id_suffix) {
    const Opportunity& o = *row.ranked.opportunity;
    const auto& s = row.ranked.score;
    BacklogState& st = ctx.ui.backlog;
    push_id(o.id);
    ImGui::PushID(id_suffix);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(kRank);
    if (row.ranked.rank > 0)
        ImGui::Text("%d", row.ranked.rank);
    else
        ImGui::TextDisabled("\xE2\x80\x93");
    ImGui::TableSetColumnIndex(kTitle);
    // The row's label is the title, so tests and people find it by what it says.
    if (row_selectable(o.title, "row", st.selected == o.id, o.description)) {
        st.selected = st.selected == o.id ? Id{} : o.id;
        ctx.redraw();
    }
    ImGui::TableSetColumnIndex(kJourneys);
    cell_text(journey_titles(ctx.ws, row.journeys));
    ImGui::TableSetColumnIndex(kStatus);
    cell_text(backlog::status_label(o), backlog::status_color(o));
    ImGui::TableSetColumnIndex(kCustomer);
    ImGui::Text("%.0f", s.customer);
    ImGui::TableSetColumnIndex(kBusiness);
    ImGui::Text("%.0f", s.business);
    ImGui::TableSetColumnIndex(kEffort);
    ImGui::Text("%.0f", s.effort);
    ImGui::TableSetColumnIndex(kEvidence);
    ImGui::Text("%.0f %%", s.evidence * 100);
    ImGui::TableSetColumnIndex(kPriority);
    ImGui::Text("%.1f", s.priority);
    ImGui::PopID();
    ImGui::PopID();
}

void draw_list(const ViewContext& ctx) {
    BacklogState& st = ctx.ui.backlog;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    // In the order of Column (a column's user id is its place); the titles keep 12 letters' room and
    // the journeys 7, and where the window is narrower the table scrolls sideways (a large text size).
    const float em = ImGui::GetFontSize();
    if (!begin_table("backlog-list",
                     {{"#", 30, 0, ImGuiTableColumnFlags_DefaultSort},
                      {"Opportunity", 12 * em, 3.0f},
                      {"Journeys", 7 * em, 2.0f},
                      {"Status", 80},
                      {"Customer", 64, 0, ImGuiTableColumnFlags_PreferSortDescending},
                      {"Business", 62, 0, ImGuiTableColumnFlags_PreferSortDescending},
                      {"Effort", 46},
                      {"Evidence", 62, 0, ImGuiTableColumnFlags_PreferSortDescending},
                      {"Priority", 64, 0, ImGuiTableColumnFlags_PreferSortDescending}},
                     flags))
        return;
    static_assert(kColumns == 9);
    ImGui::TableSetupScrollFreeze(0, 1);
    table_headers_row();
    table_sort(&st.sort_column, &st.sort_descending);
    const BacklogRows& r = backlog_rows(ctx);   // sorted as the headers now say
    // Only the lines in view are drawn.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.lines.size()));
    while (clipper.Step())
        for (int n = clipper.DisplayStart; n < clipper.DisplayEnd; ++n) {
            const BacklogRows::Line& line = r.lines[static_cast<std::size_t>(n)];
            if (line.row >= 0) {
                const std::string suffix = !st.grouped ? std::string("flat") : line.journey.is_nil() ? std::string("loose") : line.journey.str();
                draw_row(ctx, ctx.derived.backlog()[static_cast<std::size_t>(line.row)], suffix.c_str());
                continue;
            }
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(kTitle);
            if (const Journey* j = find_by_id(ctx.ws.journeys, line.journey)) {
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::Text("%s (%d)", j->title.c_str(), line.count);
                ImGui::PopFont();
            } else {
                ImGui::TextDisabled("Not on a journey (%d)", line.count);
            }
        }
    ImGui::EndTable();
}

// [SECTION] The details panel -----------------------------------------------------------------------

void draw_details(const ViewContext& ctx, const Row& row) {
    const Opportunity& o = *row.ranked.opportunity;
    const Workspace& ws = ctx.ws;
    push_id(o.id);
    draw_opportunity_fields(ctx, o);  // title, description, owner (backlog/opportunity_editor.cpp)
    for (Id id : row.journeys)
        if (const Journey* j = find_by_id(ws.journeys, id)) {
            const std::string link = "Open " + j->title + "##open-journey";
            if (ImGui::SmallButton(link.c_str())) ctx.go("journey", j->id);
        }
    ImGui::Spacing();

    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Scores");
    ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x * 0.45f;
    for (CriterionGroup group : {CriterionGroup::customer, CriterionGroup::business, CriterionGroup::effort}) {
        for (const auto& c : ws.settings.scoring.criteria) {
            if (c.group != group) continue;
            double current = 0;
            bool rated = false;
            for (const auto& s : o.scores)
                if (s.criterion == c.id) current = s.value, rated = true;
            // Unrated criteria show the middle of the scale (what the math counts) dimmed; moving
            // the slider rates them.
            const int shown = rated ? static_cast<int>(current) : (c.scale_min + c.scale_max) / 2;
            // Labelled by the criterion's name so that a person (and a test) finds "Score Reach".
            const std::string label = "##Score " + c.name;
            int next = shown;
            if (!rated) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
            if (backlog::slider_int_commit(label.c_str(), shown, c.scale_min, c.scale_max, &next, width))
                ctx.emit(edit::set_opportunity_score(o.id, c.id, static_cast<double>(next)));
            if (!rated) ImGui::PopStyleVar();
            ImGui::SameLine();
            ImGui::Text("%s%s", c.name.c_str(), rated ? "" : " (not rated)");
            if (ImGui::IsItemHovered()) ImGui::SetItemTooltip("%s \xE2\x80\x94 %s, weight %.2g, %d..%d", c.description.c_str(),
                                                            scoring::group_name(c.group), c.weight, c.scale_min, c.scale_max);
        }
    }
    ImGui::Spacing();

    // Under the sliders, not above them: a score change rewrites this text, and the sliders must
    // stay under the pointer. It keeps the tallest height it has had for this opportunity, so what
    // follows does not jump either (nor does the panel's scroll range shrink under a slider).
    BacklogState& st = ctx.ui.backlog;
    if (st.why_for != o.id) st.why_for = o.id, st.why_height = 0;
    const float why_top = ImGui::GetCursorPosY();
    ImGui::PushFont(ctx.fonts.bold);
    if (row.ranked.rank > 0)
        ImGui::Text("Why is this #%d?", row.ranked.rank);
    else
        ImGui::TextUnformatted("Why is this not ranked?");
    ImGui::PopFont();
    for (const auto& line : scoring::explain(ws, row.ranked.score, row.ranked.rank)) wrapped_text(line, color::kMuted);
    const float why_height = ImGui::GetCursorPosY() - why_top;
    if (st.why_height - why_height > ImGui::GetStyle().ItemSpacing.y)
        ImGui::Dummy(ImVec2(1, st.why_height - why_height - ImGui::GetStyle().ItemSpacing.y));
    st.why_height = std::max(st.why_height, why_height);
    ImGui::Spacing();

    // Status and the explicit "no": a decision with its reason, not a hidden row.
    const char* statuses[] = {"Idea", "Validated", "Planned", "In progress", "Done"};
    int status = static_cast<int>(o.status);
    ImGui::SetNextItemWidth(width);
    if (ImGui::Combo("Status##opportunity", &status, statuses, IM_ARRAYSIZE(statuses)) && status != static_cast<int>(o.status)) {
        Opportunity changed = o;
        changed.status = static_cast<OpportunityStatus>(status);
        ctx.emit(edit::replace_opportunity(std::move(changed)));
    }
    bool will_not_do = o.will_not_do;
    if (ImGui::Checkbox("Will not do", &will_not_do)) ctx.emit(edit::set_will_not_do(o.id, will_not_do, o.will_not_do_reason));
    if (o.will_not_do) {
        ImGui::TextDisabled("Why not:");
        std::string reason;
        if (text_field("##Will not do reason", o.will_not_do_reason, &reason, -1, true))
            ctx.emit(edit::set_will_not_do(o.id, true, reason));
    }
    draw_opportunity_links(ctx, o);   // journeys, steps, insights, personas, solutions
    ImGui::PopID();
}

}  // namespace

// [SECTION] The view ----------------------------------------------------------------------------------

void export_backlog_csv(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    const std::string name = (ws.name.empty() ? std::string("Waymark") : ws.name) + " backlog.csv";
    platform::download(name, "text/csv;charset=utf-8", io::backlog_csv(ws, backlog::today()));
    ctx.ui.message = "Exported the backlog (" + count_of(static_cast<long long>(ws.opportunities.size()), "opportunity", "opportunities") + ") as " + name;
    ctx.ui.message_is_error = false;
}

void draw_backlog_view(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    BacklogState& st = ctx.ui.backlog;

    const BacklogRows& rows = backlog_rows(ctx);
    const std::vector<Row>& all = ctx.derived.backlog();
    std::vector<const Row*> shown;
    for (int k : rows.shown) shown.push_back(&all[static_cast<std::size_t>(k)]);
    const Row* selected = nullptr;
    for (const auto& row : all)
        if (row.ranked.opportunity->id == st.selected) selected = &row;

    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Backlog");
    ImGui::PopFont();
    const int ranked = ctx.derived.backlog_ranked();
    const auto& model = ws.settings.scoring;
    wrapped_textf(color::kMuted, "%s across all journeys \xC2\xB7 %d ranked \xC2\xB7 scoring model: %s \xC2\xB7 showing %zu",
                  count_of(static_cast<long long>(all.size()), "opportunity", "opportunities").c_str(), ranked,
                  model.preset.empty() ? "custom" : model.preset.c_str(), shown.size());

    mode_button(ctx, "List", BacklogState::Mode::list);
    mode_button(ctx, "Matrix", BacklogState::Mode::matrix);
    mode_button(ctx, "Scoring model", BacklogState::Mode::model);
    if (ImGui::Button("New opportunity")) create_opportunity(ctx, new_opportunity("Untitled opportunity"));
    ImGui::SameLine();
    if (ImGui::Button("Export backlog CSV")) export_backlog_csv(ctx);
    if (st.mode == BacklogState::Mode::model) {
        ImGui::Separator();
        backlog::draw_scoring_model(ctx);
        return;
    }
    draw_filters(ctx);
    ImGui::Separator();

    const float details_width = selected ? std::min(420.0f, ImGui::GetContentRegionAvail().x * 0.4f) : 0.0f;
    const float height = panel_height();   // where the filters leave less, the view scrolls down to it
    ImGui::BeginChild("backlog-main", ImVec2(selected ? -details_width - 8 : 0, height));
    if (all.empty())
        ImGui::TextWrapped("No opportunities yet. Opportunities hang on journeys and steps; every one of them lands here.");
    else if (st.mode == BacklogState::Mode::list)
        draw_list(ctx);
    else
        backlog::draw_matrix(ctx, shown);
    ImGui::EndChild();
    if (selected) {
        ImGui::SameLine();
        if (st.details_shown != st.selected) ImGui::SetNextWindowScroll(ImVec2(0, 0));
        st.details_shown = st.selected;
        ImGui::BeginChild("backlog-details", ImVec2(details_width, height), ImGuiChildFlags_Border);
        draw_details(ctx, *selected);
        ImGui::EndChild();
    }
}

}  // namespace wm::ui
