// Builders behind the sample content (see sample_internal.hpp).
#include <cmath>
#include <stdexcept>

#include "model/date.hpp"
#include "model/sample_internal.hpp"

namespace wm::sample {

namespace {
[[noreturn]] void missing(const char* what, std::string_view name) {
    throw std::logic_error(std::string("sample content: unknown ") + what + " '" + std::string(name) + "'");
}
}  // namespace

Id SampleContext::channel(std::string_view name) const {
    for (const auto& c : ws.channels)
        if (c.name == name) return c.id;
    missing("channel", name);
}

Id SampleContext::journey(std::string_view title) const {
    for (const auto& j : ws.journeys)
        if (j.title == title) return j.id;
    missing("journey", title);
}

Journey& SampleContext::journey_ref(std::string_view title) {
    for (auto& j : ws.journeys)
        if (j.title == title) return j;
    missing("journey", title);
}

StepRef SampleContext::step(std::string_view journey_title, int index) const {
    for (const auto& j : ws.journeys) {
        if (j.title != journey_title) continue;
        int i = 0;
        for (const auto& stage : j.stages)
            for (const auto& s : stage.steps)
                if (i++ == index) return StepRef{j.id, s.id};
        missing("step index of", journey_title);
    }
    missing("journey", journey_title);
}

Id SampleContext::criterion(std::string_view name) const {
    for (const auto& c : ws.settings.scoring.criteria)
        if (c.name == name) return c.id;
    missing("criterion", name);
}

Id SampleContext::insight(std::string_view title) const {
    for (const auto& i : ws.insights)
        if (i.title == title) return i.id;
    missing("insight", title);
}

Id SampleContext::opportunity(std::string_view title) const {
    for (const auto& o : ws.opportunities)
        if (o.title == title) return o.id;
    missing("opportunity", title);
}

JourneyBuilder::JourneyBuilder(SampleContext& ctx, std::string title, int level, LaneTemplate lanes)
    : JourneyBuilder(ctx, std::move(title), level, std::vector<Lane>{}) {
    j_.lanes = make_template_lanes(lanes, ctx_.gen);
}

JourneyBuilder::JourneyBuilder(SampleContext& ctx, std::string title, int level, std::vector<Lane> lanes)
    : ctx_(ctx) {
    j_.id = ctx_.gen.next();
    j_.title = std::move(title);
    j_.level = level;
    j_.lanes = std::move(lanes);
}

JourneyBuilder& JourneyBuilder::describe(std::string description, std::string owner, JourneyStatus status) {
    j_.description = std::move(description);
    j_.owner = std::move(owner);
    j_.status = status;
    return *this;
}

JourneyBuilder& JourneyBuilder::personas(std::initializer_list<Id> ids) {
    j_.personas.assign(ids.begin(), ids.end());
    return *this;
}

JourneyBuilder& JourneyBuilder::tags(std::initializer_list<const char*> tags) {
    for (const char* t : tags) j_.tags.emplace_back(t);
    return *this;
}

JourneyBuilder& JourneyBuilder::stage(const char* name, std::initializer_list<StepDef> steps) {
    Stage stage{ctx_.gen.next(), name, {}};
    for (const auto& def : steps) {
        stage.steps.push_back(Step{ctx_.gen.next(), def.name, def.description, def.moment_of_truth});
        steps_.push_back(stage.steps.back().id);
    }
    j_.stages.push_back(std::move(stage));
    return *this;
}

Id JourneyBuilder::step(int index) const {
    if (index < 0 || index >= static_cast<int>(steps_.size())) missing("step index of", j_.title);
    return steps_[static_cast<std::size_t>(index)];
}

Id JourneyBuilder::lane(std::string_view name) const {
    for (const auto& l : j_.lanes)
        if (l.name == name) return l.id;
    missing("lane", name);
}

JourneyBuilder& JourneyBuilder::row(std::string_view lane_name, std::initializer_list<const char*> texts) {
    const Id lane_id = lane(lane_name);
    int index = 0;
    for (const char* text : texts) {
        const Id at = step(index++);
        if (*text == '\0') continue;
        Card card;
        card.id = ctx_.gen.next();
        card.lane = lane_id;
        card.step = at;
        card.text = text;
        j_.cards.push_back(std::move(card));
    }
    return *this;
}

JourneyBuilder& JourneyBuilder::rated(std::string_view lane_name, std::initializer_list<Rated> cards) {
    const Id lane_id = lane(lane_name);
    int index = 0;
    for (const auto& rated : cards) {
        const Id at = step(index++);
        if (*rated.text == '\0') continue;
        Card card;
        card.id = ctx_.gen.next();
        card.lane = lane_id;
        card.step = at;
        card.text = rated.text;
        card.severity = rated.severity;
        j_.cards.push_back(std::move(card));
    }
    return *this;
}

JourneyBuilder& JourneyBuilder::touch(std::string_view lane_name, std::initializer_list<Touch> cards) {
    const Id lane_id = lane(lane_name);
    int index = 0;
    for (const auto& t : cards) {
        const Id at = step(index++);
        if (*t.text == '\0') continue;
        Card card;
        card.id = ctx_.gen.next();
        card.lane = lane_id;
        card.step = at;
        card.text = t.text;
        card.channel = ctx_.channel(t.channel);
        j_.cards.push_back(std::move(card));
    }
    return *this;
}

JourneyBuilder& JourneyBuilder::feel(Id persona, std::initializer_list<int> scores) {
    Id lane_id;
    for (const auto& l : j_.lanes)
        if (l.kind == LaneKind::emotion) {
            lane_id = l.id;
            break;
        }
    if (lane_id.is_nil()) missing("emotion lane in", j_.title);
    int index = 0;
    for (int score : scores) j_.emotions.push_back(EmotionScore{lane_id, step(index++), persona, score});
    return *this;
}

Id JourneyBuilder::finish() {
    const Id id = j_.id;
    ctx_.ws.journeys.push_back(std::move(j_));
    return id;
}

void link(SampleContext& ctx, std::string_view parent, int step_index, std::string_view child) {
    const StepRef at = ctx.step(parent, step_index);
    const Journey& p = ctx.journey_ref(parent);
    const Stage* stage = nullptr;
    find_step(p, at.step, &stage);
    ctx.ws.links.push_back(JourneyLink{p.id, ctx.journey(child), stage->id, at.step});
}

void attach(SampleContext& ctx, std::string_view journey, std::string_view lane, int step_index,
            std::initializer_list<const char*> insights, std::initializer_list<const char*> opportunities) {
    const StepRef at = ctx.step(journey, step_index);
    Journey& j = ctx.journey_ref(journey);
    Id lane_id;
    for (const auto& l : j.lanes)
        if (l.name == lane) lane_id = l.id;
    for (auto& card : j.cards)
        if (card.lane == lane_id && card.step == at.step) {
            for (const char* title : insights) card.insights.push_back(ctx.insight(title));
            for (const char* title : opportunities) card.opportunities.push_back(ctx.opportunity(title));
            return;
        }
    missing("card in lane", lane);
}

std::vector<MetricValue> monthly(double start, double trend, double amplitude, std::string_view segment) {
    // A fixed seasonal shape (dip around the holidays, lift in spring and late summer) instead of a
    // trigonometric one: integer-like arithmetic gives the same figures on every libm.
    constexpr double kWiggle[12] = {0.0, -1.0, -0.5, 0.5, 0.0, 1.0, 0.5, -0.5, 0.0, 1.0, 0.5, 1.5};
    std::vector<MetricValue> values;
    for (int m = 0; m < 12; ++m) {
        const int month = 11 + m;  // 2025-11 .. 2026-10
        const double raw = start + trend * m + kWiggle[m] * amplitude;
        values.push_back(MetricValue{date_from_ymd(2025 + (month - 1) / 12, (month - 1) % 12 + 1, 1),
                                     std::round(raw * 100.0) / 100.0, std::string(segment)});
    }
    return values;
}

Metric& add_metric(SampleContext& ctx, std::string_view journey, const MetricDef& def, int step_index,
                   std::string_view stage) {
    Journey& j = ctx.journey_ref(journey);
    Metric m;
    m.id = ctx.gen.next();
    m.name = def.name;
    m.unit = def.unit;
    m.description = def.description;
    m.owner = def.owner;
    m.direction = def.direction;
    m.target = def.target;
    m.journey = j.id;
    if (step_index >= 0) {
        const Stage* s = nullptr;
        m.step = ctx.step(journey, step_index).step;
        find_step(j, m.step, &s);
        m.stage = s->id;
    } else if (!stage.empty()) {
        for (const auto& s : j.stages)
            if (s.name == stage) m.stage = s.id;
        if (m.stage.is_nil()) missing("stage", stage);
    }
    j.metrics.push_back(m.id);
    ctx.ws.metrics.push_back(std::move(m));
    return ctx.ws.metrics.back();
}

}  // namespace wm::sample
