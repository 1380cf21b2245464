// The insight repository view.
//
// [SECTION] index: helpers (today, staleness, badges, one-command edits) · toolbar (threshold,
// export, import) and filters · the table (sortable rows that are drag sources) · the editor of the
// selected insight (every field, links to steps) · journey-view pieces (palette, cell list, drop
// target) · the view.
// The CSV import dialog is in insights/import.cpp.
#include "ui/insights/view.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // BeginDragDropTargetCustom: a table cell is a drop target but no item
#include "io/csv_insights.hpp"
#include "layout/search.hpp"
#include "misc/cpp/imgui_stdlib.h"
#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"
#include "platform/platform.hpp"
#include "scoring/prioritise.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/backlog/opportunity_editor.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

// [SECTION] Helpers ---------------------------------------------------------------------------------

Date today() { return Date{platform::today_days()}; }

// The same rule as the scoring (scoring::insight_is_stale), so that a "stale" badge and a lower
// evidence score always go together.
bool is_stale(const Workspace& ws, const Insight& i) {
    return scoring::insight_is_stale(i, today(), ws.settings.stale_after_days);
}


ImU32 evidence_color(Evidence e) {
    switch (e) {
        case Evidence::validated: return color::kOk;
        case Evidence::observed: return color::themed(IM_COL32(14, 165, 233, 255), IM_COL32(56, 189, 248, 255));
        case Evidence::assumed: return color::kMuted;
    }
    return color::kMuted;
}

// A small coloured label. It is an (invisible) item named `id` so that tests and screen readers of
// the item registry find it, e.g. "##stale Coverage doubts".
void badge(const char* text, ImU32 col, const std::string& id) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 box(size.x + 10, size.y + 2);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + box.x, pos.y + box.y), (col & 0x00FFFFFF) | 0x30000000, 4);
    ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + 5, pos.y + 1), col, text);
    ImGui::InvisibleButton(id.c_str(), box);
}

void evidence_badges(const ViewContext& ctx, const Insight& i, const char* where) {
    badge(std::string(enum_name(i.evidence)).c_str(), evidence_color(i.evidence), "##evidence " + std::string(where) + i.title);
    if (is_stale(ctx.ws, i)) {
        ImGui::SameLine(0, 4);
        badge("stale", color::kWarn, "##stale " + std::string(where) + i.title);
        ImGui::SetItemTooltip("%s", i.last_validated ? ("Last validated " + to_iso(*i.last_validated) + ", more than " +
                                                        std::to_string(ctx.ws.settings.stale_after_days) + " days ago").c_str()
                                                     : "Never validated");
    }
}

std::string step_name(const Workspace& ws, const StepRef& ref) {
    const Journey* j = find_by_id(ws.journeys, ref.journey);
    const Step* s = j ? find_step(*j, ref.step) : nullptr;
    return j && s ? j->title + " / " + s->name : std::string("(missing step)");
}

// Every edit of an insight replaces it whole: one command, one undo step, checked by the command.
void replace(const ViewContext& ctx, Insight changed) { ctx.emit(edit::replace_insight(std::move(changed))); }

