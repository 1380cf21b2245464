// Live co-editing with a team (issue 16): File › Share with team… connects the open workspace to a
// room on the team server of the page's own origin (scripts/team-server); File › Copy team link gives
// the address (…#team=<room>) that opens the same dialog for others, the room filled in. The token
// is remembered in this browser once the server took it (per server: preferences are per origin). The page's live
// module (web/live.js: Yjs over Hocuspocus) carries records; this class decides what they mean:
//   - after every change of the document it stamps (io::stamp with this session's replica) and
//     hands the page the records the room lacks (io::records_since against what it knows of the
//     room), so edits made offline are kept in the engine's document and sent on reconnect;
//   - records from the room are read as hostile input (io::room_records), merged with
//     io::merge_records and applied with Document::apply_remote (no undo step of someone else's;
//     my own history is rebuilt as records by live::TeamRebaser, so undo takes back only my edits);
//     anything the merge kept of ours that the room lacks is written back;
//   - a room that holds another workspace opens it as a new stored document (joining).
// The design, the wire model and its limits: docs/design.md, "Live co-editing".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "edit/history.hpp"
#include "io/stamp.hpp"
#include "platform/protocol.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {

class LiveSession {
public:
    enum class State { off, connecting, connected, offline, refused };

    [[nodiscard]] bool running() const { return state_ == State::connecting || state_ == State::connected || state_ == State::offline; }
    void open_dialog(const Workspace& ws);
    // The page was opened with a team link: the dialog, the room filled in (nothing is sent until
    // the user says Connect).
    std::string open_link(const protocol::TeamLink& m, const Workspace& ws, UiState& ui);
    void copy_link(UiState& ui) const;
    // Who else is here: a coloured disc with initials each, at the right end of the menu bar.
    void draw_peers() const;
    void leave(UiState& ui);
    // The dialog (File › Share with team…).
    void draw_dialog(const Workspace& ws, UiState& ui);
    // The same dialog as the mirror's form (from the page's menubar): the workspace's name on the
    // server, your name, the team token (a password field), Connect (dimmed, and saying why, while
    // the name is not one). Each field answers with the form again.
    std::string dialog_form(const Workspace& ws);
    std::string dialog_action(const Workspace& ws, UiState& ui, std::string_view name, std::string_view value);
    // After the frame's commands were applied: stamp and send what changed; tell where we are.
    void after_frame(edit::Document& doc, UiState& ui);
    // The page's messages.
    std::string status(const protocol::TeamStatus& m, UiState& ui);
    std::string records(const protocol::TeamRecords& m, edit::Document& doc, UiState& ui,
                        const std::function<void(Workspace)>& open_new);
    // One line for the status bar ("" when no session), and whether it is bad news.
    [[nodiscard]] std::string status_text() const;
    [[nodiscard]] bool status_is_problem() const { return state_ == State::refused || state_ == State::offline; }
    void write_stats(json::Writer& w) const;

private:
    void publish(edit::Document& doc);
    void connect(const Workspace& ws, UiState& ui);   // with the dialog's fields

    State state_ = State::off;
    std::string room_, name_, token_, error_;
    std::string link_;                 // the page's address for this room (…#team=<room>)
    Id workspace_;                     // the workspace the session shares
    io::Replica replica_;              // this session's replica (its writer id in the room)
    VersionVector room_versions_;      // every stamp read from or written to the room
    std::uint64_t stamped_revision_ = ~std::uint64_t{0};
    bool synced_ = false;              // the room was read whole once
    int pending_ = 0;
    std::vector<protocol::TeamPeer> peers_;
    std::string presence_;             // the presence last told to the others (JSON: journey, selection)
    std::size_t received_ = 0, sent_ = 0;   // records, for the test hook
    // The dialog's fields.
    bool open_dialog_ = false;
    std::string room_field_, name_field_, token_field_;
};

}  // namespace wm::ui
