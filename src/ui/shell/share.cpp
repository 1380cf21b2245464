#include "ui/shell/share.hpp"

#include <algorithm>
#include <memory>

#include "io/file_format.hpp"
#include "io/share_link.hpp"
#include "platform/platform.hpp"
#include "ui/kit/mirror_form.hpp"

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

// The questions are the page's dialogs (platform::ask), for everyone: a screen reader reads them, and
// the mouse and the keyboard answer them alike. They are sent from the frame, after the message that
// raised them has been answered.
void ShareLinks::update() {
    if (open_dialog_ && pending_) {
        MirrorForm f("Shared workspace", "", "share", kAskView);
        f.note("Open the shared workspace \xE2\x80\x9C" + pending_name_ + "\xE2\x80\x9D?");
        f.note("It will be added as a new document; your documents are not changed.");
        f.button("open", "Open it");
        f.button("not-now", "Not now");
        f.question("not-now");
        platform::ask(std::move(f).done());
    }
    open_dialog_ = false;
    if (open_manual_) {
        MirrorForm f("Share link", "", "share", kManualView);
        f.note("The browser did not let Waymark copy the link. Select it and copy it (Ctrl+A, then Ctrl+C):");
        f.copyable("link", "Share link", manual_url_);
        f.button("close", "Close");
        f.question("close");
        platform::ask(std::move(f).done());
    }
    open_manual_ = false;
}

std::string ShareLinks::answer(std::string_view view, std::string_view name, UiState& ui, const std::function<void(Workspace)>& open) {
    const std::string closed = protocol::Reply::ok().with("close", true).str();
    ui.redraw(3);
    if (view == kManualView) {   // the link dialog closed
        manual_url_.clear();
        return closed;
    }
    if (!pending_) return protocol::Reply::failed("no shared workspace is waiting").str();
    if (name == "open") {
        auto w = std::make_shared<Workspace>(std::move(*pending_));
        pending_.reset();
        // After the next frame: the document is replaced between frames, not while it is drawn.
        ui.deferred.push_back([&ui, open, title = pending_name_, w]() mutable {
            open(std::move(*w));
            platform::forget_share_link();
            ui.message = io::share_opened_message(title);
            ui.message_is_error = false;
        });
        return closed;
    }
    if (name != "not-now") return protocol::Reply::failed("not an answer").str();
    pending_.reset();
    ui.message = "The shared workspace was not opened; the link still works later.";
    ui.message_is_error = false;
    return closed;
}

void ShareLinks::write_stats(json::Writer& w) const {
    w.key("share").begin();
    w.field("pending", pending_.has_value()).field("name", pending_ ? pending_name_ : std::string());
    w.field("manual", !manual_url_.empty());
    w.end();
}

}  // namespace wm::ui