template <class E>
bool enum_combo(const char* label, E* value, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(label, std::string(enum_name(*value)).c_str())) {
        for (std::size_t k = 0; k < enum_count<E>(); ++k) {
            const E v = static_cast<E>(k);
            if (ImGui::Selectable(std::string(enum_name(v)).c_str(), v == *value) && v != *value) {
                *value = v;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A filter combo over an enumeration: -1 = any.
template <class E>
void enum_filter(const ViewContext& ctx, const char* label, const char* any, int* value, float width) {
    ImGui::SetNextItemWidth(width);
    const std::string preview = *value < 0 ? std::string(any) : std::string(enum_name(static_cast<E>(*value)));
    const bool open = ImGui::BeginCombo(label, preview.c_str());
    expose_item(label);
    if (open) {
        if (ImGui::Selectable(any, *value < 0)) *value = -1, ctx.redraw();
        for (std::size_t k = 0; k < enum_count<E>(); ++k)
            if (ImGui::Selectable(std::string(enum_name(static_cast<E>(k))).c_str(), *value == static_cast<int>(k)))
                *value = static_cast<int>(k), ctx.redraw();
        ImGui::EndCombo();
    }
}

void id_filter(const ViewContext& ctx, const char* label, const char* any, Id* value,
               const std::vector<std::pair<std::string, Id>>& choices, float width) {
    std::string preview = any;
    for (const auto& [name, id] : choices)
        if (id == *value) preview = name;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(label, preview.c_str());
    expose_item(label);
    if (open) {
        if (ImGui::Selectable(any, value->is_nil())) *value = Id{}, ctx.redraw();
        for (const auto& [name, id] : choices) {
            push_id(id);
            if (ImGui::Selectable(name.c_str(), id == *value)) *value = id, ctx.redraw();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

// The filters, not the search (the search is one scan of the folded texts, table_rows).
bool passes(const InsightsState& st, const Insight& i, bool stale) {
    if (st.type >= 0 && static_cast<int>(i.type) != st.type) return false;
    if (st.source >= 0 && static_cast<int>(i.source) != st.source) return false;
    if (st.evidence >= 0 && static_cast<int>(i.evidence) != st.evidence) return false;
    if (!st.persona.is_nil() && std::find(i.personas.begin(), i.personas.end(), st.persona) == i.personas.end()) return false;
    if (!st.journey.is_nil() &&
        std::none_of(i.steps.begin(), i.steps.end(), [&](const StepRef& r) { return r.journey == st.journey; }))
        return false;
    if (st.stale_only && !stale) return false;
    return true;
}

// [SECTION] Toolbar and filters ---------------------------------------------------------------------

void draw_toolbar(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    // Button by button, and "Stale after … days" as one group, on the next line where the window is
    // too narrow (at 200 % text the staleness field ran past its edge).
    if (ImGui::Button("New insight")) add_insight(ctx);
    same_line_if_fits(button_width("Export insights CSV"));
    if (ImGui::Button("Export insights CSV")) {
        const std::string name = (ws.name.empty() ? std::string("Waymark") : ws.name) + " insights.csv";
        platform::download(name, "text/csv;charset=utf-8", io::insights_csv(ws));
        ctx.ui.message = "Exported " + count_of(static_cast<long long>(ws.insights.size()), "insight") + " as " + name;
        ctx.ui.message_is_error = false;
    }
    same_line_if_fits(button_width("Import insights CSV\xE2\x80\xA6"));
    if (ImGui::Button("Import insights CSV\xE2\x80\xA6")) platform::pick_file_for(".csv,text/csv,text/plain", "insights-csv");
    flow_group_begin("stale after");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Stale after");
    ImGui::SameLine();
    // Typed, not dragged: one command when the field is left.
    std::string days;
    if (text_field("##Stale after days", std::to_string(ws.settings.stale_after_days), &days, 60)) {
        const int value = std::atoi(days.c_str());
        if (value > 0) ctx.emit(edit::set_stale_after_days(value));
        else ctx.ui.message = "The staleness threshold is a number of days (1 or more).", ctx.ui.message_is_error = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("days");
    flow_group_end("stale after");
}

void draw_filters(const ViewContext& ctx) {
    InsightsState& st = ctx.ui.insights;
    ImGui::SetNextItemWidth(220);
    if (ImGui::InputTextWithHint("##Search insights", "Search insights", &st.search)) ctx.redraw();
    expose_item("##Search insights");
    same_line_if_fits(120);
    enum_filter<InsightType>(ctx, "##Type filter", "Any type", &st.type, 120);
    same_line_if_fits(120);
    enum_filter<InsightSource>(ctx, "##Source filter", "Any source", &st.source, 120);
    same_line_if_fits(130);
    enum_filter<Evidence>(ctx, "##Evidence filter", "Any evidence", &st.evidence, 130);
    std::vector<std::pair<std::string, Id>> personas, journeys;
    for (const auto& p : ctx.ws.personas) personas.emplace_back(p.name, p.id);
    for (const auto& j : ctx.ws.journeys) journeys.emplace_back(j.title, j.id);
    same_line_if_fits(140);
    id_filter(ctx, "##Persona filter", "Any persona", &st.persona, personas, 140);
    same_line_if_fits(170);
    id_filter(ctx, "##Journey filter", "Any journey", &st.journey, journeys, 170);
    same_line_if_fits(checkbox_width("Stale only"));
    if (ImGui::Checkbox("Stale only", &st.stale_only)) ctx.redraw();
    expose_item("Stale only");
}

// [SECTION] The table -------------------------------------------------------------------------------

enum Column { kTitle, kType, kEvidence, kSource, kValidated, kSteps, kColumns };

// Every insight's searchable text folded into one buffer (InsightRows::folded).
void fold_texts(InsightRows& rows, const Workspace& ws) {
    std::size_t bytes = 0;   // folding keeps ASCII as long as it is: the buffer grows once
    for (const Insight& i : ws.insights) {
        bytes += i.title.size() + i.text.size() + i.source_detail.size() + 3;
        for (const auto& t : i.tags) bytes += t.size() + 1;
    }
    rows.folded.clear();
    rows.folded.reserve(bytes);
    rows.starts.clear();
    rows.starts.reserve(ws.insights.size());
    for (const Insight& i : ws.insights) {
        rows.starts.push_back(rows.folded.size());
        layout::fold_for_search_append(rows.folded, i.title);
        rows.folded += '\n';
        layout::fold_for_search_append(rows.folded, i.text);
        rows.folded += '\n';
        layout::fold_for_search_append(rows.folded, i.source_detail);
        for (const auto& t : i.tags) {
            rows.folded += '\n';
            layout::fold_for_search_append(rows.folded, t);
        }
        rows.folded += '\0';   // a typed query holds no NUL, so no match runs into the next insight
    }
}

// Every insight in the order of its folded title (InsightRows::by_title), sorted again only when
// a title differs from those it was sorted by.
void order_by_title(InsightRows& rows, const Workspace& ws) {
    const std::size_t n = ws.insights.size();
    const auto piece = [](const std::string& all, const std::vector<std::size_t>& starts, std::size_t k) {
        return std::string_view(all).substr(starts[k], starts[k + 1] - starts[k]);
    };
    bool same = rows.title_starts.size() == n + 1;
    for (std::size_t k = 0; k < n && same; ++k) same = piece(rows.titles, rows.title_starts, k) == ws.insights[k].title;
    if (same) return;
    rows.titles.clear(), rows.title_starts.assign(1, 0);
    rows.title_keys.clear(), rows.key_starts.assign(1, 0);
    for (const Insight& i : ws.insights) {
        rows.titles += i.title;
        rows.title_starts.push_back(rows.titles.size());
        layout::fold_for_search_append(rows.title_keys, i.title);
        rows.key_starts.push_back(rows.title_keys.size());
    }
    rows.by_title.resize(n);
    for (std::size_t k = 0; k < n; ++k) rows.by_title[k] = static_cast<int>(k);
    std::stable_sort(rows.by_title.begin(), rows.by_title.end(), [&](int a, int b) {
        return piece(rows.title_keys, rows.key_starts, static_cast<std::size_t>(a)) <
               piece(rows.title_keys, rows.key_starts, static_cast<std::size_t>(b));
    });
}

// What the table shows (InsightRows): recomputed only when its key changes. 100,000 insights: the
// filters are a pass over them; the search one scan of the folded texts (folded once per
// revision); the order by title is kept until a title changes.
const InsightRows& table_rows(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    InsightsState& st = ctx.ui.insights;
    InsightRows& rows = st.rows;
    const InsightRows::Key key{ctx.revision, platform::today_days(), st.search, st.type, st.source, st.evidence,
                               st.persona, st.journey, st.stale_only, st.sort_column, st.sort_descending};
    if (rows.key && *rows.key == key) return rows;
    rows.key = key;
    const std::size_t n = ws.insights.size();

    std::vector<char> keep(n, 1);
    const std::string needle = layout::fold_for_search(st.search);
    if (!needle.empty()) {
        if (rows.folded_revision != ctx.revision) fold_texts(rows, ws), rows.folded_revision = ctx.revision;
        std::fill(keep.begin(), keep.end(), 0);
        for (std::size_t at = rows.folded.find(needle); at != std::string::npos;) {
            const auto k = static_cast<std::size_t>(std::upper_bound(rows.starts.begin(), rows.starts.end(), at) - rows.starts.begin()) - 1;
            keep[k] = 1;
            at = k + 1 < n ? rows.folded.find(needle, rows.starts[k + 1]) : std::string::npos;
        }
    }
    rows.stale = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const Insight& i = ws.insights[k];
        const bool stale = scoring::insight_is_stale(i, Date{key.today}, ws.settings.stale_after_days);   // not today(): a call into the page
        rows.stale += stale;
        keep[k] = keep[k] && passes(st, i, stale);
    }
    rows.shown.clear();
    if (st.sort_column == kTitle) {
        // Sorting 100,000 titles costs more than a frame in the browser: the order by title is kept
        // across revisions that change no title (an evidence edit), and filtered here.
        if (rows.titles_revision != ctx.revision) order_by_title(rows, ws), rows.titles_revision = ctx.revision;
        if (!st.sort_descending) {
            for (int k : rows.by_title)
                if (keep[static_cast<std::size_t>(k)]) rows.shown.push_back(k);
        } else {
            // Descending, equal titles keep workspace order (as a stable sort would): runs of equal
            // titles are taken from the end, each in its own order.
            const auto key_at = [&rows](std::size_t j) {
                const auto k = static_cast<std::size_t>(rows.by_title[j]);
                return std::string_view(rows.title_keys).substr(rows.key_starts[k], rows.key_starts[k + 1] - rows.key_starts[k]);
            };
            for (std::size_t end = n; end > 0;) {
                std::size_t begin = end - 1;
                while (begin > 0 && key_at(begin - 1) == key_at(end - 1)) --begin;
                for (std::size_t j = begin; j < end; ++j)
                    if (keep[static_cast<std::size_t>(rows.by_title[j])]) rows.shown.push_back(rows.by_title[j]);
                end = begin;
            }
        }
        return rows;
    }
    for (std::size_t k = 0; k < n; ++k)
        if (keep[k]) rows.shown.push_back(static_cast<int>(k));
    const auto at = [&](int k) -> const Insight& { return ws.insights[static_cast<std::size_t>(k)]; };
    const auto less = [&](int a, int b) {
        switch (st.sort_column) {
            case kType: return at(a).type < at(b).type;
            case kEvidence: return at(a).evidence < at(b).evidence;
            case kSource: return at(a).source < at(b).source;
            case kValidated:
                return at(a).last_validated.value_or(Date{-1 << 30}).days < at(b).last_validated.value_or(Date{-1 << 30}).days;
            case kSteps: return at(a).steps.size() < at(b).steps.size();
            default: return false;
        }
    };
    std::stable_sort(rows.shown.begin(), rows.shown.end(), [&](int a, int b) { return st.sort_descending ? less(b, a) : less(a, b); });
    return rows;
}

void drag_source(const Insight& i) {
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kInsightPayload, &i.id, sizeof(Id));
        ImGui::Text("Link \xE2\x80\x9C%s\xE2\x80\x9D to a step", i.title.c_str());
        ImGui::EndDragDropSource();
    }
}

void draw_table(const ViewContext& ctx) {
    InsightsState& st = ctx.ui.insights;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    // In the order of Column (a column's user id is its place); the insight keeps 14 letters' room, and
    // where the window is narrower the table scrolls sideways (a large text size).
    if (!begin_table("insight-table",
                     {{"Insight", 14 * ImGui::GetFontSize(), 3.0f},
                      {"Type", 80},
                      {"Evidence", 130},
                      {"Source", 80},
                      {"Validated", 86},
                      {"Steps", 44}},
                     flags))
        return;
    static_assert(kColumns == 6);
    ImGui::TableSetupScrollFreeze(0, 1);
    table_headers_row();
    table_sort(&st.sort_column, &st.sort_descending);
    const InsightRows& rows = table_rows(ctx);   // sorted as the headers now say
    // Only the rows in view are drawn (every row has the same height: one line and a badge).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.shown.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const Insight* i = &ctx.ws.insights[static_cast<std::size_t>(rows.shown[static_cast<std::size_t>(r)])];
            push_id(i->id);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(kTitle);
            // Labelled by the title so that people (and tests) find the row by what it says.
            if (row_selectable(i->title, "insight-row", st.selected == i->id)) {
                st.selected = st.selected == i->id ? Id{} : i->id;
                st.link_journey = Id{};
                ctx.redraw();
            }
            drag_source(*i);
            ImGui::TableSetColumnIndex(kType);
            cell_text(enum_name(i->type));
            ImGui::TableSetColumnIndex(kEvidence);
            evidence_badges(ctx, *i, "");
            ImGui::TableSetColumnIndex(kSource);
            cell_text(enum_name(i->source));
            ImGui::TableSetColumnIndex(kValidated);
            if (i->last_validated) ImGui::TextUnformatted(to_iso(*i->last_validated).c_str());
            else ImGui::TextDisabled("never");
            ImGui::TableSetColumnIndex(kSteps);
            ImGui::Text("%zu", i->steps.size());
            ImGui::PopID();
        }
    ImGui::EndTable();
}

// [SECTION] The editor --------------------------------------------------------------------------------

void draw_step_links(const ViewContext& ctx, const Insight& i) {
    const Workspace& ws = ctx.ws;
    InsightsState& st = ctx.ui.insights;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Linked steps");
    ImGui::PopFont();
    if (i.steps.empty()) wrapped_text("None yet: pick one below, or drag the insight onto a journey cell.", ImGui::GetColorU32(ImGuiCol_TextDisabled));
    for (const StepRef& ref : i.steps) {
        const std::string name = step_name(ws, ref);
        push_id(ref.step);
        if (ImGui::SmallButton(("Unlink##" + name).c_str())) {
            Insight changed = i;
            changed.steps.erase(std::remove(changed.steps.begin(), changed.steps.end(), ref), changed.steps.end());
            replace(ctx, std::move(changed));
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(("Open##" + name).c_str())) ctx.go("journey", ref.journey);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", name.c_str());
        ImGui::PopID();
    }
    // The picker: journey first, then one of its steps; choosing the step links it.
    std::vector<std::pair<std::string, Id>> journeys;
    for (const auto& j : ws.journeys) journeys.emplace_back(j.title, j.id);
    id_filter(ctx, "##Link journey", "Link to a step of\xE2\x80\xA6", &st.link_journey, journeys, 200);
    if (const Journey* j = find_by_id(ws.journeys, st.link_journey)) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(180);
        if (ImGui::BeginCombo("##Link step", "Step\xE2\x80\xA6")) {
            for (const auto& stage : j->stages)
                for (const auto& s : stage.steps) {
                    const StepRef ref{j->id, s.id};
                    const bool linked = std::find(i.steps.begin(), i.steps.end(), ref) != i.steps.end();
                    push_id(s.id);
                    if (ImGui::Selectable((stage.name + " / " + s.name).c_str(), linked) && !linked) {
                        Insight changed = i;
                        changed.steps.push_back(ref);
                        replace(ctx, std::move(changed));
                    }
                    ImGui::PopID();
                }
            ImGui::EndCombo();
        }
    }
}

const char* const kImpacts[] = {"-2 hurts a lot", "-1 hurts", "0 neutral", "+1 helps", "+2 delights"};

void draw_editor(const ViewContext& ctx, const Insight& i) {
    const Workspace& ws = ctx.ws;
    push_id(i.id);
    std::string text;
    ImGui::TextDisabled("Title");
    if (text_field("##Insight title", i.title, &text)) {
        Insight changed = i;
        changed.title = text;
        replace(ctx, std::move(changed));
    }
    ImGui::TextDisabled("Text");
    if (text_field("##Insight text", i.text, &text, -1, true)) {
        Insight changed = i;
        changed.text = text;
        replace(ctx, std::move(changed));
    }
    Insight changed = i;
    if (enum_combo("Type##insight", &changed.type, 140)) replace(ctx, changed);
    if (enum_combo("Source##insight", &changed.source, 140)) replace(ctx, changed);
    ImGui::TextDisabled("Source detail");
    if (text_field("##Source detail", i.source_detail, &text)) {
        changed = i;
        changed.source_detail = text;
        replace(ctx, changed);
    }

    ImGui::TextDisabled("Evidence");
    for (std::size_t k = 0; k < enum_count<Evidence>(); ++k) {
        const auto e = static_cast<Evidence>(k);
        std::string label(enum_name(e));
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        if (k) ImGui::SameLine();
        if (ImGui::RadioButton((label + "##evidence").c_str(), i.evidence == e) && i.evidence != e) {
            changed = i;
            changed.evidence = e;
            replace(ctx, changed);
        }
    }
    ImGui::TextDisabled("Last validated (YYYY-MM-DD, empty: never)");
    if (text_field("##Last validated", i.last_validated ? to_iso(*i.last_validated) : std::string(), &text, 120)) {
        changed = i;
        if (text.empty()) changed.last_validated.reset(), replace(ctx, changed);
        else if (auto d = parse_iso_date(text)) changed.last_validated = *d, replace(ctx, changed);
        else ctx.ui.message = "\xE2\x80\x9C" + text + "\xE2\x80\x9D is not a date (YYYY-MM-DD).", ctx.ui.message_is_error = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Validated today")) {
        changed = i;
        changed.last_validated = today();
        replace(ctx, changed);
    }
    evidence_badges(ctx, i, "editor ");

    int impact = i.impact + limits::kMaxImpact;
    ImGui::SetNextItemWidth(140);
    if (ImGui::Combo("Impact##insight", &impact, kImpacts, IM_ARRAYSIZE(kImpacts)) && impact - limits::kMaxImpact != i.impact) {
        changed = i;
        changed.impact = impact - limits::kMaxImpact;
        replace(ctx, changed);
    }
    if (!ws.personas.empty()) {
        ImGui::TextDisabled("Personas");
        for (const auto& p : ws.personas) {
            bool on = std::find(i.personas.begin(), i.personas.end(), p.id) != i.personas.end();
            push_id(p.id);
            if (ImGui::Checkbox((p.name + "##insight-persona").c_str(), &on)) {
                changed = i;
                if (on) changed.personas.push_back(p.id);
                else changed.personas.erase(std::remove(changed.personas.begin(), changed.personas.end(), p.id), changed.personas.end());
                replace(ctx, changed);
            }
            ImGui::PopID();
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    ImGui::TextDisabled("Tags (separated by ;)");
    std::string tags;
    for (const auto& t : i.tags) tags += (tags.empty() ? "" : "; ") + t;
    if (text_field("##Insight tags", tags, &text)) {
        changed = i;
        changed.tags.clear();
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t cut = std::min(text.find(';', start), text.size());
            std::string t = text.substr(start, cut - start);
            t.erase(0, t.find_first_not_of(' '));
            t.erase(t.find_last_not_of(' ') + 1);
            if (!t.empty()) changed.tags.push_back(t);
            start = cut + 1;
        }
        replace(ctx, changed);
    }
    ImGui::Spacing();
    draw_step_links(ctx, i);
    ImGui::Spacing();
    if (ImGui::Button("New opportunity from this insight")) {
        // Linked to the insight, its steps (and their journeys) and its personas.
        Opportunity o = new_opportunity(i.title);
        o.insights.push_back(i.id);
        o.steps = i.steps;
        for (const StepRef& ref : i.steps)
            if (std::find(o.journeys.begin(), o.journeys.end(), ref.journey) == o.journeys.end()) o.journeys.push_back(ref.journey);
        o.personas = i.personas;
        create_opportunity(ctx, std::move(o));
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete insight")) {
        ctx.emit(edit::remove_insight(i.id));
        ctx.ui.insights.selected = Id{};
    }
    ImGui::PopID();
}

}  // namespace

Id add_insight(const ViewContext& ctx) {
    Insight i;
    i.id = new_id();
    i.title = "New insight";
    const Id id = i.id;
    ctx.ui.insights.selected = id;
    ctx.emit(edit::add_insight(std::move(i)));
    return id;
}

std::string_view impact_label(int impact) {
    return kImpacts[std::clamp(impact, -limits::kMaxImpact, limits::kMaxImpact) + limits::kMaxImpact];
}

// [SECTION] Journey-view pieces -------------------------------------------------------------------------

void draw_insight_palette(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    if (ws.insights.empty()) return;
    if (!ImGui::CollapsingHeader("Insights to link (drag one onto a cell)")) return;
    ImGui::BeginChild("insight-palette", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 4.5f), ImGuiChildFlags_Border);
    // The buttons flow in lines; where each line starts is measured once per revision, width and
    // font, and only the lines in view are drawn (a repository may hold 100,000 insights).
    InsightPaletteLines& lines = ctx.ui.insights.palette;
    const float right = ImGui::GetContentRegionAvail().x;
    const float font = ImGui::GetFontSize();
    if (!lines.revision || *lines.revision != ctx.revision || lines.width != right || lines.font != font) {
        lines.starts.clear();
        float used = 0;
        for (std::size_t k = 0; k < ws.insights.size(); ++k) {
            const float w = ImGui::CalcTextSize(ws.insights[k].title.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            if (k == 0 || !(used > 0 && used + w < right)) lines.starts.push_back(static_cast<int>(k)), used = 0;
            used += w + ImGui::GetStyle().ItemSpacing.x;
        }
        lines.revision = ctx.revision, lines.width = right, lines.font = font;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.starts.size()));
    while (clipper.Step())
        for (int line = clipper.DisplayStart; line < clipper.DisplayEnd; ++line) {
            const auto from = static_cast<std::size_t>(lines.starts[static_cast<std::size_t>(line)]);
            const std::size_t to = static_cast<std::size_t>(line) + 1 < lines.starts.size()
                                       ? static_cast<std::size_t>(lines.starts[static_cast<std::size_t>(line) + 1])
                                       : ws.insights.size();
            for (std::size_t k = from; k < to; ++k) {
                const Insight& i = ws.insights[k];
                if (k > from) ImGui::SameLine();
                push_id(i.id);
                ImGui::SmallButton((i.title + "##palette").c_str());
                drag_source(i);
                ImGui::PopID();
            }
        }
    ImGui::EndChild();
}

void draw_step_insights(const ViewContext& ctx, Id journey, Id step) {
    for (const Insight& i : ctx.ws.insights) {
        if (std::find(i.steps.begin(), i.steps.end(), StepRef{journey, step}) == i.steps.end()) continue;
        push_id(i.id);
        ImGui::TextWrapped("%s", i.title.c_str());
        evidence_badges(ctx, i, "cell ");
        ImGui::PopID();
    }
    // A named strip at the bottom of the cell: the place to drop an insight (the whole cell accepts
    // it), findable as "link here <step>" by tests.
    const Journey* j = find_by_id(ctx.ws.journeys, journey);
    const Step* s = j ? find_step(*j, step) : nullptr;
    if (!s) return;
    if (const ImGuiPayload* p = ImGui::GetDragDropPayload(); p && p->IsDataType(kInsightPayload))
        ImGui::TextDisabled("Drop to link here");
    else
        ImGui::InvisibleButton(("##link here " + s->name).c_str(), ImVec2(std::max(1.0f, ImGui::GetContentRegionAvail().x), ImGui::GetFrameHeight()));
}

void accept_insight_drop(const ViewContext& ctx, Id journey, Id step, float min_x, float min_y, float max_x, float max_y) {
    const ImRect rect(min_x, min_y, max_x, max_y);
    if (!ImGui::BeginDragDropTargetCustom(rect, ImGui::GetID(&step))) return;
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kInsightPayload)) {
        Id id;
        std::memcpy(&id, payload->Data, sizeof(Id));
        if (const Insight* i = find_by_id(ctx.ws.insights, id)) {
            const StepRef ref{journey, step};
            if (std::find(i->steps.begin(), i->steps.end(), ref) == i->steps.end()) {
                Insight changed = *i;
                changed.steps.push_back(ref);
                replace(ctx, std::move(changed));
            }
        }
    }
    ImGui::EndDragDropTarget();
}

