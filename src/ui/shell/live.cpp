// Live co-editing with a team: see live.hpp.
#include "ui/shell/live.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "io/history_json.hpp"
#include "io/merge.hpp"
#include "live/team_undo.hpp"
#include "model/words.hpp"
#include "platform/platform.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {

// A room name the server accepts ([A-Za-z0-9._-], starting with a letter or digit), from a name.
std::string room_from(std::string_view name) {
    std::string out;
    for (const char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!out.empty() && out.back() != '-') out.push_back('-');
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "workspace" : out;
}

bool valid_room(const std::string& room) {
    if (room.empty() || room.size() > 100 || !std::isalnum(static_cast<unsigned char>(room[0]))) return false;
    for (const char c : room)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

bool has_records(const std::string& records_json) { return records_json.find("\"records\":[]") == std::string::npos; }

// A person's colour, the same in every browser (from the name; nothing to agree on). Each takes white
// initials at >= 4.5:1.
ImU32 peer_colour(std::string_view name) {
    static constexpr ImU32 kColours[] = {IM_COL32(0x2E, 0x5A, 0xAC, 255), IM_COL32(0x1E, 0x7F, 0x4F, 255), IM_COL32(0xA3, 0x36, 0x1C, 255),
                                         IM_COL32(0x7A, 0x3E, 0x9D, 255), IM_COL32(0x8A, 0x52, 0x00, 255), IM_COL32(0x0F, 0x6E, 0x7A, 255),
                                         IM_COL32(0xB0, 0x24, 0x6A, 255), IM_COL32(0x4A, 0x55, 0x68, 255)};
    std::uint32_t h = 2166136261u;
    for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return kColours[h % (sizeof kColours / sizeof kColours[0])];
}

// What this user shows the others: the journey open (title and id) and what is selected on it (the
// first 500 ids: the others read no more, and this runs after every drawn frame).
std::string presence_json(const Workspace& ws, const UiState& ui) {
    constexpr std::size_t kMaxShared = 500;
    json::Writer w;
    w.begin();
    const Journey* j = ui.place.view == "journey" ? find_by_id(ws.journeys, ui.place.id) : nullptr;
    w.field("journey", j ? j->title : std::string()).field("journeyId", j ? j->id.str() : std::string());
    std::string ids = "[";
    const auto add = [&](Id id) {
        if (ids.size() > 1) ids.push_back(',');
        json::append_string(ids, id.str());
    };
    const MapSelection& sel = ui.map.sel;
    if (j && ui.map.journey == j->id) {
        if (sel.kind == MapSelection::Kind::cards)
            for (std::size_t i = 0; i < std::min(sel.cards.size(), kMaxShared); ++i) add(sel.cards[i]);
        else if (sel.kind == MapSelection::Kind::step || sel.kind == MapSelection::Kind::stage || sel.kind == MapSelection::Kind::lane)
            add(sel.id);
    }
    ids.push_back(']');
    w.raw("selection", ids);
    w.end();
    return w.str();
}

// "Anna Berg" → "AB", "ben" → "B": the first letter of the first two words (UTF-8 kept whole).
std::string initials(std::string_view name) {
    std::string out;
    int letters = 0;
    bool word_start = true;
    for (std::size_t i = 0; i < name.size() && letters < 2;) {
        const auto c = static_cast<unsigned char>(name[i]);
        const std::size_t len = std::min(name.size() - i, std::size_t{c < 0x80 ? 1u : (c >> 5) == 0x6 ? 2u : (c >> 4) == 0xE ? 3u : 4u});
        if (c == ' ') {
            word_start = true;
        } else if (word_start) {
            out += len == 1 ? std::string(1, static_cast<char>(std::toupper(c))) : std::string(name.substr(i, len));
            ++letters;
            word_start = false;
        }
        i += len;
    }
    return out.empty() ? "?" : out;
}
}  // namespace

void LiveSession::open_dialog(const Workspace& ws) {
    if (room_field_.empty()) room_field_ = room_from(ws.name);
    if (name_field_.empty()) name_field_ = platform::preference("team.name");
    if (token_field_.empty()) token_field_ = platform::preference("team.token");
    open_dialog_ = true;
}

std::string LiveSession::open_link(const protocol::TeamLink& m, const Workspace& ws, UiState& ui) {
    if (!valid_room(m.room)) {
        ui.message = "This team link names no workspace Waymark can open (\xE2\x80\x9C" + shortened(m.room, 100) + "\xE2\x80\x9D).";
        ui.message_is_error = true;
        return protocol::Reply::failed("not a room name").str();
    }
    if (running() && room_ == m.room) return protocol::Reply::ok().with("already", true).str();
    room_field_ = m.room;
    open_dialog(ws);
    ui.redraw(2);
    return protocol::Reply::ok().str();
}

