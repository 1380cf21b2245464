// The insights CSV import: the file is read in slices under a progress dialog with Cancel, then the
// column dialog — per column a combo of insight fields (guessed from the header), the rows checked
// against the mapping (again in slices, with progress, whenever the mapping changes), a preview
// with the full report (columns not imported, every bad row with its line and reasons) — and
// "Import N insights" as one command, one undo step. Nothing touches the document before that
// click, so Cancel at any point leaves it as it was.
// Also the arrival of a picked file (receive_chosen_file), which routes it by purpose.
//
// Why slices: a file of 100,000 rows takes about a second to read and check in the browser, and a
// frame that long freezes the page (no input, no drawing). Each frame does up to kSliceBudgetMs of
// work, then asks for another frame (ctx.redraw), so the page stays responsive and shows
// progress.
#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // IMGUI_TEST_ENGINE_ITEM_INFO, see name_last_item
#include "io/csv_insights.hpp"
#include "platform/platform.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/theme.hpp"
#include "ui/insights/view.hpp"

namespace wm::ui {
namespace {

constexpr double kSliceBudgetMs = 12;     // of a frame's CPU, leaving room for drawing it (50 ms at most in all)
constexpr std::size_t kRowsPerStep = 256; // between two looks at the clock
// And at most this many rows a frame, whatever the machine: a big file always shows its progress
// over several frames and can be cancelled midway (on a fast machine the time budget alone could
// read 100,000 rows in one frame).
constexpr int kStepsPerFrame = 32;        // 8,192 rows
const char* const kProgress = "Importing insights##import-progress";

// Runs `step` (true when finished) until it finishes or the frame's share is spent.
template <class Step>
bool run_slice(Step step) {
    const double start = platform::now_ms();
    for (int steps = 1; !step(); ++steps)
        if (steps >= kStepsPerFrame || platform::now_ms() - start >= kSliceBudgetMs) return false;
    return true;
}

std::string with_thousands(std::size_t value) { return ui::with_thousands(static_cast<double>(value)); }

float fraction(std::size_t done, std::size_t total) {
    return total > 0 ? static_cast<float>(static_cast<double>(done) / static_cast<double>(total)) : 0.0f;
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

// Reading: a slice of the file per frame under a modal progress dialog; Cancel forgets the file.
void draw_reading(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    io::CsvReader& reader = *d.reader;
    const bool read = run_slice([&] { return reader.step(kRowsPerStep); });
    ++d.slices;
    ctx.redraw(2);
    if (!ImGui::IsPopupOpen(kProgress)) ImGui::OpenPopup(kProgress);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    bool cancel = false;
    if (ImGui::BeginPopupModal(kProgress, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("Reading \xE2\x80\x9C%s\xE2\x80\x9D", d.file_name.c_str());
        const std::string overlay = "Reading line " + with_thousands(reader.line()) + " of " + with_thousands(reader.lines());
        ImGui::ProgressBar(fraction(reader.line(), reader.lines()), ImVec2(ImGui::GetFontSize() * 24, 0), overlay.c_str());
        cancel = ImGui::Button("Cancel##import progress") || ImGui::IsKeyPressed(ImGuiKey_Escape);
        if (read || cancel) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (cancel) {
        d = InsightImportDraft{};
        ctx.ui.message = "The import was cancelled; nothing was imported.";
        ctx.ui.message_is_error = false;
        return;
    }
    if (!read) return;
    d.table = d.reader->take();
    d.reader.reset();
    if (d.table.rows.empty() && d.table.error.empty()) d.table.error = "The file is empty.";
    if (d.table.error.empty()) d.mapping = io::guess_mapping(d.table.rows[0]);
    d.phase = InsightImportDraft::Phase::mapping;
}

// The rows checked against the current mapping, a slice per frame; started again when the mapping
// or the document changes. Returns the finished check, or nullptr while it runs.
const io::InsightPlanner* checked_rows(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    if (!d.plan || d.planned_mapping != d.mapping || d.planned_revision != ctx.revision) {
        d.plan.emplace(d.table, d.mapping, ctx.ws);
        d.planned_mapping = d.mapping;
        d.planned_revision = ctx.revision;
    }
    if (!d.plan->done()) {
        ++d.slices;
        if (!run_slice([&] { return d.plan->step(d.table, kRowsPerStep); })) {
            ctx.redraw(2);
            return nullptr;
        }
    }
    return &*d.plan;
}

void draw_report(const io::InsightImport& result) {
    ImGui::Text("%s ready \xC2\xB7 %s not imported \xC2\xB7 %s skipped",
                count_of(static_cast<long long>(result.insights.size()), "insight").c_str(),
                count_of(static_cast<long long>(result.bad_rows.size()), "row").c_str(), count_of(result.blank_rows, "blank line").c_str());
    if (!result.unmapped.empty()) {
        std::string names;
        for (const auto& n : result.unmapped) names += (names.empty() ? "" : ", ") + n;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kWarn), "Columns not imported: %s", names.c_str());
    }
    if (result.bad_rows.empty()) return;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "Rows not imported:");
    ImGui::BeginChild("import-report", ImVec2(0, std::min(220.0f, 24.0f * static_cast<float>(result.bad_rows.size()) + 8)),
                      ImGuiChildFlags_Border);
    // Only the lines in view are drawn: a wrong mapping can make every one of 100,000 rows bad.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result.bad_rows.size()));
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const io::RowProblem& bad = result.bad_rows[static_cast<std::size_t>(k)];
            // A selectable line per bad row: readable, and findable by tests as "Line N: reason".
            const std::string line = "Line " + std::to_string(bad.line) + ": " + bad.reason + "##bad-row";
            ImGui::Selectable(line.c_str());
        }
    ImGui::EndChild();
}

}  // namespace

