// A button's reply that is a form (issue 19; web/mirror.js shows it as a modal dialog): the persona's,
// insight's and opportunity's "Edit …", the backlog's scores. Each field names the row (the item it
// edits), the action and its own name; the page sends {view, id: row, action, child: name, text: value}
// when it changes, and the view's action function applies it as one command.
//
//   {"ok": true, "title": "Insight “…”", "fields": [
//      {"row": "<id>", "action": "set-field", "name": "title", "kind": "text", "label": "Title", "value": "…"},
//      {"row": …, "name": "type", "label": "Type", "options": [{"value": "pain", "label": "pain"}], "value": "pain"},
//      {"row": …, "name": "urgent", "kind": "check", "label": "Urgent", "value": "true"},
//      {"row": …, "name": "personas", "kind": "checks", "label": "Personas", "options": [...], "value": "<id>\n<id>"}]}
//
// Kinds: "text" (one line), "password" (one line, not shown), "area" (free text), "lines" (one item per line), "check" (a checkbox: value
// "true" or "false"), "checks" (a group of checkboxes: the value is the ticked options' values, one per
// line), "button", and "heading" and "note" (text read in its place; a "\n" in it breaks the line); a field with options and no kind
// is a choice of one. A reply may name the field to focus ("focus": "<row>|<name>"). A text field
// may be read-only ("readonly": true: a link to copy).
//
// A question the app asks on its own (a share link opened, a file dropped: platform::ask) names the
// answer that closing the dialog gives ("cancel": {"row", "action", "name"}, sent like a button);
// such a dialog has no Close button of its own, its buttons are the answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {

struct FormOption {
    std::string value;
    std::string label;
};

class MirrorForm {
public:
    // Every field of the form edits `row` through `action`.
    // `view`: the view the fields answer to when the form is no view's page (a menu entry's dialog).
    MirrorForm(std::string_view title, std::string row, std::string_view action, std::string_view view = {}) : row_(std::move(row)), action_(action) {
        w_.begin().field("ok", true).field("title", title);
        if (!view.empty()) w_.field("view", view);
        w_.key("fields").array();
    }
    // What the next fields edit (a dialog of several items: each KPI of an anchor, each solution of
    // an opportunity), and through which action when it is not the form's.
    void edits(std::string row, std::string_view action = {}) {
        row_ = std::move(row);
        if (!action.empty()) action_ = action;
    }
    void heading(std::string_view text) { plain("", "heading", text, ""); }
    void note(std::string_view text) { plain("", "note", text, ""); }
    // A button: sends its name with an empty value; the reply may be a new form (the dialog is made
    // again) or {"ok": true, "close": true}. A disabled one stays focusable and says why when pressed.
    void button(std::string_view name, std::string_view label, bool disabled = false) {
        start(name, "button", label);
        w_.field("disabled", disabled).field("value", "").end();
    }
    void text(std::string_view name, std::string_view label, std::string_view value) { plain(name, "text", label, value); }
    // A text field to read and copy, not to edit (its changes are not sent).
    void copyable(std::string_view name, std::string_view label, std::string_view value) {
        start(name, "text", label);
        w_.field("readonly", true).field("value", value).end();
    }
    // This form is a question: closing it (Escape) answers as the button `name` of the current row would.
    void question(std::string_view name) { cancel_ = {row_, std::string(action_), std::string(name)}; }
    void secret(std::string_view name, std::string_view label, std::string_view value) { plain(name, "password", label, value); }
    void area(std::string_view name, std::string_view label, std::string_view value) { plain(name, "area", label, value); }
    void lines(std::string_view name, std::string_view label, const std::vector<std::string>& items) {
        plain(name, "lines", label, joined(items));
    }
    void check(std::string_view name, std::string_view label, bool on) { plain(name, "check", label, on ? "true" : "false"); }
    void choice(std::string_view name, std::string_view label, const std::vector<FormOption>& options, std::string_view value) {
        start(name, "", label);
        write_options(options);
        w_.field("value", value).end();
    }
    void checks(std::string_view name, std::string_view label, const std::vector<FormOption>& options, const std::vector<std::string>& ticked) {
        start(name, "checks", label);
        write_options(options);
        w_.field("value", joined(ticked)).end();
    }
    [[nodiscard]] std::string done(std::string_view focus = {}) && {
        w_.end_array();
        if (!focus.empty()) w_.field("focus", focus);
        if (!cancel_.name.empty())
            w_.key("cancel").begin().field("row", cancel_.row).field("action", cancel_.action).field("name", cancel_.name).end();
        w_.end();
        return w_.str();
    }

private:
    void start(std::string_view name, std::string_view kind, std::string_view label) {
        w_.begin().field("row", row_).field("action", action_).field("name", name).field("label", label);
        if (!kind.empty()) w_.field("kind", kind);
    }
    void plain(std::string_view name, std::string_view kind, std::string_view label, std::string_view value) {
        start(name, kind, label);
        w_.field("value", value).end();
    }
    void write_options(const std::vector<FormOption>& options) {
        w_.key("options").array();
        for (const FormOption& o : options) w_.begin().field("value", o.value).field("label", o.label).end();
        w_.end_array();
    }
    static std::string joined(const std::vector<std::string>& items) {
        std::string out;
        for (const std::string& s : items) out += (out.empty() ? "" : "\n") + s;
        return out;
    }
    struct Cancel {
        std::string row, action, name;
    };
    std::string row_;
    std::string_view action_;
    Cancel cancel_;
    json::Writer w_;
};

