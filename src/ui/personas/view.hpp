#pragma once
#include <string>

#include "ui/kit/context.hpp"
namespace wm::ui {
// The personas: a list of persona cards, the editor of the selected one (every field, list fields as
// editable lists, the avatar), and "<persona>'s view" of the framework: the journeys that concern
// them, their emotion line per journey, their pains.
void draw_personas_view(const ViewContext& ctx);

// The avatar: initials in a circle of the persona's colour, as one item of `diameter` pixels
// (hovering it names the persona). Shared by the journey header.
void draw_avatar(const Persona& persona, float diameter);

// Up to three initials from a name ("Anaïs de Vries" → "AV"), UTF-8 aware: what a new or renamed
// persona's avatar shows until someone types other initials.
std::string initials_from(const std::string& name);

// "Add persona" (the view's button and the mirror's): a new persona, "New persona" in the next
// palette colour, selected. Returns its id.
Id add_persona(const ViewContext& ctx);
// A copy renamed: initials that were derived from the old name follow the new one; typed ones stay.
Persona renamed(const Persona& persona, std::string name);
}
