// Drawing the framework grid: body (level bands, cells, group headings, tiles — only those on
// screen), the dragged tile and its drop target, then the sticky stage header band and level label
// column over it, the corner, and the note left at the last drop point.
//
// A tile: state edge (current / to-be), title, state · status · owner, persona avatars, counts of
// insights and opportunities, the journey's first KPI against target with a sparkline; a chevron
// folds its children away. With a coverage filter on, tiles that match are outlined and the rest
// fade, and the "gaps" filter lists each journey's steps that nothing details yet.
//
// [SECTION] index: helpers · tiles · body · headers · draw_framework
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "scoring/kpi.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/draw.hpp"
#include "ui/framework/internal.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/kit/sparkline.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/tiles.hpp"

namespace wm::ui::fw {

bool Frame::flagged(int tile) const {
    if (!any_filter) return false;
    for (int i = 0; i < layout::kCoverageCount; ++i)
        if (st.filters[static_cast<std::size_t>(i)] && layout::matches(static_cast<layout::Coverage>(i), journey(tile), facts(tile), levels))
            return true;
    return false;
}

TileParts tile_parts(const Frame& f, int tile) {
    const layout::FwTile& t = f.lay.tiles[static_cast<std::size_t>(tile)];
    const float z = f.cam.zoom;
    TileParts p;
    p.min = f.to_screen(t.rect.x, t.rect.y);
    p.max = f.to_screen(t.rect.right(), t.rect.bottom());
    if (t.has_children) {
        p.chevron_min = ImVec2(p.max.x - 26 * z, p.min.y + 4 * z);
        p.chevron_max = ImVec2(p.max.x - 4 * z, p.min.y + 24 * z);
    }
    p.unmapped_top = p.min.y + f.lay.metrics.tile_height * z;
    p.unmapped_line = f.lay.metrics.unmapped_line * z;
    return p;
}

void expose(const Frame& f, const std::string& label, ImVec2 min, ImVec2 max) {
    if (f.screen) {   // a tile's coordinates → the screen's
        expose(*f.screen, label, f.on_screen(min), f.on_screen(max));
        return;
    }
    const float x0 = std::max(min.x, f.body_min.x), y0 = std::max(min.y, f.body_min.y);
    const float x1 = std::min(max.x, f.canvas_max.x), y1 = std::min(max.y, f.canvas_max.y);
    if (x1 > x0 && y1 > y0) expose_rect(label, ItemRect{x0, y0, x1 - x0, y1 - y0});
}

std::string level_title(const layout::FwRow& row) {
    return "L" + std::to_string(row.level) + (row.name.empty() ? "" : " " + row.name);
}

float level_column_width(const Frame& f) {
    // The label starts after the fold triangle (draw_headers: pad + 3 s) and ends a pad before the edge.
    ImFont* bold = font_or_default(f.ctx.fonts.bold);
    const float bsize = base_size(bold) * f.hscale, room = (2 * 8 + 3 * 4.5f) * f.hscale;
    float widest = 0;
    for (const layout::FwRow& row : f.lay.rows) widest = std::max(widest, text_width(bold, bsize, level_title(row)));
    const float least = f.lay.metrics.label_width * f.hscale;
    return std::clamp(std::ceil(widest + room), least, least * 1.6f);
}

namespace {

// [SECTION] helpers

// The first KPI anchored exactly at (journey, stage) — stage nil: on the journey as a whole — else
// the first on the journey anywhere. Null when it has none.
// "✓ NPS 42 / 45 %" with a health dot, and a sparkline to its right, clipped to max_x. When it does
// not fit, the name gives way ("✗ Online co… 2.1 / 3 %"), not the value, which is what the line is
// for; with no room for a few letters of the name, the value stands alone ("✗ 2.1 / 3 %": the
// tooltip names the KPI). Returns where the value was drawn, for the test hook; empty when it was
// not (a value too wide for the line is cut with the rest).
ImRect kpi_line(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, float max_x, const Metric& m, const kpi::Reading& r) {
    const float spark_w = std::min(64.0f * size / 13.0f, (max_x - pos.x) * 0.35f);
    dl->AddCircleFilled(ImVec2(pos.x + size * 0.35f, pos.y + size * 0.6f), size * 0.3f, health_color(r.health));
    const std::string mark = health_mark(r.health), head = mark + m.name, text = mark + kpi::headline_text(m, r);
    const std::string value = text.substr(head.size());                      // " 2.1 / 3 %"
    const std::string alone = mark + (value.empty() ? value : value.substr(1));   // "✗ 2.1 / 3 %"
    const float text_max = max_x - spark_w - size * 0.5f, x = pos.x + size, room = text_max - x;
    const float value_w = text_width(font, size, value), head_w = text_width(font, size, head);
    const bool fits = head_w + value_w <= room, name_room = value_w <= room - size * 3;   // a few letters of the name
    ImRect value_at;
    if (fits) {
        dl->AddText(font, size, ImVec2(x, pos.y), color::kInk, text.c_str());
        value_at = ImRect(x + head_w, pos.y, x + head_w + value_w, pos.y + size);
    } else if (name_room) {
        one_line(dl, font, size, ImVec2(x, pos.y), text_max - value_w, color::kInk, head);
        dl->AddText(font, size, ImVec2(text_max - value_w, pos.y), color::kInk, value.c_str());
        value_at = ImRect(text_max - value_w, pos.y, text_max, pos.y + size);
    } else if (const float alone_w = text_width(font, size, alone); r.latest && alone_w <= room) {
        dl->AddText(font, size, ImVec2(x, pos.y), color::kInk, alone.c_str());
        value_at = ImRect(x + text_width(font, size, mark), pos.y, x + alone_w, pos.y + size);
    } else {   // not even the value fits: the line is cut as a whole (no whole value shown)
        one_line(dl, font, size, ImVec2(x, pos.y), text_max, color::kInk, text);
    }
    if (r.series.size() >= 2)
        draw_sparkline(dl, ImVec2(max_x - spark_w, pos.y), ImVec2(max_x, pos.y + size * 1.2f), r, m);
    return value_at;
}

// [SECTION] tiles

void draw_tile(Frame& f, ImDrawList* dl, int index, const kpi::Evaluation& kpis, int hovered, bool drop_target, bool drop_ok) {
    const layout::FwTile& t = f.lay.tiles[static_cast<std::size_t>(index)];
    const Journey& j = f.journey(index);
    const layout::JourneyFacts& facts = f.facts(index);
    const Workspace& ws = f.ctx.ws;
    const float z = f.cam.zoom;
    const TileParts p = tile_parts(f, index);
    const bool dragged = f.st.drag.active && f.st.drag.journey == j.id;
    const bool flagged = f.flagged(index);
    const bool faded = (f.any_filter && !flagged) || dragged;
    const float radius = 6 * z;
    ImU32 fill = index == hovered && !f.st.drag.active ? color::kHover : color::kPaper;
    if (faded) fill = color::mix(fill, color::kCanvas, 0.55f);
    dl->AddRectFilled(p.min, p.max, fill, radius);
    ImU32 border = color::kLine;
    float thickness = 1;
    if (flagged) border = color::kWarn, thickness = 2;
    if (drop_target) border = drop_ok ? color::kAccent : color::kError, thickness = 2.5f;
    dl->AddRect(p.min, p.max, border, radius, 0, thickness);
    if (j.id == f.st.focus)   // the keyboard's place in the page's mirror (framework/mirror.hpp)
        dl->AddRect(ImVec2(p.min.x - 3, p.min.y - 3), ImVec2(p.max.x + 3, p.max.y + 3), color::kAccent, radius + 3, 0, 2.5f);
    const ImU32 edge = j.state == JourneyState::to_be ? color::kToBe : color::kAccent;
    dl->AddRectFilled(p.min, ImVec2(p.min.x + 4 * z, p.max.y), faded ? color::mix(edge, color::kCanvas, 0.5f) : edge, radius,
                      ImDrawFlags_RoundCornersLeft);
    const ImU32 ink = faded ? color::kMuted : color::kInk;
    ImFont* bold = font_or_default(f.ctx.fonts.bold);
    ImFont* small = font_or_default(f.ctx.fonts.small);
    // The title is body text scaling with the tile; details are captions (type::caption_scale).
    const float bsize = base_size(bold) * z, ssize = base_size(small) * type::caption_scale(z);
    const float x0 = p.min.x + 12 * z;
    const float right = p.max.x - 8 * z - (t.has_children ? 22 * z : 0);
    expose(f, "tile " + j.title, p.min, p.max);
    expose(f, j.title, p.min, p.max);   // as the tiles were always found (window.waymark.rect(title))

    if (z < kDetailZoom) {
        boxed_lines(dl, bold, bsize, ImVec2(x0, p.min.y + 6 * z), ImVec2(p.max.x - 6 * z, p.max.y - 4 * z), ink, j.title);
        return;
    }
    // One line each, ending in "…" when it does not fit (the tooltip and the map have the whole text).
    one_line(dl, bold, bsize, ImVec2(x0, p.min.y + 7 * z), right, ink, j.title);
    std::string meta = j.state == JourneyState::to_be ? "To-be" : "Current";
    meta += " \xC2\xB7 ";
    meta += journey_status_label(j.status);
    if (!j.owner.empty()) meta += " \xC2\xB7 " + j.owner;
    one_line(dl, small, ssize, ImVec2(x0, p.min.y + 29 * z), p.max.x - 8 * z, color::kMuted, meta);

    // Avatars, then counts on the right.
    float ax = x0;
    const float ay = p.min.y + 48 * z, r = std::max(9 * z, ssize * 0.62f);  // room for caption-sized initials
    int shown = 0;
    for (Id pid : j.personas) {
        const Persona* persona = find_by_id(ws.personas, pid);
        if (!persona) continue;
        if (shown == 4) {
            const std::string more = "+" + std::to_string(j.personas.size() - 4);
            dl->AddText(small, ssize, ImVec2(ax, ay + r - ssize * 0.6f), color::kMuted, more.c_str());
            break;
        }
        const ImU32 col = color::avatar_fill(persona->color);
        dl->AddCircleFilled(ImVec2(ax + r, ay + r), r, faded ? color::mix(col, color::kCanvas, 0.5f) : col);
        const float tw = text_width(small, ssize, persona->initials);
        dl->AddText(small, ssize, ImVec2(std::round(ax + r - tw * 0.5f), std::round(ay + r - ssize * 0.5f)), color::readable_on(col),
                    persona->initials.c_str());
        ax += r * 2 + 3 * z;
        ++shown;
    }
    if (j.personas.empty()) dl->AddText(small, ssize, ImVec2(ax, ay + r - ssize * 0.6f), color::kMuted, "No persona");
    std::string counts = std::to_string(facts.insights) + (facts.insights == 1 ? " insight" : " insights");
    counts += " \xC2\xB7 " + std::to_string(facts.opportunities) + (facts.opportunities == 1 ? " opp." : " opps.");
    const float cw = text_width(small, ssize, counts);
    dl->AddText(small, ssize, ImVec2(p.max.x - 8 * z - cw, ay + r - ssize * 0.6f), color::kMuted, counts.c_str());

    // The first KPI.
    const ImVec2 kpos(x0, p.min.y + 76 * z);
    if (const Metric* m = facts.headline >= 0 && static_cast<std::size_t>(facts.headline) < ws.metrics.size() ? &ws.metrics[static_cast<std::size_t>(facts.headline)] : nullptr) {
        const ImRect value = kpi_line(dl, small, ssize, kpos, p.max.x - 8 * z, *m, kpis.headline(m->id));
        if (value.GetWidth() > 0) expose(f, "kpi value " + j.title, value.Min, value.Max);
    } else {
        dl->AddText(small, ssize, kpos, color::kMuted, "No KPI");
    }

    // Chevron and hidden count.
    if (t.has_children) {
        const bool folded = collapsed(f.st, j.id);
        const ImVec2 c((p.chevron_min.x + p.chevron_max.x) * 0.5f, (p.chevron_min.y + p.chevron_max.y) * 0.5f);
        const float s = 5 * z;
        if (folded) dl->AddTriangleFilled(ImVec2(c.x - s * 0.6f, c.y - s), ImVec2(c.x - s * 0.6f, c.y + s), ImVec2(c.x + s * 0.8f, c.y), color::kMuted);
        else dl->AddTriangleFilled(ImVec2(c.x - s, c.y - s * 0.6f), ImVec2(c.x + s, c.y - s * 0.6f), ImVec2(c.x, c.y + s * 0.8f), color::kMuted);
        expose(f, "collapse " + j.title, p.chevron_min, p.chevron_max);
        if (folded && t.hidden > 0) {
            const std::string hidden = std::to_string(t.hidden) + " hidden";
            const float hw = text_width(small, ssize, hidden);
            pill(dl, small, ssize, ImVec2(p.max.x - 8 * z - hw - ssize, p.min.y + 29 * z), color::kAccent, hidden, p.max.x);
        }
    }

    // Unmapped steps (the "gaps" filter): one line each, a click starts a child journey there.
    for (std::size_t i = 0; i < t.unmapped_steps.size(); ++i) {
        const Step* s = find_step(j, t.unmapped_steps[i]);
        if (!s) continue;
        const float y = p.unmapped_top + p.unmapped_line * static_cast<float>(i);
        const ImVec2 lmin(x0, y), lmax(p.max.x - 8 * z, y + p.unmapped_line);
        const bool over = ImGui::IsMouseHoveringRect(f.on_screen(lmin), f.on_screen(lmax)) && !f.st.drag.active;
        if (over) dl->AddRectFilled(lmin, lmax, color::kHover, 3 * z);
        dl->AddCircle(ImVec2(x0 + 4 * z, y + p.unmapped_line * 0.5f), 3.5f * z, color::kWarn, 0, 1.5f);
        one_line(dl, small, ssize, ImVec2(x0 + 12 * z, y + 1 * z), lmax.x - 60 * z, ink, s->name);
        const char* add = "+ child";
        const float aw = text_width(small, ssize, add);
        dl->AddText(small, ssize, ImVec2(lmax.x - aw, y + 1 * z), over ? color::kAccent : color::kMuted, add);
        expose(f, "unmapped " + j.title + " " + s->name, lmin, lmax);
    }
}

// [SECTION] body

void draw_body(Frame& f, ImDrawList* dl, const kpi::Evaluation& kpis) {
    const layout::FrameworkLayout& L = f.lay;
    const float z = f.cam.zoom;
    const layout::Rect view = f.view();
    const float vx0 = view.x, vy0 = view.y, vx1 = view.right(), vy1 = view.bottom();
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float ssize = base_size(small) * type::caption_scale(z);
    const bool gaps = f.st.filters[static_cast<std::size_t>(layout::Coverage::unmapped)];

    // Level bands and cells.
    for (std::size_t r = 0; r < L.rows.size(); ++r) {
        const layout::FwRow& row = L.rows[r];
        if (row.y > vy1 || row.y + row.h < vy0) continue;
        const ImVec2 a = f.to_screen(0, row.y), b = f.to_screen(L.width, row.y + row.h);
        // Every other band is washed; the others are the canvas colour, which is what the renderer
        // clears to and a tile is painted over, so filling them filled those pixels again for nothing
        // (each tile of such a band once more: ~30 % of what painting one filled).
        if (r % 2) dl->AddRectFilled(a, b, color::kPanel);
        dl->AddLine(ImVec2(a.x, b.y), b, color::kLine);
        for (std::size_t c = 0; c < L.columns.size(); ++c) {
            const layout::FwColumn& col = L.columns[c];
            const ImVec2 ca = f.to_screen(col.x, row.y), cb = f.to_screen(col.x + col.w, row.y + row.h);
            if (c > 0) dl->AddLine(ImVec2(ca.x, ca.y), ImVec2(ca.x, cb.y), color::kLine);
            std::string label = "fw cell " + col.name + " L" + std::to_string(row.level);
            expose(f, label, ca, cb);
        }
    }
    // Columns nothing hangs from: "Not mapped", washed when the gaps filter is on.
    for (std::size_t c = 0; c < L.columns.size(); ++c) {
        const layout::FwColumn& col = L.columns[c];
        if (col.stage.is_nil() || col.journeys > 0 || L.rows.empty()) continue;
        const ImVec2 a = f.to_screen(col.x, 0), b = f.to_screen(col.x + col.w, L.height);
        if (gaps) dl->AddRectFilled(a, b, color::kWarnBg);
        if (z >= kDetailZoom) {
            const ImVec2 at = f.to_screen(col.x + L.metrics.cell_pad, L.rows[0].y + L.metrics.cell_pad);
            dl->AddText(small, ssize, at, gaps ? color::kWarn : color::kMuted, "Not mapped");
        }
    }
    // Collapsed levels say what they hold.
    for (const layout::FwRow& row : L.rows) {
        if (!row.collapsed || row.journeys == 0) continue;
        const std::string text = std::to_string(row.journeys) + (row.journeys == 1 ? " journey folded" : " journeys folded");
        dl->AddText(small, ssize, f.to_screen(L.metrics.cell_pad, row.y + (row.h / 2) - ssize / z * 0.6f), color::kMuted, text.c_str());
    }

    // Group headings: "↳ Parent › step", and a bracket down the group's tiles.
    for (std::size_t g = 0; g < L.groups.size(); ++g) {
        const layout::FwGroup& group = L.groups[g];
        const float bottom = group.bottom;
        if (bottom < vy0 || group.rect.y > vy1 || group.rect.right() < vx0 || group.rect.x > vx1) continue;
        const ImVec2 a = f.to_screen(group.rect.x, group.rect.y), b = f.to_screen(group.rect.right(), group.rect.bottom());
        dl->AddLine(f.to_screen(group.rect.x - 5, group.rect.y + group.rect.h * 0.5f), f.to_screen(group.rect.x - 5, bottom),
                    with_alpha(color::kAccent, 0.45f), 2 * z);
        if (z >= kDetailZoom)
            one_line(dl, small, ssize, ImVec2(a.x + 2 * z, a.y + 3 * z), b.x, color::kMuted, group.label);
    }

    // Tiles.
    int hovered = -1;
    const Frame& sf = f.screen ? *f.screen : f;
    const ImVec2 mouse = ImGui::GetMousePos();
    if (resting(f.st) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && mouse.x >= sf.body_min.x &&
        mouse.y >= sf.body_min.y)
        hovered = L.tile_at(sf.bx(mouse.x), sf.by(mouse.y));
    const FrameworkState::Drag& drag = f.st.drag;
    for (std::size_t i = 0; i < L.tiles.size(); ++i) {
        if (!L.tiles[i].rect.overlaps(view)) continue;
        const bool target = drag.active && !drag.probe_parent.is_nil() && L.tiles[i].journey == drag.probe_parent;
        draw_tile(f, dl, static_cast<int>(i), kpis, hovered, target, drag.probe_ok);
    }
}

// The drop target cell, and the dragged tile following the pointer (over the body, in screen units).
void draw_drag(Frame& f, ImDrawList* dl) {
    const layout::FrameworkLayout& L = f.lay;
    const float z = f.cam.zoom;
    const ImVec2 mouse = ImGui::GetMousePos();
    const FrameworkState::Drag& drag = f.st.drag;
    if (drag.active) {
        if (drag.probe_parent.is_nil() && drag.probe_column >= 0) {
            const layout::FwColumn& col = L.columns[static_cast<std::size_t>(drag.probe_column)];
            const ImVec2 a = f.to_screen(col.x, 0), b = f.to_screen(col.x + col.w, L.height);
            dl->AddRectFilled(a, b, with_alpha(drag.probe_ok ? color::kAccent : color::kError, 0.10f));
            dl->AddRect(a, b, drag.probe_ok ? color::kAccent : color::kError, 0, 0, 2);
        }
        const int ti = L.tile_of(drag.journey);
        if (ti >= 0) {
            const layout::FwTile& t = L.tiles[static_cast<std::size_t>(ti)];
            const ImVec2 a(mouse.x - drag.grab_x * z, mouse.y - drag.grab_y * z);
            const ImVec2 b(a.x + t.rect.w * z, a.y + L.metrics.tile_height * z);
            dl->AddRectFilled(a, b, with_alpha(color::kPaper, 0.92f), 6 * z);
            dl->AddRect(a, b, color::kAccent, 6 * z, 0, 2);
            ImFont* bold = font_or_default(f.ctx.fonts.bold);
            one_line(dl, bold, base_size(bold) * z, ImVec2(a.x + 12 * z, a.y + 8 * z), b.x - 8 * z, color::kInk, f.journey(ti).title);
        }
        if (!drag.probe_text.empty()) {
            ImFont* font = font_or_default(f.ctx.fonts.regular);
            const float size = base_size(font);
            const ImVec2 tsize = font->CalcTextSizeA(size, FLT_MAX, 320, drag.probe_text.c_str());
            const ImVec2 a(mouse.x + 16, mouse.y + 18), b(a.x + tsize.x + 16, a.y + tsize.y + 10);
            dl->AddRectFilled(a, b, drag.probe_ok ? color::kInfoBg : color::kErrorBg, 5);
            dl->AddRect(a, b, drag.probe_ok ? color::kAccent : color::kError, 5);
            dl->AddText(font, size, ImVec2(a.x + 8, a.y + 5), color::kInk, drag.probe_text.c_str(), nullptr, 320);
        }
    }
}

// [SECTION] headers

void draw_headers(Frame& f, ImDrawList* dl, const kpi::Evaluation& kpis) {
    const layout::FrameworkLayout& L = f.lay;
    const Workspace& ws = f.ctx.ws;
    ImFont* bold = font_or_default(f.ctx.fonts.bold);
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float bsize = base_size(bold) * f.hscale, ssize = base_size(small) * f.hscale;
    const bool gaps = f.st.filters[static_cast<std::size_t>(layout::Coverage::unmapped)];

    // Stage header band.
    dl->PushClipRect(ImVec2(f.body_min.x, f.canvas_min.y), ImVec2(f.canvas_max.x, f.body_min.y), true);
    dl->AddRectFilled(ImVec2(f.body_min.x, f.canvas_min.y), ImVec2(f.canvas_max.x, f.body_min.y), color::kHeaderBg);
    for (std::size_t c = 0; c < L.columns.size(); ++c) {
        const layout::FwColumn& col = L.columns[c];
        const float x0 = f.to_screen(col.x, 0).x, x1 = f.to_screen(col.x + col.w, 0).x;
        if (x1 < f.body_min.x || x0 > f.canvas_max.x) continue;
        const ImVec2 a(x0, f.canvas_min.y), b(x1, f.body_min.y);
        const int count = col.journeys;
        dl->AddLine(ImVec2(x0, a.y), ImVec2(x0, b.y), color::kLine);
        const float pad = 8 * f.hscale;
        one_line(dl, bold, bsize, ImVec2(x0 + pad, a.y + pad * 0.8f), x1 - pad, col.stage.is_nil() ? color::kMuted : color::kInk, col.name);
        const bool unmapped = !col.stage.is_nil() && count == 0;
        std::string sub = unmapped ? "Not mapped" : std::to_string(count) + (count == 1 ? " journey" : " journeys");
        one_line(dl, small, ssize, ImVec2(x0 + pad, a.y + pad + bsize * 1.35f), x1 - pad, unmapped && gaps ? color::kWarn : color::kMuted, sub);
        if (!col.stage.is_nil())
            if (const Metric* m = layout::headline_metric(ws, L.lifecycle, col.stage); m && m->stage == col.stage)
                kpi_line(dl, small, ssize, ImVec2(x0 + pad, b.y - pad - ssize * 1.3f), x1 - pad, *m, kpis.headline(m->id));
        if (!col.stage.is_nil() && col.stage == f.st.focus)
            dl->AddRect(ImVec2(std::max(a.x, f.body_min.x) + 2, a.y + 2), ImVec2(std::min(b.x, f.canvas_max.x) - 2, b.y - 2), color::kAccent, 3, 0, 2.5f);
        expose_rect("fw stage " + col.name, ItemRect{std::max(a.x, f.body_min.x), a.y, std::min(b.x, f.canvas_max.x) - std::max(a.x, f.body_min.x), b.y - a.y});
    }
    draw_stage_marks(f, dl);
    dl->AddLine(ImVec2(f.body_min.x, f.body_min.y - 1), ImVec2(f.canvas_max.x, f.body_min.y - 1), color::kLine);
    dl->PopClipRect();

    // Level label column.
    dl->PushClipRect(ImVec2(f.canvas_min.x, f.body_min.y), ImVec2(f.body_min.x, f.canvas_max.y), true);
    dl->AddRectFilled(ImVec2(f.canvas_min.x, f.body_min.y), ImVec2(f.body_min.x, f.canvas_max.y), color::kHeaderBg);
    for (const layout::FwRow& row : L.rows) {
        const float y0 = f.to_screen(0, row.y).y, y1 = f.to_screen(0, row.y + row.h).y;
        if (y1 < f.body_min.y || y0 > f.canvas_max.y) continue;
        const ImVec2 a(f.canvas_min.x, y0), b(f.body_min.x, y1);
        dl->AddLine(ImVec2(a.x, y1), ImVec2(b.x, y1), color::kLine);
        const float pad = 8 * f.hscale;
        const float ty = std::max(y0, f.body_min.y) + pad * 0.6f;   // the label stays in view while its row does
        const float s = 4.5f * f.hscale;
        const ImVec2 c(a.x + pad + s, ty + bsize * 0.6f);
        if (row.collapsed) dl->AddTriangleFilled(ImVec2(c.x - s * 0.6f, c.y - s), ImVec2(c.x - s * 0.6f, c.y + s), ImVec2(c.x + s * 0.8f, c.y), color::kMuted);
        else dl->AddTriangleFilled(ImVec2(c.x - s, c.y - s * 0.6f), ImVec2(c.x + s, c.y - s * 0.6f), ImVec2(c.x, c.y + s * 0.8f), color::kMuted);
        const std::string title = level_title(row);
        one_line(dl, bold, bsize, ImVec2(a.x + pad + 3 * s, ty), b.x - pad, color::kInk, title);
        // The title's whole width, cut or not: the text-size test checks it fits its column.
        expose_rect("fw level " + std::to_string(row.level) + " title", ItemRect{a.x + pad + 3 * s, ty, text_width(bold, bsize, title), bsize});
        const std::string sub = std::to_string(row.journeys) + (row.journeys == 1 ? " journey" : " journeys");
        dl->AddText(small, ssize, ImVec2(a.x + pad + 3 * s, ty + bsize * 1.35f), color::kMuted, sub.c_str());
        expose_rect("fw level " + std::to_string(row.level), ItemRect{a.x, std::max(y0, f.body_min.y), b.x - a.x,
                                                                       std::min(y1, f.canvas_max.y) - std::max(y0, f.body_min.y)});
    }
    dl->AddLine(ImVec2(f.body_min.x - 1, f.body_min.y), ImVec2(f.body_min.x - 1, f.canvas_max.y), color::kLine);
    dl->PopClipRect();

    // Corner.
    dl->AddRectFilled(f.canvas_min, f.body_min, color::kHeaderBg);
    dl->AddText(small, ssize, ImVec2(f.canvas_min.x + 8, f.canvas_min.y + 8), color::kMuted, "Levels / lifecycle stages");
}

}  // namespace

// [SECTION] draw_framework

void draw_framework(Frame& f) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const kpi::Evaluation& kpis = f.ctx.derived.kpis();
    dl->PushClipRect(f.canvas_min, f.canvas_max, true);
    // The body from cached tiles (ui/kit/tiles: a pan re-composites them), each painted by draw_body
    // in the tile's own coordinates; directly when there are no tiles.
    const auto paint = [&](ImDrawList& list, ImVec2 origin, ImRect tile, float at) {
        Frame g = tile_frame(f, origin, tile, at);
        g.tile = layout::Rect{tile.Min.x / at, tile.Min.y / at, tile.GetWidth() / at, tile.GetHeight() / at};
        draw_body(g, &list, kpis);
    };
    const bool tiled = draw_tiled_body(f.st.body_tiles, dl, f.body_min, f.canvas_max, f.to_screen(0, 0), f.cam.zoom,
                                       !f.st.zoom_rest.resting(ImGui::GetTime()), color::kCanvas, paint);
    dl->PushClipRect(f.body_min, f.canvas_max, true);
    if (!tiled) draw_body(f, dl, kpis);
    draw_drag(f, dl);
    dl->PopClipRect();
    int visible = 0;
    for (const layout::FwTile& t : f.lay.tiles) visible += t.rect.overlaps(f.view()) ? 1 : 0;
    f.st.visible_tiles = visible;
    draw_headers(f, dl, kpis);

