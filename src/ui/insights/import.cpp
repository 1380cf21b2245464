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
#include <charconv>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // IMGUI_TEST_ENGINE_ITEM_INFO, see name_last_item
#include "io/csv_insights.hpp"
#include "model/words.hpp"
#include "platform/platform.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/widgets.hpp"
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

// The file read: its table, the guessed mapping, and the mapping step.
void finish_reading(InsightImportDraft& d) {
    d.table = d.reader->take();
    d.reader.reset();
    if (d.table.rows.empty() && d.table.error.empty()) d.table.error = "The file is empty.";
    if (d.table.error.empty()) d.mapping = io::guess_mapping(d.table.rows[0]);
    d.phase = InsightImportDraft::Phase::mapping;
}

void cancel_import(const ViewContext& ctx) {
    ctx.ui.insights.import = InsightImportDraft{};
    ctx.ui.message = "The import was cancelled; nothing was imported.";
    ctx.ui.message_is_error = false;
}

// "Import N insights": the checked rows as one command, one undo step.
void import_checked(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    io::InsightImport result = d.plan->take();
    const long long n = static_cast<long long>(result.insights.size());
    ctx.emit(edit::add_insights(std::move(result.insights), "Import " + count_of(n, "insight") + " from \xE2\x80\x9C" + d.file_name + "\xE2\x80\x9D"));
    ctx.ui.message = "Imported " + count_of(n, "insight") + " from " + d.file_name +
                     (result.bad_rows.empty() ? "" : "; " + std::to_string(result.bad_rows.size()) + " rows not imported");
    ctx.ui.message_is_error = false;
    d = InsightImportDraft{};
}

// Reading: a slice of the file per frame under a modal progress dialog; Cancel forgets the file.
void draw_reading(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    io::CsvReader& reader = *d.reader;
    const bool read = run_slice([&] { return reader.step(kRowsPerStep); });
    ++d.slices;
    ctx.redraw(2);
    if (d.in_page) {   // the page's dialog shows the progress (update_insight_import_page)
        if (read) finish_reading(d);
        return;
    }
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
        cancel_import(ctx);
        return;
    }
    if (read) finish_reading(d);
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
    wrapped_textf(ImGui::GetColorU32(ImGuiCol_Text), "%s ready \xC2\xB7 %s not imported \xC2\xB7 %s skipped",
                count_of(static_cast<long long>(result.insights.size()), "insight").c_str(),
                count_of(static_cast<long long>(result.bad_rows.size()), "row").c_str(), count_of(result.blank_rows, "blank line").c_str());
    if (!result.unmapped.empty()) {
        std::string names;
        for (const auto& n : result.unmapped) names += (names.empty() ? "" : ", ") + n;
        wrapped_text("Columns not imported: " + names, color::kWarn);
    }
    if (result.bad_rows.empty()) return;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "Rows not imported:");
    // As tall as its lines (up to nine), at any text size.
    const float row = ImGui::GetTextLineHeightWithSpacing();
    const float rows = static_cast<float>(std::min<std::size_t>(result.bad_rows.size(), 9));
    ImGui::BeginChild("import-report", ImVec2(0, row * rows + 2 * ImGui::GetStyle().WindowPadding.y), ImGuiChildFlags_Border);
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
    expose_item("##rows not imported");
}

}  // namespace

void open_insight_import(UiState& ui, std::string name, std::string_view text, bool in_page) {
    InsightImportDraft& d = ui.insights.import;
    d = InsightImportDraft{};
    d.phase = InsightImportDraft::Phase::reading;
    d.in_page = in_page;
    d.file_name = std::move(name);
    d.reader.emplace(std::string(text));
    ui.place.view = "insights";   // the dialog is part of the repository view
    ui.place.id = Id{};
    ui.message.clear();           // e.g. an earlier import's outcome: this file is another story
    ui.redraw(2);
}