void open_insight_import(UiState& ui, std::string name, std::string_view text) {
    InsightImportDraft& d = ui.insights.import;
    d = InsightImportDraft{};
    d.phase = InsightImportDraft::Phase::reading;
    d.file_name = std::move(name);
    d.reader.emplace(std::string(text));
    ui.place.view = "insights";   // the dialog is part of the repository view
    ui.place.id = Id{};
    ui.message.clear();           // e.g. an earlier import's outcome: this file is another story
    ui.redraw(2);
}

std::string receive_chosen_file(UiState& ui, const protocol::FileChosen& file) {
    if (file.purpose != "insights-csv") return protocol::Reply::failed("no one asked for a file for " + file.purpose).str();
    open_insight_import(ui, file.name.empty() ? "file" : file.name, file.text);
    return protocol::Reply::ok().str();
}

void draw_insight_import(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    if (d.phase == InsightImportDraft::Phase::reading) {
        draw_reading(ctx);
        if (d.phase != InsightImportDraft::Phase::mapping) return;
        ctx.redraw(2);   // the dialog replaces the table next frame
        return;
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::Text("Import insights from \xE2\x80\x9C%s\xE2\x80\x9D", d.file_name.c_str());
    ImGui::PopFont();
    if (!d.table.error.empty()) {
        // A selectable line, like the bad rows below: readable, and findable by tests.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
        ImGui::Selectable((d.table.error + "##import-error").c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("Close##import")) d = InsightImportDraft{};
        return;
    }
    const auto& header = d.table.rows[0];
    muted(with_thousands(d.table.rows.size() - 1) + " rows, " + std::to_string(header.size()) + " columns, separated by \"" +
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

    // Step 2: the rows checked against the mapping (in slices), and the report.
    ImGui::Separator();
    const io::InsightPlanner* plan = checked_rows(ctx);
    std::size_t n = 0;
    if (!plan) {
        const io::InsightPlanner& running = *d.plan;
        const std::string overlay = "Checking row " + with_thousands(running.checked()) + " of " + with_thousands(running.total());
        ImGui::ProgressBar(fraction(running.checked(), running.total()), ImVec2(ImGui::GetFontSize() * 24, 0), overlay.c_str());
    } else if (!plan->result().error.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "%s", plan->result().error.c_str());
    } else {
        draw_report(plan->result());
        n = plan->result().insights.size();
    }
    ImGui::BeginDisabled(n == 0);
    const std::string import_label = plan ? "Import " + count_of(static_cast<long long>(n), "insight") + "##import" : std::string("Import##import");
    if (ImGui::Button(import_label.c_str())) {
        io::InsightImport result = d.plan->take();
        ctx.emit(edit::add_insights(std::move(result.insights), "Import " + count_of(static_cast<long long>(n), "insight") + " from \xE2\x80\x9C" +
                                                                      d.file_name + "\xE2\x80\x9D"));
        ctx.ui.message = "Imported " + count_of(static_cast<long long>(n), "insight") + " from " + d.file_name +
                         (result.bad_rows.empty() ? "" : "; " + std::to_string(result.bad_rows.size()) + " rows not imported");
        ctx.ui.message_is_error = false;
        d = InsightImportDraft{};
        ImGui::EndDisabled();
        return;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##import")) d = InsightImportDraft{};
}

void write_insights_stats(json::Writer& w, const UiState& ui) {
    const InsightImportDraft& d = ui.insights.import;
    const bool checking = d.phase == InsightImportDraft::Phase::mapping && d.plan && !d.plan->done();
    w.key("importing").begin();
    w.field("running", d.phase == InsightImportDraft::Phase::reading || checking);
    w.field("phase", d.phase == InsightImportDraft::Phase::reading ? "reading"
                     : checking                                     ? "checking"
                     : d.phase == InsightImportDraft::Phase::mapping ? "mapping"
                                                                     : "");
    double done = 0, total = 0;
    if (d.reader) done = static_cast<double>(d.reader->line()), total = static_cast<double>(d.reader->lines());
    else if (d.plan) done = static_cast<double>(d.plan->checked()), total = static_cast<double>(d.plan->total());
    w.field("done", done).field("total", total).field("slices", static_cast<double>(d.slices)).field("file", d.file_name);
    w.end();
    const InsightRows& rows = ui.insights.rows;
    w.key("insightsView").begin();
    w.field("shown", static_cast<double>(rows.shown.size())).field("stale", static_cast<double>(rows.stale));
    w.end();
}

}  // namespace wm::ui
