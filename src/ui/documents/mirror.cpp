// The documents view for screen readers: see mirror.hpp.
#include "ui/documents/mirror.hpp"

#include "model/templates.hpp"
#include "store/persistence.hpp"
#include "ui/documents/view.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_page.hpp"

namespace wm::ui {

std::string documents_mirror(const Workspace& ws, const Persistence& storage) {
    MirrorPage page("documents", "Documents");
    const store::Persisted persisted = storage.persisted();
    page.text(persisted == store::Persisted::persistent ? "Stored in this browser; the browser has promised to keep it."
              : persisted == store::Persisted::best_effort
                  ? "Stored in this browser, which may clear it when space runs low: export important work."
                  : "Stored in this browser. Export a document to share it or keep a copy elsewhere.");

    page.heading("New document");
    std::vector<MirrorButton> news = {{"new-blank", "New blank workspace"}, {"new-sample", "New from the sample (Lumen Mobile)"}};
    for (const auto& info : kLaneTemplates) 
        news.push_back({"new-template", "New from the template " + std::string(info.name), false, std::nullopt, std::string(info.key)});
    page.buttons(news);

    const bool read_only = storage.read_only();
    std::size_t stored = 0, trashed = 0;
    for (const store::StoredDoc& doc : storage.docs()) (doc.deleted ? trashed : stored) += 1;
    page.heading("Stored documents");
    page.begin_table(count_of(stored, "document", "documents") + " stored in this browser, newest first",
                     {"Name", "Modified", "Journeys", "Cards", "Size", "Rename", "Actions"}, 0, MirrorPage::Controls::field_and_actions);
    for (const store::StoredDoc& doc : storage.docs()) {
        if (doc.deleted) continue;
        const bool open = doc.id == storage.doc_id();
        const std::string& name = open ? ws.name : doc.name;
        std::vector<MirrorButton> actions;
        if (!open) actions.push_back({"open", "Open \xE2\x80\x9C" + name + "\xE2\x80\x9D"});
        actions.push_back({"duplicate", "Duplicate \xE2\x80\x9C" + name + "\xE2\x80\x9D"});
        if (!open) actions.push_back({"merge", "Merge \xE2\x80\x9C" + name + "\xE2\x80\x9D into the open document", read_only});
        actions.push_back({"delete", "Delete \xE2\x80\x9C" + name + "\xE2\x80\x9D", open});
        page.row(doc.id, {open ? name + ", open" : name, local_time(doc.modified), std::to_string(doc.journeys), std::to_string(doc.cards), size_text(doc.size)},
                 actions, MirrorField{"rename", "New name for \xE2\x80\x9C" + name + "\xE2\x80\x9D", name});
    }
    page.end_table();

    if (trashed > 0) {
        page.heading("Trash");
        page.begin_table(count_of(trashed, "document", "documents") + " in the trash", {"Name", "Modified", "Actions"}, 0, MirrorPage::Controls::actions);
        for (const store::StoredDoc& doc : storage.docs()) {
            if (!doc.deleted) continue;
            page.row(doc.id, {doc.name, local_time(doc.modified)},
                     {{"restore", "Restore \xE2\x80\x9C" + doc.name + "\xE2\x80\x9D"}, {"purge", "Delete \xE2\x80\x9C" + doc.name + "\xE2\x80\x9D forever"}});
        }
        page.end_table();
    }

    page.heading("Saved versions of \xE2\x80\x9C" + ws.name + "\xE2\x80\x9D");
    page.text("The last 50 saves are kept. Restoring one adds it as the newest save; nothing is lost.");
    const auto& history = storage.history();
    page.begin_table(count_of(history.size(), "saved version", "saved versions") + ", newest first", {"Saved", "After", "Size", "Actions"}, 0, MirrorPage::Controls::actions);
    for (std::size_t i = 0; i < history.size(); ++i) {
        const store::SnapshotInfo& s = history[i];
        std::vector<MirrorButton> actions;
        if (i > 0) actions.push_back({"restore-version", "Restore the version of " + local_time(s.time), read_only});
        page.row(version_row(s), {i == 0 ? local_time(s.time) + ", current" : local_time(s.time), version_name(s), size_text(s.size)}, actions);
    }
    page.end_table();
    return std::move(page).done();
}

}  // namespace wm::ui
