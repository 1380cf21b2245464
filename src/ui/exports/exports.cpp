// File › Export… (see exports/exports.hpp).
#include "ui/exports/exports.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <vector>

#include "imgui.h"
#include "io/export_grid.hpp"
#include "io/export_svg.hpp"
#include "io/report_html.hpp"
#include "layout/framework_layout.hpp"
#include "layout/journey_layout.hpp"
#include "platform/platform.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {

// What web/png.js can make (its MAX_SIDE, MAX_PIXELS): checked before the page is asked.
constexpr double kPngMaxSide = 32768;
constexpr double kPngMaxPixels = 200e6;

const char* const kDialog = "Export picture##image";
const char* const kProgress = "Exporting PNG##progress";

std::string quoted(std::string_view text) { return "\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D"; }

// The app's own text measure: the UI fonts at their drawn size, so the picture wraps as the map does.
io::SvgStyle svg_style(const Fonts& fonts) {
    ImFont* regular = fonts.regular ? fonts.regular : ImGui::GetFont();
    ImFont* bold = fonts.bold ? fonts.bold : regular;
    io::SvgStyle style;
    style.font_size = regular->FontSize * ImGui::GetIO().FontGlobalScale;
    style.width = [regular, bold](std::string_view text, float size, bool heavy) {
        ImFont* font = heavy ? bold : regular;
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    };
    return style;
}

// The picture of what the dialog chose; `title` names it for messages and the PNG's metadata.
struct Picture {
    io::SvgDocument svg;
    std::string title, base_name;
};

Picture make_picture(const ViewContext& ctx, Exports::Subject subject, Id journey_id) {
    const io::SvgStyle style = svg_style(ctx.fonts);
    const Date today{platform::today_days()};
    Picture p;
    if (subject == Exports::Subject::journey) {
        const Journey* j = find_by_id(ctx.ws.journeys, journey_id);
        if (!j) return p;
        const layout::JourneyLayout layout = layout::layout_journey(ctx.ws, *j, io::svg_text_height(style));
        p.svg = io::journey_svg(ctx.ws, *j, layout, style, today);
        p.title = j->title.empty() ? "Untitled journey" : j->title;
        p.base_name = file_name(j->title, "Journey", "");
    } else {
        // The whole framework: nothing folded, no filter (the export is not the view's current state).
        const layout::FrameworkLayout layout = layout::layout_framework(ctx.ws, {});
        p.svg = io::framework_svg(ctx.ws, layout, ctx.derived.journey_facts(), &ctx.derived.kpis(), style, today);
        p.title = (ctx.ws.name.empty() ? std::string("Waymark") : ctx.ws.name) + " framework";
        p.base_name = file_name(ctx.ws.name, "Waymark", " framework");
    }
    return p;
}


}  // namespace

const Journey* open_journey(const Workspace& ws, const UiState& ui) {
    return ui.place.view == "journey" ? find_by_id(ws.journeys, ui.place.id) : nullptr;
}

