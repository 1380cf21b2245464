// The scoring model editor (the backlog's "Scoring model" mode): the common rules every opportunity
// is scored by. A preset replaces the whole model after a confirmation that says what happens to the
// ratings (criteria with the same name keep their ratings, rescaled onto a changed scale:
// scoring::adopt_preset, edit/rescale.hpp); the criteria table edits names, groups, weights and
// scales, one command per edit. Every change re-ranks the whole backlog at once, because the
// backlog is computed from the model on every frame rather than stored.
#include <string>

#include "edit/commands.hpp"
#include "edit/rescale.hpp"
#include "imgui.h"
#include "ui/kit/fonts.hpp"
#include "ui/kit/theme.hpp"
#include "ui/backlog/internal.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui::backlog {

namespace {

void draw_presets(const ViewContext& ctx) {
    BacklogState& st = ctx.ui.backlog;
    const ScoringModel& model = ctx.ws.settings.scoring;
    const auto& presets = scoring::presets();
    const scoring::Preset* chosen = &presets.front();
    for (const auto& p : presets)
        if (st.preset_choice == p.key) chosen = &p;
    // Four presets: radio buttons show them all at once, with the summary of the one picked.
    ImGui::TextUnformatted("Preset");
    for (const auto& p : presets) {   // wrapping where the window is too narrow for the row
        same_line_if_fits(checkbox_width(p.title));   // a radio button is as wide as a checkbox
        if (ImGui::RadioButton(p.title, st.preset_choice == p.key)) st.preset_choice = p.key;
    }
    same_line_if_fits(button_width("Use this preset"));
    if (ImGui::Button("Use this preset")) ImGui::OpenPopup("Replace the scoring model?");
    wrapped_text(chosen->summary, color::kMuted);

    // A fixed width: wrapped text in an auto-resizing window would otherwise grow it to the screen.
    ImGui::SetNextWindowSize(ImVec2(460, 0));
    if (ImGui::BeginPopupModal("Replace the scoring model?", nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::TextWrapped("Replace the current model (%s, %zu criteria) with %s?", model.preset.c_str(), model.criteria.size(), chosen->title);
        // What happens to the ratings, said before it happens (edit/rescale.hpp).
        const ScoringModel next = scoring::adopt_preset(model, chosen->key);
        const edit::RescalePlan plan = edit::plan_rescale(ctx.ws, next);
        ImGui::TextWrapped("Criteria with the same name keep their ratings, moved onto the new scale (the same place between "
                           "its bottom and top, to the nearest whole point); the others start unrated.");
        const std::vector<std::string> lines = plan.sentences();
        for (const std::string& line : lines) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
        if (lines.empty()) ImGui::TextWrapped("No rating changes scale or is dropped.");
        ImGui::TextWrapped("Edit \xE2\x80\xBA Undo brings everything back.");
        if (ImGui::Button("Replace the model")) {
            ctx.emit(edit::replace_scoring_model(next));
            const int n = plan.rescaled_ratings;
            const std::string said = n == 0 ? std::string("Now scoring with ") + chosen->title + "."
                                            : std::string("Now scoring with ") + chosen->title + ": " + std::to_string(n) +
                                                  (n == 1 ? " rating" : " ratings") + " rescaled to the new scales (Ctrl+Z undoes).";
            ctx.later([&ui = ctx.ui, said] {
                ui.message = said;
                ui.message_is_error = false;
            });
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel##preset")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void draw_criteria(const ViewContext& ctx) {
    const ScoringModel& model = ctx.ws.settings.scoring;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("criteria", 6, flags)) {
        ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch);
        fixed_column("Counts as", 150);
        fixed_column("Weight", 80);
        fixed_column("Lowest", 64);
        fixed_column("Highest", 64);
        fixed_column("", 70);
        ImGui::TableHeadersRow();
        for (const auto& c : model.criteria) {
            push_id(c.id);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            std::string name;
            if (text_field(("##Criterion name " + c.name).c_str(), c.name, &name, -1)) {
                Criterion edited = c;
                edited.name = name;
                ctx.emit(edit::edit_criterion(std::move(edited)));
            }
            if (ImGui::IsItemHovered() && !c.description.empty()) ImGui::SetItemTooltip("%s", c.description.c_str());
            ImGui::TableSetColumnIndex(1);
            int group = static_cast<int>(c.group);
            const char* groups[] = {"Customer value", "Business value", "Effort (cost)"};
            ImGui::SetNextItemWidth(-1);
            if (ImGui::Combo(("##Group " + c.name).c_str(), &group, groups, 3) && group != static_cast<int>(c.group)) {
                Criterion edited = c;
                edited.group = static_cast<CriterionGroup>(group);
                ctx.emit(edit::edit_criterion(std::move(edited)));
            }
            ImGui::TableSetColumnIndex(2);
            double weight = c.weight;
            if (drag_double_commit(("##Weight " + c.name).c_str(), c.weight, 0.0, 10.0, &weight, -1)) {
                Criterion edited = c;
                edited.weight = weight;
                ctx.emit(edit::edit_criterion(std::move(edited)));
            }
            ImGui::TableSetColumnIndex(3);
            int lo = c.scale_min, hi = c.scale_max;
            if (drag_int_commit(("##Lowest " + c.name).c_str(), c.scale_min, 0, c.scale_max - 1, &lo, -1)) {
                Criterion edited = c;
                edited.scale_min = lo;
                ctx.emit(edit::edit_criterion(std::move(edited)));
            }
            ImGui::TableSetColumnIndex(4);
            if (drag_int_commit(("##Highest " + c.name).c_str(), c.scale_max, c.scale_min + 1, 100, &hi, -1)) {
                Criterion edited = c;
                edited.scale_max = hi;
                ctx.emit(edit::edit_criterion(std::move(edited)));
            }
            ImGui::TableSetColumnIndex(5);
            if (ImGui::SmallButton("Remove")) ctx.emit(edit::remove_criterion(c.id));
            if (ImGui::IsItemHovered()) ImGui::SetItemTooltip("Also removes every opportunity's score on it (undoable)");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Add criterion")) {
        Criterion c;
        c.id = new_id();
        c.name = "New criterion " + std::to_string(model.criteria.size() + 1);
        c.group = CriterionGroup::customer;
        ctx.emit(edit::add_criterion(std::move(c)));
    }
}

}  // namespace

void draw_scoring_model(const ViewContext& ctx) {
    const ScoringModel& model = ctx.ws.settings.scoring;
    ImGui::BeginChild("scoring-model");
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("The common rules");
    ImGui::PopFont();
    ImGui::TextWrapped("Priority = (customer value + business value) \xC3\x97 evidence factor \xC3\xB7 effort. Each group adds "
                       "weight \xC3\x97 score of its criteria; an unrated criterion counts as the middle of its scale. The "
                       "evidence factor is 1 - evidence weight \xC3\x97 (1 - strength of the strongest "
                       "linked insight): validated 100 %%, observed 60 %%, assumed 20 %%, stale insights one step lower.");
    ImGui::Spacing();
    draw_presets(ctx);
    ImGui::Spacing();
    ImGui::Text("Current model: %s", model.preset.empty() ? "custom" : model.preset.c_str());
    draw_criteria(ctx);
    ImGui::Spacing();
    ImGui::TextUnformatted("Evidence weight");
    ImGui::SameLine();
    double ew = model.evidence_weight;
    if (drag_double_commit("##Evidence weight", model.evidence_weight, 0.0, 1.0, &ew, 120))
        ctx.emit(edit::set_evidence_weight(ew));
    const char* hint = "0 = evidence does not count, 1 = unbacked opportunities score 0";
    same_line_if_fits(ImGui::CalcTextSize(hint).x);
    wrapped_text(hint, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    wrapped_textf(ImGui::GetColorU32(ImGuiCol_Text), "Insights count as stale %d days after they were last validated (workspace setting).",
                  ctx.ws.settings.stale_after_days);
    ImGui::EndChild();
}

}  // namespace wm::ui::backlog
