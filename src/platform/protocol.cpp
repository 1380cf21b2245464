// Reading the page's messages and writing the app's replies (protocol.hpp lists them).
#include "platform/protocol.hpp"

#include <rapidjson/document.h>

#include <cstdio>

#include "ui/kit/json_text.hpp"

namespace wm::protocol {
namespace {

// The most ids of another person's selection drawn on the map (a Select all of a big journey is
// outlined by its first ones).
constexpr std::size_t kMaxPeerSelection = 500;

std::string text_of(const rapidjson::Value& v, const char* key) {
    const auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : std::string();
}
double number_of(const rapidjson::Value& v, const char* key) {
    const auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : 0.0;
}
bool flag_of(const rapidjson::Value& v, const char* key) {
    const auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

// A JSON object, or nothing.
std::optional<rapidjson::Document> object(std::string_view text) {
    rapidjson::Document d;
    d.Parse(text.data(), text.size());
    if (d.HasParseError() || !d.IsObject()) return std::nullopt;
    return d;
}

// Files arrive as one line of JSON ({purpose, name} or {name}), a line break, then the file's text
// as it is — not inside the JSON, so a 16 MB file is not escaped, copied and parsed again.
struct FileParts {
    rapidjson::Document head;
    std::string_view text;
};
std::optional<FileParts> file_parts(std::string_view message) {
    const std::size_t line_end = message.find('\n');
    if (line_end == std::string_view::npos) return std::nullopt;
    auto head = object(message.substr(0, line_end));
    if (!head) return std::nullopt;
    return FileParts{std::move(*head), message.substr(line_end + 1)};
}

}  // namespace

ReadMessage read_page_message(std::string_view name, std::string_view text) {
    const auto not_json = [&] { return ReadMessage{std::nullopt, std::string(name) + ": the message is not what the app expects"}; };
    if (name == "leaving") return ReadMessage{Leaving{}, {}};
    if (name == "storageEvent") return ReadMessage{StorageEvent{std::string(text)}, {}};
    if (name == "fileChosen" || name == "fileOpened") {
        auto parts = file_parts(text);
        if (!parts) return not_json();
        if (name == "fileOpened")
            return ReadMessage{FileOpened{text_of(parts->head, "name"), flag_of(parts->head, "dropped"), parts->text}, {}};
        const std::string purpose = text_of(parts->head, "purpose");
        if (purpose.empty()) return not_json();
        return ReadMessage{FileChosen{purpose, text_of(parts->head, "name"), parts->text}, {}};
    }
    if (name == "teamRecords") {
        auto parts = file_parts(text);
        if (!parts) return not_json();
        return ReadMessage{TeamRecords{flag_of(parts->head, "whole"), text_of(parts->head, "workspace"), parts->text}, {}};
    }
    const auto d = object(text);
    if (!d) return not_json();
    if (name == "teamStatus") {
        TeamStatus m;
        m.state = text_of(*d, "state");
        m.error = text_of(*d, "error");
        m.pending = static_cast<int>(number_of(*d, "pending"));
        m.link = text_of(*d, "link");
        const auto it = d->FindMember("peers");
        if (it != d->MemberEnd() && it->value.IsArray())
            for (const auto& p : it->value.GetArray())
                if (p.IsObject()) {
                    TeamPeer peer{text_of(p, "name"), text_of(p, "colour"), text_of(p, "journey"), text_of(p, "journeyId"), {}};
                    const auto sel = p.FindMember("selection");
                    if (sel != p.MemberEnd() && sel->value.IsArray())
                        for (const auto& id : sel->value.GetArray())
                            if (id.IsString() && peer.selection.size() < kMaxPeerSelection) peer.selection.emplace_back(id.GetString(), id.GetStringLength());
                    m.peers.push_back(std::move(peer));
                }
        return ReadMessage{m, {}};
    }
    if (name == "teamLink") return ReadMessage{TeamLink{text_of(*d, "room")}, {}};
    if (name == "mirrorCell")
        return ReadMessage{MirrorCell{text_of(*d, "journey"), text_of(*d, "lane"), text_of(*d, "step"), flag_of(*d, "activate"), text_of(*d, "card")}, {}};
    if (name == "mirrorMenu") {
        MirrorMenu m;
        const auto path = d->FindMember("path");
        if (path != d->MemberEnd() && path->value.IsArray())
            for (const auto& p : path->value.GetArray())
                if (p.IsString() && m.path.size() < 4) m.path.emplace_back(p.GetString(), p.GetStringLength());
        return ReadMessage{m, {}};
    }
    if (name == "mirrorScan")
        return ReadMessage{MirrorScan{static_cast<int>(number_of(*d, "question")), static_cast<int>(number_of(*d, "stage")), flag_of(*d, "save")}, {}};
    if (name == "mirrorRow")
        return ReadMessage{MirrorRow{text_of(*d, "view"), text_of(*d, "id"), text_of(*d, "action"), text_of(*d, "child"), text_of(*d, "stage"), text_of(*d, "step"),
                                     text_of(*d, "text")}, {}};
    if (name == "shareMade") {
        ShareMade m;
        m.ok = flag_of(*d, "ok");
        m.url = text_of(*d, "url");
        m.bytes = number_of(*d, "bytes");
        m.copied = flag_of(*d, "copied");
        m.too_large = flag_of(*d, "tooLarge");
        m.prefix = number_of(*d, "prefix");
        m.error = text_of(*d, "error");
        if (m.ok && m.url.empty()) m.ok = false;
        return ReadMessage{m, {}};
    }
    if (name == "shareOpened") {
        ShareOpened m;
        const auto it = d->FindMember("text");
        if (it != d->MemberEnd() && it->value.IsString()) m.text = std::string(it->value.GetString(), it->value.GetStringLength());
        m.error = text_of(*d, "error");
        return ReadMessage{m, {}};
    }
    if (name == "exportProgress")
        return ReadMessage{ExportProgress{static_cast<int>(number_of(*d, "done")), static_cast<int>(number_of(*d, "total"))}, {}};
    if (name == "exportFinished") {
        ExportFinished m;
        m.ok = flag_of(*d, "ok");
        m.cancelled = flag_of(*d, "cancelled");
        m.width = number_of(*d, "width");
        m.height = number_of(*d, "height");
        m.bytes = number_of(*d, "bytes");
        m.tiles = number_of(*d, "tiles");
        m.error = text_of(*d, "error");
        return ReadMessage{m, {}};
    }
    return ReadMessage{std::nullopt, "there is no page message called " + std::string(name)};
}

Reply Reply::ok() {
    Reply r;
    r.body_ = R"({"ok":true)";
    return r;
}

Reply Reply::failed(std::string_view error) {
    Reply r;
    r.body_ = R"({"ok":false)";
    return r.with("error", error);
}

Reply& Reply::with(std::string_view key, std::string_view value) {
    body_.push_back(',');
    ui::json::append_string(body_, key);
    body_.push_back(':');
    ui::json::append_string(body_, value);
    return *this;
}

Reply& Reply::with(std::string_view key, double value) {
    body_.push_back(',');
    ui::json::append_string(body_, key);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ":%.17g", value);
    body_ += buffer;
    return *this;
}

Reply& Reply::with(std::string_view key, bool value) {
    body_.push_back(',');
    ui::json::append_string(body_, key);
    body_ += value ? ":true" : ":false";
    return *this;
}

}  // namespace wm::protocol
