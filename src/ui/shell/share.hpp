// Share links in the app shell: File › Copy share link hands the export text to the page, which
// compresses it into a #share= link (web/app.js) and answers with the result; a link the page was
// opened with (or navigated to) arrives decompressed, is checked like an imported file and is only
// opened — as a new stored document — after the user says so in the page's dialog. The size limit and the
// messages are in io/share_link.hpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/model.hpp"
#include "platform/protocol.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

class ShareLinks {
public:
    // Ask the page to make a link of this export text; its answer comes back through finished().
    void request(const std::string& export_json);
    // The page's answer (see web/app.js makeShareLink); sets the status line. Returns the reply
    // waymark.shareLink() resolves with: {ok, url, bytes, chars, copied, message} or {ok:false, error}.
    std::string finished(const protocol::ShareMade& made, UiState& ui);
    // A link was opened: the decompressed workspace file, or why it could not be unpacked. Returns
    // {ok, name} or {ok:false, error}; nothing is opened until the user agrees in the dialog.
    std::string received(const protocol::ShareOpened& opened, UiState& ui);
    // Each frame: asks the page to show the question (open the shared workspace?) or, when the
    // clipboard was refused, the link to copy by hand, once each (page dialogs: platform::ask).
    void update();
    // The question's answer (mirrorRow of view kAskView: "open" or "not-now") or the link dialog's
    // closing (kManualView). `open` makes a workspace a new stored document. Returns the reply.
    std::string answer(std::string_view view, std::string_view name, UiState& ui, const std::function<void(Workspace)>& open);
    static constexpr std::string_view kAskView = "share-ask";
    static constexpr std::string_view kManualView = "share-link";
    void write_stats(json::Writer& w) const;

private:
    std::optional<Workspace> pending_;   // checked and waiting for the user's answer
    std::string pending_name_;
    bool open_dialog_ = false;           // open the ask dialog on the next draw
    std::string manual_url_;             // the link to copy by hand when the clipboard was refused
    bool open_manual_ = false;
};

}  // namespace wm::ui
