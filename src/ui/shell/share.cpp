#include "ui/shell/share.hpp"

#include <algorithm>
#include <memory>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "io/file_format.hpp"
#include "io/share_link.hpp"
#include "platform/platform.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {

void ShareLinks::request(const std::string& export_json) { platform::share_link(export_json, io::kShareLinkMaxChars); }

std::string ShareLinks::finished(const protocol::ShareMade& made, UiState& ui) {
    const std::size_t bytes = made.bytes > 0 ? static_cast<std::size_t>(made.bytes) : 0;
    ui.message_is_error = true;
    if (made.ok) {
        const std::string& url = made.url;
        ui.message = made.copied ? io::share_copied_message(url.size()) : io::share_not_copied_message(url.size());
        ui.message_is_error = !made.copied;
        if (!made.copied) {
            manual_url_ = url;
            open_manual_ = true;
        }
        ui.redraw(3);
        return protocol::Reply::ok()
            .with("url", url)
            .with("bytes", static_cast<double>(bytes))
            .with("chars", static_cast<double>(url.size()))
            .with("copied", made.copied)
            .with("message", ui.message)
            .str();
    }
    if (made.too_large)
        ui.message = io::share_too_large_message(bytes, io::share_capacity_bytes(made.prefix > 0 ? static_cast<std::size_t>(made.prefix) : 0));
    else
        ui.message = "Waymark could not make a share link: this browser cannot compress data for links (" +
                     (made.error.empty() ? std::string("no answer") : made.error) + "). Use File \xE2\x80\xBA Export to share it as a file.";
    ui.redraw(2);
    return protocol::Reply::failed(ui.message).with("bytes", static_cast<double>(bytes)).str();
}

std::string ShareLinks::received(const protocol::ShareOpened& opened, UiState& ui) {
    io::LoadResult loaded;
    if (opened.text) loaded = io::import_json(*opened.text);
    ui.redraw(3);
    if (!loaded) {
        // Whatever broke (base64, compression, the file inside), the user can do the same about it.
        ui.message = io::share_damaged_message();
        ui.message_is_error = true;
        return protocol::Reply::failed(ui.message).with("detail", opened.text ? loaded.error : opened.error).str();
    }
    pending_name_ = loaded.workspace->name.empty() ? "Untitled workspace" : loaded.workspace->name;
    platform::note_text(pending_name_);
    pending_ = std::move(loaded.workspace);
    open_dialog_ = true;
    return protocol::Reply::ok().with("name", pending_name_).str();
}

void ShareLinks::draw(UiState& ui, const std::function<void(Workspace)>& open) {
    if (open_dialog_) {
        open_dialog_ = false;
        ImGui::OpenPopup("Shared workspace##share ask");
    }
    if (open_manual_) {
        open_manual_ = false;
        ImGui::OpenPopup("Share link##share manual");
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Shared workspace##share ask", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::IsWindowAppearing()) ui.redraw(3);
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::Text("Open the shared workspace \xE2\x80\x9C%s\xE2\x80\x9D?", pending_name_.c_str());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted),
                           "It will be added as a new document; your documents are not changed.");
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("Open it") && pending_) {
            Workspace ws = std::move(*pending_);
            pending_.reset();
            const std::string name = pending_name_;
            ImGui::CloseCurrentPopup();
            // After this frame: the document is replaced between frames, not while it is drawn.
            ui.deferred.push_back([&ui, open, name, w = std::make_shared<Workspace>(std::move(ws))]() mutable {
                open(std::move(*w));
                platform::forget_share_link();
                ui.message = io::share_opened_message(name);
                ui.message_is_error = false;
            });
        }
        ImGui::SameLine();
        if (ImGui::Button("Not now") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            pending_.reset();
            ImGui::CloseCurrentPopup();
            ui.message = "The shared workspace was not opened; the link still works later.";
            ui.message_is_error = false;
        }
        ImGui::EndPopup();
    }
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Share link##share manual", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextUnformatted("Select the link and copy it (Ctrl+A, then Ctrl+C):");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32);
        ImGui::InputText("##share link text", &manual_url_, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
        if (ImGui::Button("Close##share manual")) {
            manual_url_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void ShareLinks::write_stats(json::Writer& w) const {
    w.key("share").begin();
    w.field("pending", pending_.has_value()).field("name", pending_ ? pending_name_ : std::string());
    w.field("manual", !manual_url_.empty());
    w.end();
}

}  // namespace wm::ui
