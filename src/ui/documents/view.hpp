#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// Stored documents, new documents, and the open document's saved versions.
void draw_documents_view(const ViewContext& ctx);
}