std::string file_name(std::string_view title, std::string_view fallback, std::string_view suffix) {
    std::string name;
    for (char c : title) {
        const bool refused = static_cast<unsigned char>(c) < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        name += refused ? '-' : c;
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
    return (name.empty() ? std::string(fallback) : name) + std::string(suffix);
}

void Exports::csv(const Workspace& ws, UiState& ui) {
    const Journey* journey = open_journey(ws, ui);
    if (!journey) {
        ui.message = "Open a journey map first: the CSV export writes the grid of the journey on screen.";
        ui.message_is_error = true;
        return;
    }
    const std::string name = file_name(journey->title, "Journey", ".csv");
    const std::string text = io::journey_grid_csv(ws, *journey);
    platform::download(name, "text/csv;charset=utf-8", text);
    ui.message = "Exported the map of " + quoted(journey->title) + " as " + name;
    ui.message_is_error = false;
    last_kind_ = "csv", last_name_ = name, last_width_ = last_height_ = 0, last_bytes_ = static_cast<double>(text.size());
}

void Exports::report(const Workspace& ws, UiState& ui) {
    const std::string name = file_name(ws.name, "Waymark", " report.html");
    const std::string text = io::workspace_report_html(ws, Date{platform::today_days()});
    platform::download(name, "text/html;charset=utf-8", text);
    ui.message = "Exported the report (" + count_of(static_cast<long long>(ws.journeys.size()), "journey") + ") as " + name +
                 "; open it in a browser to read or print it";
    ui.message_is_error = false;
    last_kind_ = "html", last_name_ = name, last_width_ = last_height_ = 0, last_bytes_ = static_cast<double>(text.size());
}

void Exports::open_image_dialog(const Workspace& ws, const UiState& ui) {
    choose_subject(ws, ui);
    open_dialog_ = true;
}

void Exports::choose_subject(const Workspace& ws, const UiState& ui) {
    const Journey* j = open_journey(ws, ui);
    journey_ = j ? j->id : Id{};
    subject_ = j ? Subject::journey : Subject::framework;
}

void Exports::start(const ViewContext& ctx) {
    Picture p = make_picture(ctx, subject_, journey_);
    if (p.svg.text.empty()) {
        ctx.ui.message = "That journey no longer exists; nothing was exported.";
        ctx.ui.message_is_error = true;
        return;
    }
    if (format_ == Format::svg) {
        const std::string name = p.base_name + ".svg";
        platform::download(name, "image/svg+xml", p.svg.text);
        ctx.ui.message = "Exported " + quoted(p.title) + " as " + name + " (vector; opens in a browser or a drawing program)";
        ctx.ui.message_is_error = false;
        last_kind_ = "svg", last_name_ = name, last_width_ = p.svg.width, last_height_ = p.svg.height;
        last_bytes_ = static_cast<double>(p.svg.text.size());
        return;
    }
    running_ = true;
    cancel_requested_ = false;
    done_ = 0;
    total_ = 0;   // the page says how many parts once it has cut the picture
    running_name_ = p.base_name + ".png";
    platform::export_png(running_name_, p.svg.text, p.svg.width, p.svg.height, scale_, p.title);
    ctx.redraw(2);
}

void Exports::draw(const ViewContext& ctx) {
    UiState& ui = ctx.ui;
    if (open_dialog_) {
        open_dialog_ = false;
        ImGui::OpenPopup(kDialog);
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kDialog, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::IsWindowAppearing()) ui.redraw(3);
        const Subject subject_before = subject_;
        const Format format_before = format_;
        const int scale_before = scale_;
        const Journey* j = find_by_id(ctx.ws.journeys, journey_);
        if (!j && subject_ == Subject::journey) subject_ = Subject::framework;
        ImGui::TextUnformatted("Picture of");
        ImGui::BeginDisabled(j == nullptr);
        const std::string journey_label = j ? "This journey map: " + j->title + "##image" : std::string("This journey map##image");
        if (ImGui::RadioButton(journey_label.c_str(), subject_ == Subject::journey)) subject_ = Subject::journey;
        ImGui::EndDisabled();
        if (!j) ImGui::SetItemTooltip("Open a journey map to export it");
        if (ImGui::RadioButton("The whole framework##image", subject_ == Subject::framework)) subject_ = Subject::framework;
        ImGui::Spacing();
        ImGui::TextUnformatted("As");
        if (ImGui::RadioButton("PNG image##image", format_ == Format::png)) format_ = Format::png;
        ImGui::SameLine();
        if (ImGui::RadioButton("SVG vector##image", format_ == Format::svg)) format_ = Format::svg;

        measure(ctx);
        bool too_large = false;
        // The scale row is always there (disabled for SVG), so the dialog keeps its layout and the
        // Export button stays under the pointer whichever format is picked.
        ImGui::Spacing();
        ImGui::BeginDisabled(format_ != Format::png);
        ImGui::TextUnformatted(format_ == Format::png ? "Scale" : "Scale (PNG only)");
        for (int s = 1; s <= 4; ++s) {
            char label[32];
            std::snprintf(label, sizeof label, "%d\xC3\x97##scale", s);
            if (s > 1) ImGui::SameLine();
            if (ImGui::RadioButton(label, scale_ == s)) scale_ = s;
        }
        ImGui::EndDisabled();
        too_large = this->too_large();
        if (format_ == Format::png) {
            dialog_pixels_ = with_thousands(std::ceil(sized_width_ * scale_)) + "x" + with_thousands(std::ceil(sized_height_ * scale_));
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(too_large ? color::kError : color::kMuted), "%s", size_text().c_str());
            ImGui::PopTextWrapPos();
        } else {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s", size_text().c_str());
        }
        dialog_open_ = true;
        dialog_too_large_ = too_large;
        // A choice changes what the dialog shows and its size: draw it again until it has settled.
        if (subject_ != subject_before || format_ != format_before || scale_ != scale_before)
            ui.redraw(3);
        ImGui::Spacing();
        ImGui::BeginDisabled(too_large || running_);
        const bool go = ImGui::Button("Export##image");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (go || ImGui::Button("Cancel##image") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            ImGui::CloseCurrentPopup();
            ui.redraw(2);
        }
        ImGui::EndPopup();
        if (go) start(ctx);
    } else {
        dialog_open_ = false;
    }

    if (progress_in_page_) {
        update_progress_page();
        return;
    }
    if (running_ && !ImGui::IsPopupOpen(kProgress)) ImGui::OpenPopup(kProgress);
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kProgress, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (!running_) {
            ImGui::CloseCurrentPopup();
        } else {
            ImGui::Text("Drawing %s", running_name_.c_str());
            char overlay[64];
            if (total_ > 0) std::snprintf(overlay, sizeof overlay, "%d of %d parts", done_, total_);
            else std::snprintf(overlay, sizeof overlay, "Preparing\xE2\x80\xA6");
            ImGui::ProgressBar(total_ > 0 ? static_cast<float>(done_) / static_cast<float>(total_) : 0.f,
                               ImVec2(ImGui::GetFontSize() * 22, 0), overlay);
            ImGui::BeginDisabled(cancel_requested_);
            if (ImGui::Button(cancel_requested_ ? "Cancelling\xE2\x80\xA6##export" : "Cancel##export")) {
                cancel_requested_ = true;
                platform::cancel_export();
            }
            ImGui::EndDisabled();
        }
        ImGui::EndPopup();
    }
}