std::string receive_chosen_file(UiState& ui, const protocol::FileChosen& file) {
    if (file.purpose != "insights-csv" && file.purpose != "insights-csv-page")
        return protocol::Reply::failed("no one asked for a file for " + file.purpose).str();
    open_insight_import(ui, file.name.empty() ? "file" : file.name, file.text, file.purpose == "insights-csv-page");
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
    wrapped_text(with_thousands(d.table.rows.size() - 1) + " rows, " + std::to_string(header.size()) + " columns, separated by \"" +
                     std::string(1, d.table.delimiter) + "\". Choose which insight field each column holds.",
                 color::kMuted);

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
            ImGui::TextDisabled("%s", shortened(example, 60).c_str());
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
        wrapped_text(plan->result().error, color::kError);
    } else {
        draw_report(plan->result());
        n = plan->result().insights.size();
    }
    ImGui::BeginDisabled(n == 0);
    const std::string import_label = plan ? "Import " + count_of(static_cast<long long>(n), "insight") + "##import" : std::string("Import##import");
    if (ImGui::Button(import_label.c_str())) {
        import_checked(ctx);
        ImGui::EndDisabled();
        return;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##import")) d = InsightImportDraft{};
}

// [SECTION] The import as the page's dialog (started from the DOM mirror's Insights page) ---------------

namespace {

constexpr std::size_t kPageBadRows = 20;   // the report's bad rows listed in the dialog (the count says the rest)

std::string page_form(const ViewContext& ctx, std::string_view focus) {
    InsightImportDraft& d = ctx.ui.insights.import;
    MirrorForm f("Import insights from \xE2\x80\x9C" + d.file_name + "\xE2\x80\x9D", "", "import", kImportView);
    f.question("cancel");
    if (d.phase == InsightImportDraft::Phase::reading) {
        f.note("Reading line " + with_thousands(d.reader->line()) + " of " + with_thousands(d.reader->lines()) + "\xE2\x80\xA6");
        f.button("cancel", "Cancel");
        return std::move(f).done();
    }
    if (!d.table.error.empty()) {
        f.note(d.table.error);
        f.button("cancel", "Close");
        return std::move(f).done();
    }
    const auto& header = d.table.rows[0];
    f.note(with_thousands(d.table.rows.size() - 1) + " rows, " + std::to_string(header.size()) + " columns, separated by \"" +
           std::string(1, d.table.delimiter) + "\". Choose which insight field each column holds.");
    std::vector<FormOption> fields;
    for (int k = 0; k < io::kInsightColumnCount; ++k) fields.push_back({std::to_string(k), std::string(io::column_label(static_cast<io::InsightColumn>(k)))});
    if (d.mapping.size() < header.size()) d.mapping.resize(header.size(), io::InsightColumn::ignored);
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string example = d.table.rows.size() > 1 && c < d.table.rows[1].size() ? shortened(d.table.rows[1][c], 60) : "";
        std::string label = "Column \xE2\x80\x9C" + (header[c].empty() ? std::string("(no name)") : header[c]) + "\xE2\x80\x9D";
        if (!example.empty()) label += " (first value: " + example + ")";
        f.choice("col-" + std::to_string(c), label, fields, std::to_string(static_cast<int>(d.mapping[c])));
    }
    // The check in three sentences of fixed place (the summary, the columns left out, the bad rows
    // one per line), so a choice changes words in place and the form is not made again under the
    // keyboard (a select's typed-ahead letters would be lost).
    const io::InsightPlanner* plan = d.plan && d.plan->done() ? &*d.plan : nullptr;
    std::size_t n = 0;
    std::string summary, unmapped, bad;
    if (!plan) {
        summary = d.plan ? "Checking row " + with_thousands(d.plan->checked()) + " of " + with_thousands(d.plan->total()) + "\xE2\x80\xA6" : "Checking the rows\xE2\x80\xA6";
    } else if (!plan->result().error.empty()) {
        summary = plan->result().error;
    } else {
        const io::InsightImport& r = plan->result();
        n = r.insights.size();
        summary = count_of(static_cast<long long>(n), "insight") + " ready, " + count_of(static_cast<long long>(r.bad_rows.size()), "row") +
                  " not imported, " + count_of(r.blank_rows, "blank line") + " skipped.";
        for (const auto& name : r.unmapped) unmapped += (unmapped.empty() ? "Columns not imported: " : ", ") + name;
        if (!unmapped.empty()) unmapped += ".";
        for (std::size_t k = 0; k < r.bad_rows.size() && k < kPageBadRows; ++k)
            bad += (bad.empty() ? "" : "\n") + std::string("Line ") + std::to_string(r.bad_rows[k].line) + ": " + r.bad_rows[k].reason;
        if (r.bad_rows.size() > kPageBadRows) bad += "\nAnd " + count_of(static_cast<long long>(r.bad_rows.size() - kPageBadRows), "more row") + " not imported.";
    }
    f.note(summary);
    f.note(unmapped);
    f.note(bad);
    f.button("import", plan ? "Import " + count_of(static_cast<long long>(n), "insight") : std::string("Import"), n == 0);
    f.button("cancel", "Cancel");
    return std::move(f).done(focus);
}

