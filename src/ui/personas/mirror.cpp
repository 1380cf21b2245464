// The personas for screen readers: see mirror.hpp.
#include "ui/personas/mirror.hpp"

#include <charconv>
#include <cstdio>
#include <optional>

#include "edit/commands.hpp"
#include "model/limits.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
#include "ui/personas/view.hpp"

namespace wm::ui {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view between) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : std::string(between)) + s;
    return out;
}

using Text = std::string Persona::*;
using List = std::vector<std::string> Persona::*;
constexpr std::pair<const char*, Text> kTexts[] = {{"name", &Persona::name}, {"role", &Persona::role}, {"segment", &Persona::segment},
                                                    {"quote", &Persona::quote}};
constexpr std::pair<const char*, List> kLists[] = {{"goals", &Persona::goals}, {"needs", &Persona::needs}, {"pains", &Persona::pains},
                                                    {"jobs", &Persona::jobs}};

std::string hex_colour(std::uint32_t c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(c & 0xFFFFFF));
    return text;
}

std::optional<std::uint32_t> parse_colour(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    std::uint32_t c = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), c, 16);
    if (text.size() != 6 || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return c;
}

std::string form(const Persona& p) {
    MirrorForm f("Persona \xE2\x80\x9C" + p.name + "\xE2\x80\x9D", p.id.str(), "set-field");
    const char* labels[] = {"Name", "Role", "Segment", "Quote"};
    int n = 0;
    for (const auto& [name, member] : kTexts) f.text(name, labels[n++], p.*member);
    const char* list_labels[] = {"Goals, one per line", "Needs, one per line", "Pains, one per line", "Jobs to be done, one per line"};
    n = 0;
    for (const auto& [name, member] : kLists) f.lines(name, list_labels[n++], p.*member);
    f.text("initials", "Avatar initials (up to three characters)", p.initials);
    std::vector<FormOption> colours;
    bool custom = true;
    for (const AvatarColour& c : kAvatarColours) {
        colours.push_back({hex_colour(c.rgb), c.name});
        custom = custom && c.rgb != p.color;
    }
    if (custom) colours.push_back({hex_colour(p.color), "Custom " + hex_colour(p.color)});
    f.choice("color", "Avatar colour", colours, hex_colour(p.color));
    f.text("custom-color", "Custom avatar colour (#RRGGBB)", hex_colour(p.color));
    return std::move(f).done();
}

}  // namespace

std::string personas_mirror(const Workspace& ws) {
    MirrorPage page("personas", "Personas");
    page.buttons({{"add", "Add persona"}});
    page.begin_table(count_of(static_cast<long long>(ws.personas.size()), "persona", "personas"),
                     {"Persona", "Role", "Segment", "Quote", "Goals", "Needs", "Pains", "Jobs to be done", "Actions"}, 0,
                     MirrorPage::Controls::actions);
    for (const Persona& p : ws.personas)
        page.row(p.id.str(), {p.name, p.role, p.segment, p.quote, joined(p.goals, "; "), joined(p.needs, "; "), joined(p.pains, "; "), joined(p.jobs, "; ")},
                 {{"edit", "Edit \xE2\x80\x9C" + p.name + "\xE2\x80\x9D\xE2\x80\xA6"}, {"delete", "Delete \xE2\x80\x9C" + p.name + "\xE2\x80\x9D"}});
    page.end_table();
    return std::move(page).done();
}

std::string personas_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view field,
                                   std::string_view value) {
    if (action == "add") {
        const Id id = add_persona(ctx);
        Persona fresh;   // as add_persona made it: the form shows it before the command is applied
        fresh.id = id;
        fresh.name = "New persona";
        return form(fresh);
    }
    const auto id = Id::parse(row);
    const Persona* p = id ? find_by_id(ctx.ws.personas, *id) : nullptr;
    if (!p) return mirror_reply(false, "that persona is no longer in the workspace");
    if (action == "edit") return form(*p);
    if (action == "delete") {
        // As the canvas's Delete does after its confirmation: Undo brings the persona and every
        // reference back; the live region says so.
        ctx.emit(edit::remove_persona(p->id));
        if (ctx.ui.personas.selected == p->id) ctx.ui.personas.selected = {};
        if (ctx.ui.personas.lens == p->id) ctx.ui.personas.lens = {};
        return mirror_reply(true);
    }
    if (action != "set-field") return mirror_reply(false, "there is no such action");
    if (value.size() > limits::kMaxTextBytes) return mirror_reply(false, "that text is too long");
    for (const auto& [name, member] : kTexts)
        if (field == name) {
            const std::string text = trimmed(value);
            if (text == p->*member) return mirror_reply(true);
            if (member == &Persona::name) {
                if (text.empty()) return mirror_reply(false, "a persona needs a name");
                ctx.emit(edit::replace_persona(renamed(*p, text)));
            } else {
                Persona copy = *p;
                copy.*member = text;
                ctx.emit(edit::replace_persona(std::move(copy)));
            }
            return mirror_reply(true);
        }
    if (field == "initials" || field == "color" || field == "custom-color") {
        Persona copy = *p;
        if (field == "initials") {
            copy.initials = typed_initials(trimmed(value));
        } else if (const auto c = parse_colour(trimmed(value))) {
            copy.color = *c;
        } else {
            return mirror_reply(false, "\xE2\x80\x9C" + trimmed(value) + "\xE2\x80\x9D is not a colour (#RRGGBB, six hexadecimal digits)");
        }
        if (!(copy == *p)) ctx.emit(edit::replace_persona(std::move(copy)));
        return mirror_reply(true);
    }
    for (const auto& [name, member] : kLists)
        if (field == name) {
            std::vector<std::string> items = form_lines(value);
            if (items.size() > limits::kMaxStrings) return mirror_reply(false, "a list holds at most 1,000 items");
            if (items == p->*member) return mirror_reply(true);
            Persona copy = *p;
            copy.*member = std::move(items);
            ctx.emit(edit::replace_persona(std::move(copy)));
            return mirror_reply(true);
        }
    return mirror_reply(false, "there is no such field");
}

}  // namespace wm::ui