// [SECTION] The picture dialog's sizes, and the dialog as the mirror's form ---------------------------

void Exports::measure(const ViewContext& ctx) {
    // The size the picture will have: the whole map or grid, not the part on screen (made again
    // only when the choice or the document changes).
    if (sized_ && sized_subject_ == subject_ && sized_journey_ == journey_ && sized_revision_ == ctx.revision) return;
    const Picture p = make_picture(ctx, subject_, journey_);
    sized_ = true, sized_subject_ = subject_, sized_journey_ = journey_, sized_revision_ = ctx.revision;
    sized_width_ = p.svg.width, sized_height_ = p.svg.height;
}

bool Exports::too_large() const {
    if (format_ != Format::png) return false;
    const double w = std::ceil(sized_width_ * scale_), h = std::ceil(sized_height_ * scale_);
    return w > kPngMaxSide || h > kPngMaxSide || w * h > kPngMaxPixels;
}

std::string Exports::size_text() const {
    if (format_ == Format::svg)
        return with_thousands(sized_width_) + " \xC3\x97 " + with_thousands(sized_height_) + " units; text stays text";
    const std::string size = with_thousands(std::ceil(sized_width_ * scale_)) + " \xC3\x97 " + with_thousands(std::ceil(sized_height_ * scale_)) + " pixels";
    if (!too_large()) return size;
    return size + " is more than a PNG can hold here (at most 32,768 pixels a side and 200 million in all). Choose a smaller scale, or export SVG.";
}

std::string Exports::mirror_form(const ViewContext& ctx) {
    const Journey* j = find_by_id(ctx.ws.journeys, journey_);
    if (!j) subject_ = Subject::framework;
    measure(ctx);
    MirrorForm f("Export picture", "picture", "set", "export-picture");
    std::vector<FormOption> subjects;
    if (j) subjects.push_back({"journey", "This journey map: " + j->title});
    subjects.push_back({"framework", "The whole framework"});
    f.choice("subject", "Picture of", subjects, subject_ == Subject::journey ? "journey" : "framework");
    f.choice("format", "As", {{"png", "PNG image"}, {"svg", "SVG vector"}}, format_ == Format::png ? "png" : "svg");
    if (format_ == Format::png) {
        std::vector<FormOption> scales;
        for (int k = 1; k <= 4; ++k) scales.push_back({std::to_string(k), std::to_string(k) + "\xC3\x97"});
        f.choice("scale", "Scale", scales, std::to_string(scale_));
    }
    f.note(size_text());
    f.button("export", format_ == Format::png ? "Export PNG" : "Export SVG", too_large() || running_);
    return std::move(f).done();
}