void LiveSession::copy_link(UiState& ui) const {
    if (link_.empty()) {
        ui.message = "The team link is there once the session is connected.";
        ui.message_is_error = true;
        return;
    }
    platform::set_clipboard(link_);
    ui.message = "Copied the team link " + link_ + " \xE2\x80\x94 whoever opens it on this server joins this workspace (they need the team token once).";
    ui.message_is_error = false;
}

void LiveSession::draw_peers() const {
    if (!running() || peers_.empty()) return;
    const float d = ImGui::GetFrameHeight() - 2.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;   // the menu bar lays items out in a row
    const std::size_t shown = std::min<std::size_t>(peers_.size(), 8);
    const float width = static_cast<float>(shown) * (d + gap) + (peers_.size() > shown ? ImGui::CalcTextSize("+99").x + gap : 0.0f);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX() + 16.0f, ImGui::GetWindowContentRegionMax().x - width - 8.0f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < shown; ++i) {
        const protocol::TeamPeer& p = peers_[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton("##peer", ImVec2(d, d));
        const ImVec2 centre(at.x + d / 2, at.y + d / 2);
        dl->AddCircleFilled(centre, d / 2, peer_colour(p.name));
        const std::string letters = initials(p.name);
        const ImVec2 size = ImGui::CalcTextSize(letters.c_str());
        dl->AddText(ImVec2(centre.x - size.x / 2, centre.y - size.y / 2), IM_COL32_WHITE, letters.c_str());
        const std::string where = p.journey.empty() ? std::string("not on a journey map") : "on \xE2\x80\x9C" + p.journey + "\xE2\x80\x9D";
        ImGui::SetItemTooltip("%s \xE2\x80\x94 %s", p.name.empty() ? "Someone" : p.name.c_str(), where.c_str());
        expose_rect("peer " + p.name, ItemRect{at.x, at.y, d, d});
        ImGui::PopID();
    }
    if (peers_.size() > shown) ImGui::Text("+%d", static_cast<int>(peers_.size() - shown));
}

void LiveSession::leave(UiState& ui) {
    if (state_ == State::off) return;
    platform::team_close();
    state_ = State::off;
    peers_.clear();
    ui.map.peers.clear();
    pending_ = 0;
    ui.message = "You left the team session; this copy keeps everything and works on its own.";
    ui.message_is_error = false;
}