// A "lines" or "checks" value read back: one item per line, each trimmed, empty lines dropped.
inline std::vector<std::string> form_lines(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string item = trimmed(text.substr(0, end));
        if (!item.empty()) out.push_back(std::move(item));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

// Steps in a "checks" field: every step of every journey, as the canvas's pickers offer them, valued
// "<journey id>/<step id>" and labelled "Journey › Stage › Step".
inline std::string step_option_value(const StepRef& ref) { return ref.journey.str() + "/" + ref.step.str(); }

inline std::vector<FormOption> step_options(const Workspace& ws) {
    std::vector<FormOption> out;
    for (const Journey& j : ws.journeys)
        for (const Stage& stage : j.stages)
            for (const Step& s : stage.steps)
                out.push_back({step_option_value({j.id, s.id}), j.title + " \xE2\x80\xBA " + stage.name + " \xE2\x80\xBA " + s.name});
    return out;
}

inline std::vector<std::string> step_option_values(const std::vector<StepRef>& refs) {
    std::vector<std::string> out;
    for (const StepRef& ref : refs) out.push_back(step_option_value(ref));
    return out;
}

// The steps a "checks" value names; nullopt if one of them is no longer in the workspace.
inline std::optional<std::vector<StepRef>> form_steps(const Workspace& ws, std::string_view value) {
    std::vector<StepRef> out;
    for (const std::string& text : form_lines(value)) {
        const auto slash = text.find('/');
        if (slash == std::string::npos) return std::nullopt;
        const auto journey = Id::parse(std::string_view(text).substr(0, slash));
        const auto step = Id::parse(std::string_view(text).substr(slash + 1));
        const Journey* j = journey ? find_by_id(ws.journeys, *journey) : nullptr;
        if (!j || !step || !find_step(*j, *step)) return std::nullopt;
        out.push_back({*journey, *step});
    }
    return out;
}

// Items in a "checks" field: valued by id, labelled by `name_of`.
template <class Items, class Name>
std::vector<FormOption> id_options(const Items& items, Name name_of) {
    std::vector<FormOption> out;
    for (const auto& item : items) out.push_back({item.id.str(), name_of(item)});
    return out;
}

inline std::vector<std::string> id_values(const std::vector<Id>& ids) {
    std::vector<std::string> out;
    for (const Id& id : ids) out.push_back(id.str());
    return out;
}

// The ids a "checks" value names, each still in `items`; nullopt if one is gone.
template <class Items>
std::optional<std::vector<Id>> form_ids(const Items& items, std::string_view value) {
    std::vector<Id> out;
    for (const std::string& text : form_lines(value)) {
        const auto id = Id::parse(text);
        if (!id || !find_by_id(items, *id)) return std::nullopt;
        out.push_back(*id);
    }
    return out;
}

}  // namespace wm::ui
