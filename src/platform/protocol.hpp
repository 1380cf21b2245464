// The messages between the page (web/app.js) and the app, one named struct each, read and written in
// one place (protocol.cpp). The page sends them through `wm_page_message(name, text)`; the app answers
// each with a reply the page may use. The test hook (window.waymark) is a separate entry,
// `wm_test_hook` (ui/shell/test_hook.cpp): these are the messages of the app in production.
//
// The same list, from the page's side, is in web/app.js under "messages between page and app".
//
//   name            from the page, when                        fields
//   shareMade       a share link was made (makeShareLink)      ok, url, bytes, copied | tooLarge, prefix | error
//   shareOpened     the page was opened with a share link      text | error
//   exportProgress  a part of a PNG was drawn (exportPng)      done, total
//   exportFinished  the PNG was made, cancelled or failed      ok, width, height, bytes, tiles | cancelled | error
//   fileChosen      a file the app asked for was picked        {purpose, name} as a line of JSON, then the text
//                   (purposes: "insights-csv", "merge")
//   fileOpened      a workspace file to open (import, drop)    {name, dropped?} as a line of JSON, then the text
//   leaving         the page is being hidden or closed         —
//   storageEvent    storage news (web/storage.js)              type, and per type: doc, writer, key, state
//   teamStatus      the live session's connection changed      state, error, pending, peers [{name, colour, journey}], link
//   teamLink        the page was opened with a team link       room
//                   (#team=<room>: File › Share with team…)
//   teamRecords     records arrived from the team's room       {whole, workspace} as a line of JSON, then a JSON list
//
// Parsing is forgiving where it costs nothing (a missing number is 0) and strict where it matters
// (an unknown name or a message that is not JSON is no message at all).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace wm::protocol {

struct ShareMade {
    bool ok = false;
    std::string url;
    double bytes = 0;               // compressed size
    bool copied = false;            // on the clipboard (else the app shows it to copy by hand)
    bool too_large = false;
    double prefix = 0;              // characters of the link before the data
    std::string error;
};
struct ShareOpened {
    std::optional<std::string> text;   // the workspace file the link held
    std::string error;                 // why it could not be unpacked
};
struct ExportProgress {
    int done = 0, total = 0;
};
struct ExportFinished {
    bool ok = false, cancelled = false;
    double width = 0, height = 0, bytes = 0, tiles = 0;
    std::string error;
};
struct FileChosen {
    std::string purpose;            // what the app asked for, e.g. "insights-csv"
    std::string name;
    std::string_view text;          // valid while the message is being handled
};
struct FileOpened {
    std::string name;
    bool dropped = false;           // dropped on the page: a copy of the open workspace asks "merge or open?"
    std::string_view text;          // valid while the message is being handled
};
struct Leaving {};
// Keyboard or screen-reader focus moved to a cell of the map's DOM mirror (web/mirror.js), or the
// cell was activated there (Enter or Space: what Enter on the canvas does); with `card`, focus moved
// to that card inside the cell (F2), or it was activated there (Enter: edit its text).
struct MirrorCell {
    std::string journey, lane, step;
    bool activate = false;
    std::string card;
};
// Keyboard or screen-reader focus moved to a row of a view's DOM mirror (the framework's treegrid),
// or the row was activated (Enter), expanded or collapsed there. action: "focus", "activate",
// "expand", "collapse"; "places" (where journey `child` may hang under journey `id`) and "move"
// (hang `child` under `id`: a lifecycle stage, or a journey at `stage` / `step`). On a page view
// (documents, compare: ui/kit/mirror_page.hpp) a button pressed or a field entered: the view's
// action on row `id` ("" on the page), with the field's `text`.
struct MirrorRow {
    std::string view, id, action;
    std::string child, stage, step;
    std::string text;
};
// The maturity scan's form in the DOM mirror: question `question` answered with stage 1..5, or
// (save) "Save scan" pressed.
struct MirrorScan {
    int question = -1, stage = 0;
    bool save = false;
};
// An entry of the menu bar activated in the DOM mirror's menubar: its path of labels (menu title,
// entry, and a submenu's entry).
struct MirrorMenu {
    std::vector<std::string> path;
};
struct StorageEvent {
    std::string json;               // read by the storage policy
};

// Live co-editing (ui/shell/live.hpp).
struct TeamPeer {
    std::string name, colour, journey;
    std::string journey_id;                 // the journey's id, "" when not on a map
    std::vector<std::string> selection;     // ids of what they have selected there
};
struct TeamStatus {
    std::string state;              // "connecting", "connected", "offline", "refused"
    std::string error;
    int pending = 0;                // local changes the server has not acknowledged yet
    std::vector<TeamPeer> peers;    // the others in the room
    std::string link;               // the address that opens this room for others (…#team=<room>)
};
struct TeamLink {
    std::string room;               // the room a team link names; the app asks before it connects
};
struct TeamRecords {
    bool whole = false;             // every entry of the room (the first sync), not just news
    std::string workspace;          // the id of the workspace the room holds
    std::string_view entries;       // a JSON list of records; valid while the message is being handled
};

using PageMessage = std::variant<ShareMade, ShareOpened, ExportProgress, ExportFinished, FileChosen, FileOpened, Leaving, StorageEvent,
                                 TeamStatus, TeamRecords, TeamLink, MirrorCell, MirrorRow, MirrorScan, MirrorMenu>;

// The message called `name` with its text, or why it is not one.
struct ReadMessage {
    std::optional<PageMessage> message;
    std::string error;
};
ReadMessage read_page_message(std::string_view name, std::string_view text);

// Replies: {"ok":true} with fields, or {"ok":false,"error":…}. Built with a small writer so that
// every reply is written the same way.
class Reply {
public:
    static Reply ok();
    static Reply failed(std::string_view error);
    Reply& with(std::string_view key, std::string_view value);
    Reply& with(std::string_view key, const char* value) { return with(key, std::string_view(value)); }
    Reply& with(std::string_view key, const std::string& value) { return with(key, std::string_view(value)); }
    Reply& with(std::string_view key, double value);
    Reply& with(std::string_view key, bool value);
    [[nodiscard]] std::string str() const { return body_ + "}"; }

private:
    std::string body_;
};

}  // namespace wm::protocol
