// Cards, emotion scores and framework links (commands.hpp documents the behaviour).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "edit/commands.hpp"
#include "edit/rules.hpp"
#include "framework/framework.hpp"

namespace wm::edit {

using detail::quoted;
using detail::quoted_or;

namespace {

const char* const kNoJourney = "That journey no longer exists.";
const char* const kNoCard = "That card no longer exists.";

Result refuse(std::string why) { return Result::refuse(std::move(why)); }

std::string plural(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// A field of one card. Cards are located by id when the command runs and by position in the
// recorded change (a journey can hold 100k of them).
template <class F, class Check>
Command set_card_member(Id j, Id c, F Card::*member, F value, const char* label, Check check) {
    return Command(
        [=](Transaction& tx) -> Result {
            const Journey* journey = find_by_id(tx.ws().journeys, j);
            if (!journey) return refuse(kNoJourney);
            const std::size_t index = detail::index_of(journey->cards, c);
            if (index == detail::npos) return refuse(kNoCard);
            Card changed = journey->cards[index];
            changed.*member = value;
            if (std::string why = check(tx.ws(), *journey, changed); !why.empty()) return refuse(why);
            tx.set_label(label);
            tx.set(loc::card_field(j, index, member), value);
            return Result::ok();
        });
}

// "Pains at “Passes the credit check”": a cell named as the map shows it (undo labels and what a
// screen reader is told: "Done: Add card to Pains at …").
std::string cell_name(const Journey& journey, Id lane, Id step) {
    const Lane* l = find_by_id(journey.lanes, lane);
    std::string step_name;
    for (const Stage& s : journey.stages)
        for (const Step& st : s.steps)
            if (st.id == step) step_name = st.name;
    return (l && !l->name.empty() ? l->name : std::string("a lane")) + " at " + quoted_or(step_name, "“(untitled)”");
}

auto card_check() { return [](const Workspace& ws, const Journey& j, const Card& c) { return detail::check_card(ws, j, c); }; }

}  // namespace

// [SECTION] Cards -------------------------------------------------------------------------------------

Command add_card(Id j, Card card, Id before) {
    return Command([j, card = std::move(card), before](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        if (detail::index_of(journey->cards, card.id) != detail::npos) return refuse("That card is already on the map.");
        if (std::string why = detail::check_card(tx.ws(), *journey, card); !why.empty()) return refuse(why);
        std::size_t index = before.is_nil() ? detail::npos : detail::index_of(journey->cards, before);
        if (index == detail::npos) index = journey->cards.size();
        tx.set_label("Add card to " + cell_name(*journey, card.lane, card.step));
        tx.insert(loc::journey_field(j, &Journey::cards), index, card);
        return Result::ok();
    });
}

Command add_cards(Id j, std::vector<Card> cards) {
    return Command([j, cards = std::move(cards)](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        std::unordered_set<Id> taken;
        taken.reserve(journey->cards.size() + cards.size());
        for (const auto& card : journey->cards) taken.insert(card.id);
        for (const auto& card : cards) {
            if (!taken.insert(card.id).second) return refuse("Each pasted card needs an id of its own.");
            if (std::string why = detail::check_card(tx.ws(), *journey, card); !why.empty()) return refuse(why);
        }
        if (cards.empty()) return Result::ok();
        tx.set_label("Add " + plural(cards.size(), "card", "cards"));
        std::vector<std::size_t> indices(cards.size());
        for (std::size_t i = 0; i < cards.size(); ++i) indices[i] = journey->cards.size() + i;
        tx.insert_many(loc::journey_field(j, &Journey::cards), std::move(indices), cards);
        return Result::ok();
    });
}

Command set_card_text(Id j, Id c, std::string text) {
    return set_card_member(j, c, &Card::text, std::move(text), "Edit card", card_check());
}
Command set_card_personas(Id j, Id c, std::vector<Id> personas) {
    return set_card_member(j, c, &Card::personas, std::move(personas), "Change personas of card", card_check());
}
Command set_card_severity(Id j, Id c, int severity) {
    return set_card_member(j, c, &Card::severity, severity, "Change severity", card_check());
}
Command set_card_channel(Id j, Id c, Id channel) {
    return set_card_member(j, c, &Card::channel, channel, "Change channel of card", card_check());
}
Command set_card_insights(Id j, Id c, std::vector<Id> insights) {
    return set_card_member(j, c, &Card::insights, std::move(insights), "Link insights to card", card_check());
}
Command set_card_opportunities(Id j, Id c, std::vector<Id> opportunities) {
    return set_card_member(j, c, &Card::opportunities, std::move(opportunities),
                           "Link opportunities to card", card_check());
}

Command move_card(Id j, Id c, Id lane, Id step, Id before) {
    return Command([=](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const std::size_t index = detail::index_of(journey->cards, c);
        if (index == detail::npos) return refuse(kNoCard);
        Card moved = journey->cards[index];
        moved.lane = lane;
        moved.step = step;
        if (std::string why = detail::check_card(tx.ws(), *journey, moved); !why.empty()) return refuse(why);
        const Card& was = journey->cards[index];
        tx.set_label(was.lane == lane && was.step == step ? std::string("Move card") : "Move card to " + cell_name(*journey, lane, step));
        tx.set(loc::card_field(j, index, &Card::lane), lane);
        tx.set(loc::card_field(j, index, &Card::step), step);
        if (before.is_nil() || before == c) return Result::ok();
        const std::size_t target = detail::index_of(journey->cards, before);
        if (target == detail::npos) return Result::ok();  // the neighbour vanished: keep the order
        // Final position just in front of `before`, counted after the card left its place.
        const std::size_t to = target > index ? target - 1 : target;
        if (to != index) tx.move(loc::journey_field(j, &Journey::cards), index, loc::journey_field(j, &Journey::cards), to);
        return Result::ok();
    });
}

Command move_cards(Id j, std::vector<CardPlacement> placements) {
    return Command([j, placements = std::move(placements)](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        std::unordered_map<Id, std::size_t> where;
        where.reserve(journey->cards.size());
        for (std::size_t i = 0; i < journey->cards.size(); ++i) where.emplace(journey->cards[i].id, i);
        std::vector<std::size_t> indices;
        for (const auto& p : placements) {
            auto it = where.find(p.card);
            if (it == where.end()) return refuse("Some of those cards no longer exist.");
            Card moved = journey->cards[it->second];
            moved.lane = p.lane;
            moved.step = p.step;
            if (std::string why = detail::check_card(tx.ws(), *journey, moved); !why.empty()) return refuse(why);
            indices.push_back(it->second);
        }
        tx.set_label("Move " + plural(placements.size(), "card", "cards"));
        // A card listed twice goes where its last placement says (and records only that).
        std::unordered_map<Id, std::size_t> last;
        for (std::size_t k = 0; k < placements.size(); ++k) last[placements[k].card] = k;
        for (std::size_t k = 0; k < placements.size(); ++k) {
            if (last[placements[k].card] != k) continue;
            tx.set(loc::card_field(j, indices[k], &Card::lane), placements[k].lane);
            tx.set(loc::card_field(j, indices[k], &Card::step), placements[k].step);
        }
        return Result::ok();
    });
}

Command remove_card(Id j, Id c) {
    return Command([j, c](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const std::size_t index = detail::index_of(journey->cards, c);
        if (index == detail::npos) return refuse(kNoCard);
        const std::string& text = journey->cards[index].text;
        tx.set_label(text.empty() ? std::string("Delete card") : "Delete card " + quoted(text));
        tx.erase(loc::journey_field(j, &Journey::cards), index);
        return Result::ok();
    });
}

Command remove_cards(Id j, std::vector<Id> cards) {
    return Command([j, cards = std::move(cards)](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        std::unordered_set<Id> doomed(cards.begin(), cards.end());
        std::size_t found = 0;
        for (const auto& card : journey->cards) found += doomed.count(card.id);
        if (found != doomed.size()) return refuse("Some of those cards no longer exist.");
        if (doomed.empty()) return Result::ok();
        tx.set_label("Delete " + plural(found, "card", "cards"));
        tx.erase_if(loc::journey_field(j, &Journey::cards), [&](const Card& card) { return doomed.count(card.id) > 0; });
        return Result::ok();
    });
}

// [SECTION] Emotions ----------------------------------------------------------------------------------

namespace {

std::size_t emotion_index(const Journey& journey, Id lane, Id step, Id persona) {
    for (std::size_t i = 0; i < journey.emotions.size(); ++i) {
        const auto& e = journey.emotions[i];
        if (e.lane == lane && e.step == step && e.persona == persona) return i;
    }
    return detail::npos;
}


}  // namespace

Command set_emotion(Id j, Id lane, Id step, Id persona, int score) {
    return Command(
        [=](Transaction& tx) -> Result {
            const Journey* journey = find_by_id(tx.ws().journeys, j);
            if (!journey) return refuse(kNoJourney);
            const EmotionScore wanted{lane, step, persona, score};
            if (std::string why = detail::check_emotion(tx.ws(), *journey, wanted); !why.empty()) return refuse(why);
            const Step* at = find_step(*journey, step);
            tx.set_label("Set emotion at " + quoted_or(at->name, "“(untitled)”"));
            const std::size_t index = emotion_index(*journey, lane, step, persona);
            if (index == detail::npos)
                tx.insert(loc::journey_field(j, &Journey::emotions), journey->emotions.size(), wanted);
            else
                tx.set(loc::emotion_field(j, index, &EmotionScore::score), score);
            return Result::ok();
        });
}

Command clear_emotion(Id j, Id lane, Id step, Id persona) {
    return Command([=](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const std::size_t index = emotion_index(*journey, lane, step, persona);
        if (index == detail::npos) return Result::ok();  // nothing to clear
        const Step* at = find_step(*journey, step);
        tx.set_label("Clear emotion at " + quoted_or(at ? at->name : std::string(), "“(untitled)”"));
        tx.erase(loc::journey_field(j, &Journey::emotions), index);
        return Result::ok();
    });
}

// [SECTION] Framework links ---------------------------------------------------------------------------

namespace {

std::string title(const Workspace& ws, Id journey) {
    const Journey* found = find_by_id(ws.journeys, journey);
    return quoted_or(found ? found->title : std::string(), "“(untitled journey)”");
}

}  // namespace

Command add_link(JourneyLink link) {
    return Command([link](Transaction& tx) -> Result {
        if (auto why = check_link(tx.ws(), link)) return refuse(*why);
        tx.set_label("Link " + title(tx.ws(), link.child) + " under " + title(tx.ws(), link.parent));
        tx.insert(loc::ws_field(&Workspace::links), tx.ws().links.size(), link);
        return Result::ok();
    });
}

Command remove_link(JourneyLink link) {
    return Command([link](Transaction& tx) -> Result {
        const auto& links = tx.ws().links;
        const auto it = std::find(links.begin(), links.end(), link);
        if (it == links.end()) return refuse("That link no longer exists.");
        tx.set_label("Unlink " + title(tx.ws(), link.child) + " from " + title(tx.ws(), link.parent));
        tx.erase(loc::ws_field(&Workspace::links), static_cast<std::size_t>(it - links.begin()));
        return Result::ok();
    });
}

Command unlink(Id parent, Id child) {
    return Command([parent, child](Transaction& tx) -> Result {
        tx.set_label("Unlink " + title(tx.ws(), child) + " from " + title(tx.ws(), parent));
        const auto gone = tx.erase_if(loc::ws_field(&Workspace::links), [&](const JourneyLink& l) {
            return l.parent == parent && l.child == child;
        });
        if (gone == 0) return refuse(title(tx.ws(), child) + " is not linked under " + title(tx.ws(), parent) + ".");
        return Result::ok();
    });
}

Command reparent(Id child, Id old_parent, JourneyLink new_link) {
    return Command([child, old_parent, new_link](Transaction& tx) -> Result {
        if (new_link.child != child) return refuse("A reparented link must keep its child journey.");
        if (auto why = check_reparent(tx.ws(), child, old_parent, new_link)) return refuse(*why);
        const auto& links = tx.ws().links;
        std::size_t first = detail::npos;
        for (std::size_t i = 0; i < links.size() && first == detail::npos; ++i)
            if (links[i].parent == old_parent && links[i].child == child) first = i;
        if (first == detail::npos) return refuse(title(tx.ws(), child) + " is not linked under " + title(tx.ws(), old_parent) + ".");
        std::size_t old_links = 0;
        for (const auto& l : links) old_links += l.parent == old_parent && l.child == child;
        if (old_links == 1 && links[first] == new_link) return Result::ok();  // already there: nothing to record
        tx.set_label("Move " + title(tx.ws(), child) + " under " + title(tx.ws(), new_link.parent));
        tx.erase_if(loc::ws_field(&Workspace::links),
                    [&](const JourneyLink& l) { return l.parent == old_parent && l.child == child; });
        tx.insert(loc::ws_field(&Workspace::links), first, new_link);
        return Result::ok();
    });
}

}  // namespace wm::edit
