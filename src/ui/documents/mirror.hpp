// The documents view for screen readers and keyboards (issue 19): what the page's DOM mirror shows of
// it, as a page (ui/kit/mirror_page.hpp) — buttons for a new document, the stored documents as a table
// with a name field and buttons per row (open, duplicate, merge into the open one, delete), the trash,
// and the open document's saved versions with Restore. Every button runs documents_action, as the
// canvas's buttons do.
#pragma once

#include <string>

#include "model/model.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

std::string documents_mirror(const Workspace& ws, const Persistence& storage);

}  // namespace wm::ui