    // What the last drop said, where it was dropped.
    if (!f.st.note.text.empty()) {
        ImFont* font = font_or_default(f.ctx.fonts.regular);
        const float size = base_size(font);
        const ImVec2 at = f.to_screen(f.st.note.x, f.st.note.y);
        const ImVec2 tsize = font->CalcTextSizeA(size, FLT_MAX, 340, f.st.note.text.c_str());
        ImVec2 a(at.x + 12, at.y + 12);
        a.x = std::clamp(a.x, f.canvas_min.x + 4, std::max(f.canvas_min.x + 4, f.canvas_max.x - tsize.x - 24));
        a.y = std::clamp(a.y, f.canvas_min.y + 4, std::max(f.canvas_min.y + 4, f.canvas_max.y - tsize.y - 16));
        const ImVec2 b(a.x + tsize.x + 16, a.y + tsize.y + 10);
        dl->AddRectFilled(a, b, f.st.note.error ? color::kErrorBg : color::kInfoBg, 5);
        dl->AddRect(a, b, f.st.note.error ? color::kError : color::kAccent, 5, 0, 1.5f);
        dl->AddText(font, size, ImVec2(a.x + 8, a.y + 5), color::kInk, f.st.note.text.c_str(), nullptr, 340);
        expose_rect("fw note", ItemRect{a.x, a.y, b.x - a.x, b.y - a.y});
    }
    dl->PopClipRect();
}

}  // namespace wm::ui::fw
