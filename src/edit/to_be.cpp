// Creating a to-be journey (to_be.hpp documents the behaviour).
#include "edit/to_be.hpp"

#include "edit/commands.hpp"
#include "edit/rules.hpp"
#include "framework/compare.hpp"
#include "framework/framework.hpp"

namespace wm::edit {

Command create_to_be(Id current, Id to_be) {
    return Command([current, to_be](Transaction& tx) -> Result {
        const Workspace& ws = tx.ws();
        const std::size_t index = detail::index_of(ws.journeys, current);
        if (index == detail::npos) return Result::refuse("That journey no longer exists.");
        const Journey& source = ws.journeys[index];
        if (source.state == JourneyState::to_be)
            return Result::refuse(detail::quoted_or(source.title, "This journey") +
                                  " is already a to-be journey: create the to-be from the current journey it redesigns.");
        if (to_be.is_nil() || find_by_id(ws.journeys, to_be)) return Result::refuse("The to-be journey needs an id of its own.");
        Journey copy = make_to_be_copy(ws, source, ids());
        copy.id = to_be;
        const std::string label = "Create to-be of " + detail::quoted_or(source.title, "“(untitled journey)”");
        std::vector<JourneyLink> links;
        for (const auto& link : ws.links)
            if (link.child == current) links.push_back(JourneyLink{link.parent, to_be, link.stage, link.step});
        if (Result added = add_journey(std::move(copy), index + 1).apply(tx); !added) return added;
        for (const auto& link : links)
            if (!check_link(tx.ws(), link))
                if (Result linked = add_link(link).apply(tx); !linked) return linked;
        tx.set_label(label);
        return Result::ok();
    });
}

}  // namespace wm::edit
