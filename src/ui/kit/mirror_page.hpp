// A view shown to screen readers as a page (issue 19; web/mirror.js draws it): headings, paragraphs,
// groups of buttons, and tables whose rows may carry buttons and a text field. For views whose jobs
// are actions on a short list (the documents) or a comparison to read (compare). Every button and
// field answers through one message, mirrorRow {view, id: its row ("" on the page), action, text}, that
// the shell hands to the view's own action function: the one its canvas buttons call too.
//
//   {"view": "documents", "title": "Documents", "page": [
//      {"h2": "New document"}, {"p": "Stored in this browser…"},
//      {"buttons": [{"action": "new-template", "label": "…", "disabled": false, "row": "service"}]},
//      {"table": {"caption": "…", "columns": ["Name", …, "Rename", "Actions"], "header": 0,
//                 "field": true, "actions": true, "rows": [
//         {"id": "<row>", "cells": ["Lumen Mobile", …],
//          "actions": [{"action": "open", "label": "Open", "disabled": false}],
//          "field": {"action": "rename", "label": "New name for “Lumen Mobile”", "value": "Lumen Mobile"}}]}}]}
//
// A button may also be a toggle ("pressed": true/false). A disabled button stays focusable (it is
// read as dimmed); pressing it says why, from the reply.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/kit/json_text.hpp"

namespace wm::ui {

struct MirrorButton {
    MirrorButton(std::string_view action_, std::string label_, bool disabled_ = false, std::optional<bool> pressed_ = std::nullopt,
                 std::string row_ = {})
        : action(action_), label(std::move(label_)), disabled(disabled_), pressed(pressed_), row(std::move(row_)) {}
    std::string_view action;
    std::string label;
    bool disabled = false;
    std::optional<bool> pressed;   // a toggle: on or off
    std::string row;               // a button on the page (not in a row): the id it sends, if any
};

struct MirrorField {
    std::string_view action;
    std::string label;
    std::string value;
};

class MirrorPage {
public:
    MirrorPage(std::string_view view, std::string_view title) {
        w_.begin().field("view", view).field("title", title).key("page").array();
    }
    void heading(std::string_view text) { w_.begin().field("h2", text).end(); }
    void text(std::string_view text) { w_.begin().field("p", text).end(); }
    void buttons(const std::vector<MirrorButton>& list) {
        w_.begin().key("buttons").array();
        for (const MirrorButton& b : list) button(b);
        w_.end_array().end();
    }
    // What a table's rows carry after their cells, each in a column of its own (named last in `columns`).
    enum class Controls { none, actions, field_and_actions };
    // header: the column whose cell names its row.
    void begin_table(std::string_view caption, std::initializer_list<std::string_view> columns, int header, Controls controls = Controls::none) {
        w_.begin().key("table").begin().field("caption", caption).field("header", static_cast<double>(header));
        w_.field("field", controls == Controls::field_and_actions).field("actions", controls != Controls::none);
        w_.raw("columns", strings(columns)).key("rows").array();
    }
    void row(std::string_view id, std::initializer_list<std::string_view> cells, const std::vector<MirrorButton>& actions = {},
             const std::optional<MirrorField>& field = std::nullopt) {
        w_.begin().field("id", id).raw("cells", strings(cells)).key("actions").array();
        for (const MirrorButton& b : actions) button(b);
        w_.end_array();
        if (field) w_.key("field").begin().field("action", field->action).field("label", field->label).field("value", field->value).end();
        w_.end();
    }
    void end_table() { w_.end_array().end().end(); }
    [[nodiscard]] std::string done() && {
        w_.end_array().end();
        return w_.str();
    }

private:
    void button(const MirrorButton& b) {
        w_.begin().field("action", b.action).field("label", b.label).field("disabled", b.disabled);
        if (b.pressed) w_.field("pressed", *b.pressed);
        if (!b.row.empty()) w_.field("row", b.row);
        w_.end();
    }
    static std::string strings(std::initializer_list<std::string_view> list) {
        std::string out = "[";
        for (const std::string_view s : list) {
            if (out.size() > 1) out.push_back(',');
            json::append_string(out, s);
        }
        return out + "]";
    }
    json::Writer w_;
};

// A control's reply when it is no form: {"ok": true} or {"ok": false, "error": "<why, in words>"}.
inline std::string mirror_reply(bool ok, std::string_view error = {}) {
    json::Writer w;
    w.begin().field("ok", ok);
    if (!ok) w.field("error", error);
    w.end();
    return w.str();
}

// A form's button that is done (Export, Connect, Create journey, Delete card): the page closes the
// dialog. {"ok": true, "close": true}
inline std::string mirror_close() { return R"({"ok":true,"close":true})"; }

}  // namespace wm::ui
