// A card's details as the mirror's form: see card_form.hpp.
#include "ui/map/card_form.hpp"

#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"
#include "ui/insights/mirror.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
#include "ui/map/internal.hpp"

namespace wm::ui {
namespace {

std::string quoted(const std::string& text) { return "\xE2\x80\x9C" + text + "\xE2\x80\x9D"; }

bool rated(const Lane* lane) { return lane && (lane->kind == LaneKind::pain || lane->kind == LaneKind::gain); }

struct Found {
    const Journey* journey = nullptr;
    const Card* card = nullptr;
    const Lane* lane = nullptr;
};

Found find(const Workspace& ws, std::string_view row) {
    const auto slash = row.find('/');
    if (slash == std::string_view::npos) return {};
    const auto jid = Id::parse(row.substr(0, slash)), cid = Id::parse(row.substr(slash + 1));
    const Journey* j = jid ? find_by_id(ws.journeys, *jid) : nullptr;
    const Card* c = j && cid ? find_by_id(j->cards, *cid) : nullptr;
    if (!c) return {};
    return {j, c, find_by_id(j->lanes, c->lane)};
}

}  // namespace

std::string card_mirror_form(const ViewContext& ctx, Id journey, Id card, std::string_view insight_query) {
    const Workspace& ws = ctx.ws;
    const Found f = find(ws, journey.str() + "/" + card.str());
    if (!f.card) return mirror_reply(false, "that card is no longer on the map");
    const Card& c = *f.card;
    MirrorForm form("Card in " + (f.lane ? f.lane->name : std::string("?")) + " \xC2\xB7 " + map::step_label(*f.journey, c.step),
                    journey.str() + "/" + card.str(), "card", "card");
    form.area("text", "Text", c.text);
    if (rated(f.lane)) {
        std::vector<FormOption> levels{{"0", "Not rated"}};
        for (int n = 1; n <= 5; ++n) levels.push_back({std::to_string(n), std::to_string(n) + " of 5"});
        form.choice("severity", "Severity", levels, std::to_string(c.severity));
    }
    if (f.lane && f.lane->kind == LaneKind::touchpoint) {
        std::vector<FormOption> channels{{"", "No channel"}};
        for (const Channel& ch : ws.channels) channels.push_back({ch.id.str(), ch.name + (ch.owned ? "" : " (not owned)")});
        form.choice("channel", "Channel", channels, c.channel.is_nil() ? std::string() : c.channel.str());
        form.text("new-channel", "Or a new channel, by name (one we own)", "");
    }
    form.checks("personas", "For personas (none ticked: everyone)", id_options(ws.personas, [](const Persona& p) { return p.name; }),
                id_values(c.personas));
    // A repository may hold 100,000 insights: past a page's worth, the linked ones and a search.
    insight_link_fields(form, ws, c.insights, insight_query, true);
    form.checks("opportunities", "Opportunities", id_options(ws.opportunities, [](const Opportunity& o) { return o.title; }),
                id_values(c.opportunities));
    form.button("opportunity", rated(f.lane) && f.lane->kind == LaneKind::pain ? "New opportunity from this pain" : "New opportunity from this card");
    form.button("delete", "Delete card");
    return std::move(form).done();
}

std::string card_mirror_action(const ViewContext& ctx, std::string_view row, std::string_view name, std::string_view value) {
    const Workspace& ws = ctx.ws;
    const Found f = find(ws, row);
    if (!f.card) return mirror_reply(false, "that card is no longer on the map");
    const Journey& j = *f.journey;
    const Card& c = *f.card;
    if (name == "open") return card_mirror_form(ctx, j.id, c.id);
    if (name == "insight-search") return card_mirror_form(ctx, j.id, c.id, value);   // the matches to tick
    if (value.size() > limits::kMaxTextBytes) return mirror_reply(false, "that text is too long");
    if (name == "text") {
        // As the panel's field: an empty text deletes the card (Undo brings it back).
        const std::string text = trimmed(value);
        if (text == c.text) return mirror_reply(true);
        if (text.empty()) {
            ctx.emit(edit::remove_card(j.id, c.id));
            return mirror_close();
        }
        ctx.emit(edit::set_card_text(j.id, c.id, text));
    } else if (name == "severity") {
        if (!rated(f.lane) || value.size() != 1 || value[0] < '0' || value[0] > '5') return mirror_reply(false, "a severity is from 0 (not rated) to 5");
        if (value[0] - '0' != c.severity) ctx.emit(edit::set_card_severity(j.id, c.id, value[0] - '0'));
    } else if (name == "channel") {
        const auto id = value.empty() ? std::optional<Id>(Id{}) : Id::parse(value);
        if (!id || (!id->is_nil() && !find_by_id(ws.channels, *id))) return mirror_reply(false, "that channel is no longer in the workspace");
        if (*id != c.channel) ctx.emit(edit::set_card_channel(j.id, c.id, *id));
    } else if (name == "new-channel") {
        const std::string text = trimmed(value);
        if (text.empty()) return mirror_reply(true);
        Channel ch{new_id(), text, true};
        const Id id = ch.id;
        ctx.emit(edit::sequence("Add channel " + quoted(text), {edit::add_channel(std::move(ch)), edit::set_card_channel(j.id, c.id, id)}));
    } else if (name == "personas" || name == "insights" || name == "opportunities") {
        const auto ids = name == "personas" ? form_ids(ws.personas, value) : name == "insights" ? form_ids(ws.insights, value) : form_ids(ws.opportunities, value);
        if (!ids) return mirror_reply(false, "one of those is no longer in the workspace");
        if (name == "personas" && *ids != c.personas) ctx.emit(edit::set_card_personas(j.id, c.id, *ids));
        if (name == "insights" && *ids != c.insights) ctx.emit(edit::set_card_insights(j.id, c.id, *ids));
        if (name == "opportunities" && *ids != c.opportunities) ctx.emit(edit::set_card_opportunities(j.id, c.id, *ids));
    } else if (name == "opportunity") {
        map::opportunity_from_card(ctx, j, c);   // the backlog opens on it; the live region says so
        return mirror_close();
    } else if (name == "delete") {
        ctx.emit(edit::remove_card(j.id, c.id));
        return mirror_close();
    } else {
        return mirror_reply(false, "there is no such field");
    }
    return mirror_reply(true);
}

}  // namespace wm::ui