// [SECTION] The view --------------------------------------------------------------------------------------

void draw_insights_view(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    InsightsState& st = ctx.ui.insights;
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Insights");
    ImGui::PopFont();
    if (st.import.phase == InsightImportDraft::Phase::mapping && !st.import.in_page) {
        draw_insight_import(ctx);
        return;
    }
    const InsightRows& rows = table_rows(ctx);
    const Insight* selected = find_by_id(ws.insights, st.selected);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s \xC2\xB7 %d stale \xC2\xB7 showing %zu",
                       count_of(static_cast<long long>(ws.insights.size()), "insight").c_str(), rows.stale, rows.shown.size());
    draw_toolbar(ctx);
    draw_filters(ctx);
    ImGui::Separator();
    const float details_width = selected ? std::min(440.0f, ImGui::GetContentRegionAvail().x * 0.42f) : 0.0f;
    const float height = panel_height();   // where the filters leave less, the view scrolls down to it
    ImGui::BeginChild("insights-main", ImVec2(selected ? -details_width - 8 : 0, height));
    if (ws.insights.empty())
        ImGui::TextWrapped("No insights yet. Add one, or import a spreadsheet of research findings.");
    else
        draw_table(ctx);
    ImGui::EndChild();
    if (selected) {
        ImGui::SameLine();
        ImGui::BeginChild("insight-editor", ImVec2(details_width, height), ImGuiChildFlags_Border);
        draw_editor(ctx, *selected);
        ImGui::EndChild();
    }
    // A file being read: its progress dialog over the table (the dialog replaces it once read).
    // (Started from the page, the page's dialog shows the import: update_insight_import_page.)
    if (st.import.phase == InsightImportDraft::Phase::reading && !st.import.in_page) draw_insight_import(ctx);
}

}  // namespace wm::ui
