#pragma once
#include <cstdint>
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
// Initials as typed: the first three characters (the model allows three), never half a character.
std::string typed_initials(const std::string& text);

// "Add persona" (the view's button and the mirror's): a new persona, "New persona" in the next
// palette colour, selected. Returns its id.
Id add_persona(const ViewContext& ctx);
// The avatar palette, named (the mirror's choice says the name): it reads well behind white initials,
// none of it the selection outline's indigo. Any other colour through the editor's picker.
struct AvatarColour {
    std::uint32_t rgb;
    const char* name;
};
inline constexpr AvatarColour kAvatarColours[] = {{0x0D9488, "Teal"},  {0xDB2777, "Pink"},   {0xD97706, "Amber"}, {0x16A34A, "Green"},
                                                  {0x2563EB, "Blue"},  {0x9333EA, "Purple"}, {0x475569, "Slate"}, {0xBE123C, "Crimson"}};

// A copy renamed: initials that were derived from the old name follow the new one; typed ones stay.
Persona renamed(const Persona& persona, std::string name);
}
