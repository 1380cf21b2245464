// The insights CSV import dialog: per column a combo of insight fields (guessed from the header),
// a preview of what will be imported with the full report (columns not imported, every bad row
// with its line and reasons), and "Import N insights" as one command — one undo step.
// Also the arrival of a picked file (receive_chosen_file), which routes it by purpose.
#include <rapidjson/document.h>

#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // IMGUI_TEST_ENGINE_ITEM_INFO, see name_last_item
#include "io/csv_insights.hpp"
#include "ui/app.hpp"
#include "ui/json_text.hpp"
#include "ui/theme.hpp"
#include "ui/view_insights.hpp"

namespace wm::ui {
namespace {

// All insights in one command, so that the import is one undo step; each is still checked by
// add_insight, and a refusal of one refuses the whole import (the history rolls it back).
edit::Command add_all(std::vector<Insight> insights, std::string file_name) {
    return edit::Command([insights = std::move(insights), file_name = std::move(file_name)](edit::Transaction& tx) {
        for (const auto& i : insights)
            if (auto r = edit::add_insight(i).apply(tx); !r) return r;
        tx.set_label("Import " + std::to_string(insights.size()) + " insights from \xE2\x80\x9C" + file_name + "\xE2\x80\x9D");
        return edit::Result::ok();
    });
}

// BeginCombo does not report its label to the test-engine hook (imgui 1.90.1) the way buttons do,
// so the item registry would not know the mapping combos; report it here.
void name_last_item(const char* label) {
    ImGuiContext& g = *GImGui;
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label, g.LastItemData.StatusFlags);
}

void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kMuted));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

void open_insight_import(UiState& ui, std::string name, std::string_view text) {
    InsightImportDraft& d = ui.insights.import;
    d = InsightImportDraft{};
    d.open = true;
    d.file_name = std::move(name);
    d.table = io::parse_csv(text);
    if (d.table.rows.empty() && d.table.error.empty()) d.table.error = "The file is empty.";
    if (d.table.error.empty()) d.mapping = io::guess_mapping(d.table.rows[0]);
    ui.place.view = "insights";   // the dialog is part of the repository view
    ui.place.id = Id{};
}

std::string receive_chosen_file(UiState& ui, std::string_view json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("purpose") || !doc["purpose"].IsString() ||
        !doc.HasMember("text") || !doc["text"].IsString())
        return json::error("fileChosen expects {purpose, name, text}");
    const std::string purpose = doc["purpose"].GetString();
    const std::string name = doc.HasMember("name") && doc["name"].IsString() ? doc["name"].GetString() : "file";
    if (purpose != "insights-csv") return json::error("no one asked for a file for " + purpose);
    open_insight_import(ui, name, std::string_view(doc["text"].GetString(), doc["text"].GetStringLength()));
    return R"({"ok":true})";
}

void draw_insight_import(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::Text("Import insights from \xE2\x80\x9C%s\xE2\x80\x9D", d.file_name.c_str());
    ImGui::PopFont();
    if (!d.table.error.empty()) {
        // A selectable line, like the bad rows below: readable, and findable by tests.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
        ImGui::Selectable((d.table.error + "##import-error").c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("Close##import")) d.open = false;
        return;
    }
    const auto& header = d.table.rows[0];
    muted(std::to_string(d.table.rows.size() - 1) + " rows, " + std::to_string(header.size()) + " columns, separated by \"" +
          std::string(1, d.table.delimiter) + "\". Choose which insight field each column holds.");

    // Step 1: the mapping, one combo per column with the first value as an example.
    if (ImGui::BeginTable("import-mapping", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Column");
        ImGui::TableSetupColumn("First value");
        ImGui::TableSetupColumn("Insight field");
        ImGui::TableHeadersRow();
        for (std::size_t c = 0; c < header.size(); ++c) {
            ImGui::PushID(static_cast<int>(c));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(header[c].empty() ? "(no name)" : header[c].c_str());
            ImGui::TableSetColumnIndex(1);
            const std::string example = d.table.rows.size() > 1 && c < d.table.rows[1].size() ? d.table.rows[1][c] : "";
            ImGui::TextDisabled("%s", example.substr(0, 60).c_str());
            ImGui::TableSetColumnIndex(2);
            if (c >= d.mapping.size()) d.mapping.resize(c + 1, io::InsightColumn::ignored);
            const std::string label = "##map " + header[c];   // tests find "map Title"
            ImGui::SetNextItemWidth(-1);
            const bool open = ImGui::BeginCombo(label.c_str(), std::string(io::column_label(d.mapping[c])).c_str());
            name_last_item(label.c_str());
            if (open) {
                for (int k = 0; k < io::kInsightColumnCount; ++k) {
                    const auto col = static_cast<io::InsightColumn>(k);
                    if (ImGui::Selectable(std::string(io::column_label(col)).c_str(), col == d.mapping[c])) d.mapping[c] = col;
                }
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // Step 2: the preview and report, recomputed from the current mapping (cheap next to a frame for
    // any spreadsheet a person makes; ids are drawn anew, which costs nothing).
    io::InsightImport result = io::import_insights(d.table, d.mapping, ctx.ws);
    ImGui::Separator();
    if (!result.error.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "%s", result.error.c_str());
    } else {
        ImGui::Text("%zu insights ready \xC2\xB7 %zu rows not imported \xC2\xB7 %d blank lines skipped", result.insights.size(),
                    result.bad_rows.size(), result.blank_rows);
        if (!result.unmapped.empty()) {
            std::string names;
            for (const auto& n : result.unmapped) names += (names.empty() ? "" : ", ") + n;
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kWarn), "Columns not imported: %s", names.c_str());
        }
        if (!result.bad_rows.empty()) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "Rows not imported:");
            ImGui::BeginChild("import-report", ImVec2(0, std::min(220.0f, 24.0f * static_cast<float>(result.bad_rows.size()) + 8)),
                              ImGuiChildFlags_Border);
            for (const auto& bad : result.bad_rows) {
                // A selectable line per bad row: readable, and findable by tests as "Line N: reason".
                const std::string line = "Line " + std::to_string(bad.line) + ": " + bad.reason + "##bad-row";
                ImGui::Selectable(line.c_str());
            }
            ImGui::EndChild();
        }
    }
    const std::size_t n = result.error.empty() ? result.insights.size() : 0;
    ImGui::BeginDisabled(n == 0);
    if (ImGui::Button(("Import " + std::to_string(n) + " insights##import").c_str())) {
        ctx.emit(add_all(std::move(result.insights), d.file_name));
        ctx.ui.message = "Imported " + std::to_string(n) + " insights from " + d.file_name +
                         (result.bad_rows.empty() ? "" : "; " + std::to_string(result.bad_rows.size()) + " rows not imported");
        ctx.ui.message_is_error = false;
        d.open = false;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##import")) d.open = false;
}

}  // namespace wm::ui
