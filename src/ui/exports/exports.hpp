// File › Export…: the open journey as a CSV grid, the workspace as an HTML report, and a picture of
// a journey map or of the whole framework as SVG or PNG. The files themselves are made by pure code
// in src/io (export_grid, report_html, export_svg); this is the dialog, the hand-over to the browser
// as a download, and the progress of a PNG, which the page draws off-screen tile by tile
// (web/png.js) and can be cancelled. Every outcome is a plain sentence on the status line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/model.hpp"
#include "ui/kit/json_text.hpp"
#include "platform/protocol.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// The journey the current place shows, or nullptr (journey exports are enabled only then).
const Journey* open_journey(const Workspace& ws, const UiState& ui);

// A download name from a title: characters file systems refuse (/ \ : * ? " < > |, control
// characters) become "-", trailing dots and spaces go, an empty title becomes `fallback`.
std::string file_name(std::string_view title, std::string_view fallback, std::string_view suffix);

class Exports {
public:
    void csv(const Workspace& ws, UiState& ui);      // "<journey title>.csv"
    void report(const Workspace& ws, UiState& ui);   // "<workspace name> report.html"
    void open_image_dialog(const Workspace& ws, const UiState& ui);
    // The picture dialog as the mirror's form (File › Export picture… from the page's menubar): what
    // to picture, PNG or SVG, the scale, the size in words, and Export. Each choice answers with the
    // form made again (the size follows it); Export starts the picture and closes the dialog.
    void choose_subject(const Workspace& ws, const UiState& ui);   // the open journey's map, else the framework
    std::string mirror_form(const ViewContext& ctx);
    std::string mirror_action(const ViewContext& ctx, std::string_view name, std::string_view value);
    // The picture dialog and, while a PNG is being made, its progress with Cancel.
    void draw(const ViewContext& ctx);
    // The page's reports about a PNG (web/app.js exportPng): its parts as they are drawn, then the
    // outcome. finished() answers {ok, message} | {ok:false, cancelled, message} | {ok:false, error}.
    void progress(const protocol::ExportProgress& progress, UiState& ui);
    // A PNG started from the page's dialog shows its progress in the page's dialog too (view
    // kProgressView, platform::ask): "Drawing <name>: n of m parts", Cancel (or Escape).
    static constexpr std::string_view kProgressView = "export-progress";
    std::string progress_answer(std::string_view name);
    std::string finished(const protocol::ExportFinished& outcome, UiState& ui);
    [[nodiscard]] bool busy() const { return running_; }
    void write_stats(json::Writer& w) const;

    enum class Subject { journey, framework };
    enum class Format { png, svg };

private:
    void start(const ViewContext& ctx);
    void update_progress_page();   // each frame while progress_in_page_: the form sent when it changed
    void measure(const ViewContext& ctx);   // the picture's size for the current choice
    [[nodiscard]] bool too_large() const;   // a PNG of that size cannot be made
    [[nodiscard]] std::string size_text() const;

    bool open_dialog_ = false;
    Subject subject_ = Subject::framework;
    Format format_ = Format::png;
    int scale_ = 2;
    Id journey_;                        // the journey the dialog was opened on (nil: none open)
    // The picture's size as last measured for the dialog.
    bool sized_ = false;
    Subject sized_subject_ = Subject::framework;
    Id sized_journey_;
    std::uint64_t sized_revision_ = 0;
    double sized_width_ = 0, sized_height_ = 0;
    bool dialog_open_ = false, dialog_too_large_ = false;   // for the test hook
    std::string dialog_pixels_;                              // "W x H" of the PNG the dialog would make
    // The PNG being made.
    bool running_ = false;
    bool progress_in_page_ = false;     // started from the page: its progress is the page's dialog
    std::string progress_sent_;         // the progress form last sent
    bool cancel_requested_ = false;
    int done_ = 0, total_ = 0;
    std::string running_name_;
    // The last finished export, for the test hook: kind, file name, size.
    std::string last_kind_, last_name_;
    double last_width_ = 0, last_height_ = 0, last_bytes_ = 0;
};

}  // namespace wm::ui