std::string Exports::mirror_action(const ViewContext& ctx, std::string_view name, std::string_view value) {
    if (name == "subject") {
        subject_ = value == "journey" && find_by_id(ctx.ws.journeys, journey_) ? Subject::journey : Subject::framework;
    } else if (name == "format") {
        format_ = value == "svg" ? Format::svg : Format::png;
    } else if (name == "scale") {
        if (value.size() != 1 || value[0] < '1' || value[0] > '4') return mirror_reply(false, "a scale is from 1 to 4");
        scale_ = value[0] - '0';
    } else if (name == "export") {
        measure(ctx);
        if (running_) return mirror_reply(false, "a PNG is being made; wait for it or cancel it");
        if (too_large()) return mirror_reply(false, "the picture is too large for a PNG at this scale; choose a smaller one, or SVG");
        start(ctx);   // the status line (the live region) says how it went
        progress_in_page_ = running_;   // a PNG: its progress in the page's dialog
        return mirror_close();
    } else {
        return mirror_reply(false, "there is no such field");
    }
    // The size, the scale row and the button follow the choice: the form is made again.
    return mirror_form(ctx);
}

void Exports::update_progress_page() {
    if (!running_) {
        progress_in_page_ = false;
        progress_sent_.clear();
        platform::ask_done(kProgressView);
        return;
    }
    MirrorForm f("Exporting a picture", "", "export", kProgressView);
    f.note(total_ > 0 ? "Drawing " + running_name_ + ": " + std::to_string(done_) + " of " + std::to_string(total_) + " parts"
                      : "Drawing " + running_name_ + ": preparing\xE2\x80\xA6");
    f.button("cancel", cancel_requested_ ? "Cancelling\xE2\x80\xA6" : "Cancel", cancel_requested_);
    f.question("cancel");
    std::string form = std::move(f).done();
    if (form == progress_sent_) return;
    progress_sent_ = std::move(form);
    platform::ask(progress_sent_);
}

std::string Exports::progress_answer(std::string_view name) {
    if (name != "cancel") return mirror_reply(false, "there is no such field");
    if (!running_) return mirror_close();
    if (!cancel_requested_) {
        cancel_requested_ = true;
        platform::cancel_export();
    }
    return mirror_reply(true);   // the dialog says "Cancelling…" until the page stops, then closes
}

void Exports::progress(const protocol::ExportProgress& progress, UiState& ui) {
    done_ = progress.done;
    total_ = progress.total;
    ui.redraw(1);
}

std::string Exports::finished(const protocol::ExportFinished& outcome, UiState& ui) {
    running_ = false;
    ui.redraw(3);
    if (outcome.ok) {
        last_kind_ = "png", last_name_ = running_name_;
        last_width_ = outcome.width, last_height_ = outcome.height, last_bytes_ = outcome.bytes;
        ui.message = "Exported " + running_name_ + " (" + with_thousands(last_width_) + " \xC3\x97 " + with_thousands(last_height_) + " pixels)";
        ui.message_is_error = false;
        return protocol::Reply::ok().with("message", ui.message).str();
    }
    if (outcome.cancelled) {
        ui.message = "The PNG export was cancelled; nothing was downloaded.";
        ui.message_is_error = false;
        return protocol::Reply::failed(ui.message).with("cancelled", true).str();
    }
    const std::string why = outcome.error.empty() ? "no answer from the page" : outcome.error;
    ui.message = "The PNG could not be made (" + why + "). Try a smaller scale, or export SVG.";
    ui.message_is_error = true;
    return protocol::Reply::failed(ui.message).str();
}

void Exports::write_stats(json::Writer& w) const {
    w.key("export").begin();
    w.field("running", running_).field("done", static_cast<double>(done_)).field("total", static_cast<double>(total_));
    w.field("cancelling", cancel_requested_ && running_);
    w.field("dialog", dialog_open_).field("tooLarge", dialog_open_ && dialog_too_large_).field("pixels", dialog_pixels_);
    w.field("kind", last_kind_).field("name", last_name_);
    w.field("width", last_width_).field("height", last_height_).field("bytes", last_bytes_);
    w.end();
}

}  // namespace wm::ui
