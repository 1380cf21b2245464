// Editing one opportunity (the backlog's details panel) and creating opportunities from elsewhere
// (a journey step, a pain card, an insight). Every change is one command, one undo step.
#pragma once

#include <optional>
#include <string>

#include "edit/command.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// Title, description and owner: text fields, one command when editing ends.
void draw_opportunity_fields(const ViewContext& ctx, const Opportunity& o);
// The links (journeys, steps, insights, personas: remove buttons and "add" popups) and the solutions.
void draw_opportunity_links(const ViewContext& ctx, const Opportunity& o);

// An untitled idea with a fresh id.
Opportunity new_opportunity(std::string title);
// Adds `o` — together with `also` (e.g. linking a card to it) as one undo step — then opens the
// backlog with it selected.
void create_opportunity(const ViewContext& ctx, Opportunity o, std::optional<edit::Command> also = std::nullopt);

}  // namespace wm::ui