void LiveSession::draw_dialog(const Workspace& ws, UiState& ui) {
    if (open_dialog_) {
        ImGui::OpenPopup("Share with team###team live");
        open_dialog_ = false;
    }
    if (!ImGui::BeginPopupModal("Share with team###team live", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::TextWrapped("Everyone who opens the same workspace on this team server sees every edit live. The first to use a name "
                       "puts the workspace they have open on the server; the others get it.");
    ImGui::TextDisabled("Server: the one this page came from (scripts/team-server)");
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("Workspace on the server", &room_field_);
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("Your name", &name_field_);
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("Team token", &token_field_, ImGuiInputTextFlags_Password);
    const bool ok = valid_room(room_field_);
    if (!ok) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "A workspace name uses letters, digits, '.', '_' and '-'.");
    ImGui::BeginDisabled(!ok);
    if (ImGui::Button("Connect##team")) {
        connect(ws, ui);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##team") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

std::string LiveSession::dialog_form(const Workspace& ws) {
    open_dialog(ws);
    open_dialog_ = false;   // the page's dialog, not the canvas's popup
    MirrorForm f("Share with team", "", "team", "team");
    f.note("Everyone who opens the same workspace on this team server sees every edit live. The first to use a name "
           "puts the workspace they have open on the server; the others get it. Server: the one this page came from.");
    f.text("room", "Workspace on the server (letters, digits, '.', '_' and '-')", room_field_);
    f.text("name", "Your name", name_field_);
    f.secret("token", "Team token", token_field_);
    f.button("connect", "Connect", !valid_room(room_field_));
    return std::move(f).done();
}

std::string LiveSession::dialog_action(const Workspace& ws, UiState& ui, std::string_view name, std::string_view value) {
    if (name == "room") room_field_ = std::string(value);
    else if (name == "name") name_field_ = std::string(value);
    else if (name == "token") token_field_ = std::string(value);
    else if (name == "connect") {
        if (!valid_room(room_field_)) return mirror_reply(false, "a workspace name uses letters, digits, '.', '_' and '-'");
        connect(ws, ui);   // the status bar and the live region say how it goes
        return mirror_close();
    } else {
        return mirror_reply(false, "there is no such field");
    }
    // The form again: Connect follows whether the name is one.
    const bool open = open_dialog_;
    std::string form = dialog_form(ws);
    open_dialog_ = open;
    return form;
}

void LiveSession::connect(const Workspace& ws, UiState& ui) {
    room_ = room_field_;
    name_ = name_field_;
    token_ = token_field_;
    platform::set_preference("team.name", name_);
    workspace_ = ws.id;
    replica_ = io::Replica{io::new_replica_id(), 0};
    room_versions_.clear();
    stamped_revision_ = ~std::uint64_t{0};
    synced_ = false;
    received_ = sent_ = 0;
    presence_.clear();
    error_.clear();
    link_.clear();
    state_ = State::connecting;
    json::Writer w;
    w.begin().field("room", room_).field("token", token_).field("writer", io::detail::replica_text(replica_.id));
    w.field("workspace", ws.id.str()).field("name", name_).end();
    platform::team_connect(w.str());
    ui.message.clear();
}

void LiveSession::publish(edit::Document& doc) {
    const VersionVector& mine = doc.workspace().merge.versions;
    const std::string records = io::records_since(doc.workspace(), room_versions_);
    // The version vector goes out even without a record: it may know stamps whose records were all
    // superseded (a copy of the same workspace that joined the room), and copies converge only when
    // their vectors do.
    const bool news = !io::knows_all(room_versions_, mine);
    io::join_versions(room_versions_, mine);
    if (!has_records(records) && !news) return;
    platform::team_send(records);
    ++sent_;
}

void LiveSession::after_frame(edit::Document& doc, UiState& ui) {
    if (!running() || !synced_) return;
    if (doc.workspace().id != workspace_) {
        // Another document was opened: the session belonged to the one before.
        platform::team_close();
        state_ = State::off;
        peers_.clear();
        ui.map.peers.clear();
        return;
    }
    if (doc.revision() != stamped_revision_) {
        doc.stamp_with([&](Workspace& ws) { io::stamp(ws, replica_); });
        stamped_revision_ = doc.revision();
        publish(doc);
    }
    const std::string presence = presence_json(doc.workspace(), ui);
    if (presence != presence_) {
        presence_ = presence;
        platform::team_presence(presence);
    }
}

std::string LiveSession::status(const protocol::TeamStatus& m, UiState& ui) {
    if (state_ == State::off) return protocol::Reply::ok().str();
    if (m.state == "connected") {
        state_ = synced_ ? State::connected : State::connecting;
    }
    else if (m.state == "connecting") state_ = synced_ ? State::offline : State::connecting;
    else if (m.state == "offline") state_ = State::offline;
    else if (m.state == "refused") {
        state_ = State::refused;
        error_ = m.error.empty() ? "The team server refused this session." : m.error;
        if (platform::preference("team.token") == token_) platform::set_preference("team.token", "");   // never offer it again
        token_field_.clear();
        ui.message = error_;
        ui.message_is_error = true;
    }
    pending_ = m.pending;
    peers_ = m.peers;
    ui.map.peers.clear();
    for (const auto& p : peers_) {
        MapState::PeerSelection mark{p.name, peer_colour(p.name), Id::parse(p.journey_id).value_or(Id{}), {}};
        for (const auto& text : p.selection)
            if (const auto id = Id::parse(text)) mark.ids.push_back(*id);
        if (!mark.journey.is_nil() && !mark.ids.empty()) ui.map.peers.push_back(std::move(mark));
    }
    if (!m.link.empty()) link_ = m.link;
    ui.redraw(2);
    return protocol::Reply::ok().str();
}

std::string LiveSession::records(const protocol::TeamRecords& m, edit::Document& doc, UiState& ui,
                                 const std::function<void(Workspace)>& open_new) {
    if (!running()) return protocol::Reply::failed("no team session").str();
    const auto room_workspace = Id::parse(m.workspace);
    if (!room_workspace) return protocol::Reply::failed("the room names no workspace").str();
    // Our own changes are stamped before theirs are merged, so the merge sees them.
    if (doc.revision() != stamped_revision_ && synced_) {
        doc.stamp_with([&](Workspace& ws) { io::stamp(ws, replica_); });
        stamped_revision_ = doc.revision();
        publish(doc);
    }
    VersionVector known = room_versions_;
    const io::RoomRecords news = io::room_records(*room_workspace, m.entries, known);
    if (!news.error.empty()) {
        ui.message = news.error;
        ui.message_is_error = true;
        return protocol::Reply::failed(news.error).str();
    }
    if (*room_workspace != doc.workspace().id) {
        // Joining: the room holds a workspace this copy does not have open.
        if (!m.whole) return protocol::Reply::failed("records of another workspace").str();
        io::MergeResult joined = io::workspace_from_records(*room_workspace, news.records_json);
        if (!joined) {
            ui.message = joined.error;
            ui.message_is_error = true;
            leave(ui);
            return protocol::Reply::failed(joined.error).str();
        }
        room_versions_ = std::move(known);
        workspace_ = *room_workspace;
        open_new(std::move(*joined.workspace));
        ui.message = "Joined \xE2\x80\x9C" + doc.workspace().name + "\xE2\x80\x9D from the team server; it is also kept in this browser.";
        ui.message_is_error = false;
    } else if (news.records > 0 || !io::knows_all(doc.workspace().merge.versions, known)) {
        io::MergeResult merged = io::merge_records(doc.workspace(), news.records_json);
        if (!merged) {
            // A client sent something that does not fit: nothing changes here.
            ui.message = merged.error;
            ui.message_is_error = true;
            return protocol::Reply::failed(merged.error).str();
        }
        room_versions_ = std::move(known);
        live::TeamRebaser rebaser(replica_.id);
        doc.apply_remote(std::move(*merged.workspace), &rebaser);
        received_ += news.records;
        if (!merged.report.conflicts.empty()) {
            // Reported the way a file merge is: the Merge report window, one click to take the other value.
            // While the window shows the team's report, what arrives next is added to it (a burst of
            // changes from the team is one report, not the last piece of it).
            MergeState& report = ui.merge;
            ++report.merges;
            const std::size_t n = merged.report.conflicts.size();
            if (report.live && report.window_open) {
                io::MergeReport& r = report.report;
                for (auto& c : merged.report.conflicts) r.conflicts.push_back(std::move(c));
                r.entities.added += merged.report.entities.added;
                r.entities.changed += merged.report.entities.changed;
                r.entities.removed += merged.report.entities.removed;
                r.records.added += merged.report.records.added;
                r.records.changed += merged.report.records.changed;
                r.records.removed += merged.report.records.removed;
                report.taken.resize(r.conflicts.size(), 0);
            } else {
                report.source = "the team's changes";
                report.report = std::move(merged.report);
                report.taken.assign(report.report.conflicts.size(), 0);
                report.window_open = true;
                report.live = true;
            }
            ui.message = "Changes from the team met " + std::to_string(n) + (n == 1 ? " change" : " changes") +
                         " of yours to the same thing \xE2\x80\x94 see the Merge report.";
            ui.message_is_error = false;
        }
    } else {
        room_versions_ = std::move(known);
    }
    if (m.whole) {
        synced_ = true;
        // The server took the token (it sends nothing before): remembered for this server, asked once.
        if (platform::preference("team.token") != token_) platform::set_preference("team.token", token_);
        if (state_ == State::connecting) state_ = State::connected;
    }
    // The merge result carries its stamps: stamping it changes nothing, and what the room lacks goes.
    doc.stamp_with([&](Workspace& ws) { io::stamp(ws, replica_); });
    stamped_revision_ = doc.revision();
    publish(doc);
    ui.redraw(2);
    return protocol::Reply::ok().str();
}

std::string LiveSession::status_text() const {
    const std::string here = peers_.empty() ? std::string("nobody else here")
                                            : std::to_string(peers_.size()) + (peers_.size() == 1 ? " other here" : " others here");
    switch (state_) {
        case State::off: return {};
        case State::connecting: return "Team: connecting to \xE2\x80\x9C" + room_ + "\xE2\x80\x9D\xE2\x80\xA6";
        case State::connected:
            return "Live \xC2\xB7 " + here + (pending_ > 0 ? " \xC2\xB7 sending changes\xE2\x80\xA6" : " \xC2\xB7 all changes sent");
        case State::offline: return "Offline \xE2\x80\x94 changes are kept and will sync; reconnecting\xE2\x80\xA6";
        case State::refused: return "Team: " + error_;
    }
    return {};
}

void LiveSession::write_stats(json::Writer& w) const {
    static constexpr const char* kStates[] = {"off", "connecting", "connected", "offline", "refused"};
    w.key("team").begin();
    w.field("state", kStates[static_cast<int>(state_)]).field("room", room_).field("connected", state_ == State::connected);
    w.field("pending", static_cast<double>(pending_)).field("error", error_);
    w.field("received", static_cast<double>(received_)).field("sent", static_cast<double>(sent_)).field("link", link_);
    std::string peers = "[";
    for (const auto& p : peers_) {
        if (peers.size() > 1) peers.push_back(',');
        peers += "{\"name\":";
        json::append_string(peers, p.name);
        peers += ",\"journey\":";
        json::append_string(peers, p.journey);
        peers += ",\"selected\":" + std::to_string(p.selection.size());
        peers.push_back('}');
    }
    peers.push_back(']');
    w.raw("peers", peers);
    w.end();
}

}  // namespace wm::ui