// Out of line: the caller runs every frame, this only while the page's import dialog is open (what the
// first frame does not run goes to the code's second part: scripts/split-wasm).
[[gnu::noinline]] void update_open_page(const ViewContext& ctx, InsightImportDraft& d) {
    if (d.phase == InsightImportDraft::Phase::reading) draw_reading(ctx);
    else if (d.table.error.empty()) checked_rows(ctx);
    // The file read: focus goes from the progress to the first column's field, once.
    const bool first_columns = d.phase == InsightImportDraft::Phase::mapping && d.table.error.empty() && !d.columns_shown;
    d.columns_shown = d.columns_shown || first_columns;
    std::string form = page_form(ctx, first_columns ? "|col-0" : "");
    if (form == d.sent) return;
    d.sent = std::move(form);
    platform::ask(d.sent);
}

}  // namespace

void update_insight_import_page(const ViewContext& ctx) {
    InsightImportDraft& d = ctx.ui.insights.import;
    if (d.in_page && d.open()) update_open_page(ctx, d);
}

std::string insight_import_answer(const ViewContext& ctx, std::string_view name, std::string_view value) {
    InsightImportDraft& d = ctx.ui.insights.import;
    if (!d.open()) return protocol::Reply::failed("no import is open").str();
    ctx.redraw(2);
    const std::string closed = protocol::Reply::ok().with("close", true).str();
    if (name == "cancel") {
        if (!d.table.error.empty()) d = InsightImportDraft{};   // Close: a file that could not be read
        else cancel_import(ctx);
        return closed;
    }
    if (d.phase != InsightImportDraft::Phase::mapping || !d.table.error.empty()) return protocol::Reply::failed("the file is still being read").str();
    if (name == "import") {
        if (!d.plan || !d.plan->done()) return protocol::Reply::failed("the rows are still being checked").str();
        if (d.plan->result().insights.empty()) return protocol::Reply::failed("no row can be imported with these columns").str();
        import_checked(ctx);
        return closed;
    }
    if (name.substr(0, 4) != "col-") return protocol::Reply::failed("not a field of the import").str();
    std::size_t column = 0;
    int field = -1;
    const std::string_view c = name.substr(4);
    if (std::from_chars(c.data(), c.data() + c.size(), column).ec != std::errc() || column >= d.table.rows[0].size() ||
        std::from_chars(value.data(), value.data() + value.size(), field).ec != std::errc() || field < 0 || field >= io::kInsightColumnCount)
        return protocol::Reply::failed("not a column or field").str();
    if (d.mapping.size() <= column) d.mapping.resize(column + 1, io::InsightColumn::ignored);
    d.mapping[column] = static_cast<io::InsightColumn>(field);   // checked again from the next frame
    return protocol::Reply::ok().str();
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
