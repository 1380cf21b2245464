#include "ui/palette/palette.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/kit/fonts.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {

constexpr std::size_t kPerKind = 6;   // results shown of each kind
constexpr float kMaxListHeight = 380;

// The entries (rebuilt when the document changed) and the ranking of the typed query.
void refresh(const ViewContext& ctx, PaletteState& p) {
    bool rerank = p.ranked_query != p.query;
    if (p.ranked_revision != ctx.revision) {
        p.entries.clear();
        for (const ViewInfo& v : views())
            if (!v.needs_id) {
                layout::SearchEntry e;
                e.kind = layout::SearchKind::view, e.view = v.key, e.title = v.title;
                p.entries.push_back(std::move(e));
            }
        std::vector<layout::SearchEntry> found = layout::searchable_entries(ctx.ws);
        p.entries.insert(p.entries.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        layout::fold_entries(p.entries);   // once per revision, not per key typed
        p.ranked_revision = ctx.revision;
        rerank = true;
    }
    if (!rerank) return;
    if (p.ranked_query != p.query) p.highlighted = 0;
    p.hits = layout::rank_entries(p.entries, p.query, kPerKind);
    p.ranked_query = p.query;
    p.highlighted = std::clamp(p.highlighted, 0, std::max(0, static_cast<int>(p.hits.size()) - 1));
}

void jump(const ViewContext& ctx, const layout::SearchEntry& e) {
    switch (e.kind) {
        case layout::SearchKind::view: ctx.go(e.view); break;
        case layout::SearchKind::journey: ctx.go("journey", e.id); break;
        case layout::SearchKind::persona:
            ctx.ui.personas.selected = e.id;
            ctx.go("personas");
            break;
        case layout::SearchKind::opportunity:
            ctx.ui.backlog.selected = e.id;
            if (ctx.ui.backlog.mode == BacklogState::Mode::model) ctx.ui.backlog.mode = BacklogState::Mode::list;
            ctx.go("backlog");
            break;
        case layout::SearchKind::insight:
            ctx.ui.insights.selected = e.id;
            ctx.go("insights");
            break;
    }
}

void draw_open_palette(const ViewContext& ctx, PaletteState& p, bool focus);

}  // namespace

void open_palette(UiState& ui) {
    PaletteState& p = ui.palette;
    p.request_open = true;
    p.query.clear();
    p.highlighted = 0;
    p.ranked_revision = ~std::uint64_t{0};  // another document may be open since: rebuild
    ui.redraw(3);
}

void draw_palette(const ViewContext& ctx) {
    PaletteState& p = ctx.ui.palette;
    bool focus = false;
    if (p.request_open) {
        p.request_open = false;
        ImGui::OpenPopup("go-to-palette");
        focus = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(600.0f, vp->WorkSize.x - 32);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.14f), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    p.open = ImGui::BeginPopup("go-to-palette");
    if (p.open) draw_open_palette(ctx, p, focus);
}

namespace {

// The palette's contents, out of line: draw_palette runs every frame, this only while it is open
// (the code's second part, scripts/split-wasm, holds what the first frame does not run).
[[gnu::noinline]] void draw_open_palette(const ViewContext& ctx, PaletteState& p, bool focus) {
    if (focus || ImGui::IsWindowAppearing()) {
        // Activation by id (SetKeyboardFocusHere misses when focus sits in another window).
        ImGui::ActivateItemByID(ImGui::GetID("##palette query"));
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        ctx.redraw(3);
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##palette query", "Go to a journey, persona, opportunity, insight or view\xE2\x80\xA6", &p.query);
    refresh(ctx, p);

    const int n = static_cast<int>(p.hits.size());
    bool moved = false;
    if (n > 0 && ImGui::IsKeyPressed(ImGuiKey_DownArrow)) {
        p.highlighted = (p.highlighted + 1) % n;
        moved = true;
    }
    if (n > 0 && ImGui::IsKeyPressed(ImGuiKey_UpArrow)) {
        p.highlighted = (p.highlighted + n - 1) % n;
        moved = true;
    }
    int chosen = -1;
    if (n > 0 && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter))) chosen = p.highlighted;
    bool close = ImGui::IsKeyPressed(ImGuiKey_Escape);

    const ImVec4 muted = ImGui::ColorConvertU32ToFloat4(color::kMuted);
    if (n == 0) {
        ImGui::TextColored(muted, "Nothing is called \xE2\x80\x9C%s\xE2\x80\x9D.", p.query.c_str());
    } else {
        int groups = 0;
        for (int i = 0; i < n; ++i)
            groups += i == 0 || p.entries[static_cast<std::size_t>(p.hits[i].entry)].kind !=
                                    p.entries[static_cast<std::size_t>(p.hits[i - 1].entry)].kind;
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float height = std::min(kMaxListHeight, (n + groups) * line + ImGui::GetStyle().WindowPadding.y);
        ImGui::BeginChild("palette-results", ImVec2(0, height));
        for (int i = 0; i < n; ++i) {
            const layout::SearchEntry& e = p.entries[static_cast<std::size_t>(p.hits[i].entry)];
            if (i == 0 || e.kind != p.entries[static_cast<std::size_t>(p.hits[i - 1].entry)].kind) {
                ImGui::PushFont(ctx.fonts.small);
                ImGui::TextColored(muted, "%s", layout::search_kind_label(e.kind));
                ImGui::PopFont();
            }
            ImGui::PushID(i);
            const std::string label = e.title + "##go " + layout::search_kind_label(e.kind);
            if (ImGui::Selectable(label.c_str(), i == p.highlighted)) chosen = i;
            if (ImGui::IsItemHovered() && ImGui::GetIO().MouseDelta.x * ImGui::GetIO().MouseDelta.x +
                                                  ImGui::GetIO().MouseDelta.y * ImGui::GetIO().MouseDelta.y > 0)
                p.highlighted = i;  // the pointer moves the highlight; a still pointer leaves it to the arrows
            if (moved && i == p.highlighted) ImGui::SetScrollHereY();
            if (!e.detail.empty()) {
                const float w = ImGui::CalcTextSize(e.detail.c_str()).x;
                ImGui::SameLine(std::max(ImGui::GetContentRegionMax().x - w, ImGui::CalcTextSize(e.title.c_str()).x + 24));
                ImGui::TextColored(muted, "%s", e.detail.c_str());
            }
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    ImGui::TextColored(muted, "Up and Down to choose \xC2\xB7 Enter to go \xC2\xB7 Esc to close");
    if (chosen >= 0 && chosen < n) {
        jump(ctx, p.entries[static_cast<std::size_t>(p.hits[chosen].entry)]);
        close = true;
    }
    if (close) {
        ImGui::CloseCurrentPopup();
        p.open = false;
    }
    ImGui::EndPopup();
}

}  // namespace

}  // namespace wm::ui
