// [PEOPLE] and [L0] of the sample workspace (index in sample.cpp).
#include "model/sample_internal.hpp"

namespace wm::sample {

void add_people_and_channels(SampleContext& ctx) {
    auto persona = [&](Persona p) {
        p.id = ctx.gen.next();
        ctx.ws.personas.push_back(std::move(p));
        return ctx.ws.personas.back().id;
    };
    ctx.zoe = persona(Persona{
        {}, "Zoë Bakker", "Value-driven switcher", "SIM only · 25–34 · Netherlands",
        "If I can't see what I'll pay over the whole contract in ten seconds, I close the tab.",
        {"Pay less for the same data or more", "Switch without losing her number"},
        {"A transparent total price", "A fast online checkout", "Good 5G in the city"},
        {"Small print and introductory prices", "Waiting for the post", "Being told to call someone"},
        {"Find a cheaper plan before the price rise kicks in", "Move her number without a gap in service"},
        "ZB", 0x8B5CF6});
    ctx.henrik = persona(Persona{
        {}, "Henrik Lindqvist", "Family account holder", "Phone + plan family bundle · 4 lines · Sweden",
        "One bill for the four of us, and no surprises on it. That's all I ask.",
        {"Keep the family's costs predictable", "Get his daughter a safe first phone"},
        {"One clear bill", "Renewing all lines at once", "Fair pricing for loyal customers"},
        {"Unexplained charges", "Long waits on the phone", "New customers getting better deals"},
        {"Manage four lines and their phones", "Check the bill every month"},
        "HL", 0x0D9488});
    ctx.maggie = persona(Persona{
        {}, "Margaret \"Maggie\" Osei", "Store-first smartphone buyer", "Phone + plan · 65+ · Netherlands",
        "I'd rather someone shows me, in person, and writes it down for me.",
        {"Video calls with her grandchildren", "Understand what she is paying for"},
        {"Personal help in a store", "Setup done for her", "Plain language"},
        {"Queues without a seat", "Jargon", "QR codes and app-only instructions"},
        {"Buy her first smartphone", "Have it working before she leaves the store"},
        "MO", 0xD97706});

    // Touchpoints the company does not own matter as much as its own (seed 000).
    struct { const char* name; bool owned; } channels[] = {
        {"Lumen website", true},   {"Lumen app", true},         {"Lumen store", true},
        {"Call centre", true},     {"Live chat", true},         {"Email", true},
        {"SMS", true},             {"Invoice", true},           {"Comparison sites", false},
        {"Search engine", false},  {"Social media", false},     {"App stores", false},
        {"Review sites", false},   {"Courier", false},          {"Credit agency", false},
        {"Previous operator", false}, {"Phone maker", false},   {"Bank / payment provider", false},
        {"Other operator", false},
    };
    for (const auto& c : channels) ctx.ws.channels.push_back(Channel{ctx.gen.next(), c.name, c.owned});
}

void add_lifecycle(SampleContext& ctx) {
    // The management level: a few lanes only; the detail lives in the macro journeys below it.
    std::vector<Lane> lanes;
    auto lane = [&](const char* name, LaneKind kind, const char* layer, std::uint32_t color) {
        lanes.push_back(Lane{ctx.gen.next(), name, kind, layer, color, false});
    };
    lane("What the customer wants", LaneKind::text, "Customer", 0x6366F1);
    lane("Business goals", LaneKind::text, "Business", 0xF59E0B);
    lane("KPIs", LaneKind::metric, "Business", 0xF59E0B);
    lane("Macro journeys", LaneKind::journey_link, "Framework", 0x64748B);

    JourneyBuilder b(ctx, "Customer lifecycle", 0, std::move(lanes));
    b.describe("How people find Lumen, join, stay and leave. The management view: each stage carries the "
               "business KPIs, and the macro journeys below it show where the experience is made.",
               "Ingrid Sørensen, Chief Customer Officer", JourneyStatus::live)
        .personas({ctx.zoe, ctx.henrik, ctx.maggie})
        .tags({"lifecycle", "management"})
        .stage("Awareness", {{"Notices Lumen", "Ads, word of mouth, a friend's phone bill."}})
        .stage("Consideration", {{"Compares offers", "Plans, phones, coverage and reviews side by side.", true}})
        .stage("Purchase", {{"Chooses and buys", "Online, in a store or by phone.", true},
                            {"Gets connected", "SIM or eSIM active, number moved, first bill paid."}})
        .stage("Renew", {{"Uses and pays", "Everyday use, bills and the odd question."},
                         {"Renews or upgrades", "Contract end, new phone, extra lines.", true}})
        .stage("Leave", {{"Decides to leave", "A better deal elsewhere or one problem too many.", true},
                         {"Ports out", "Number moves to another operator; final bill."}})
        .row("What the customer wants",
             {"Hear about a network that is fair and reliable", "A like-for-like comparison without small print",
              "A plan that fits, bought where I like to buy", "Phone, number and data working on day one",
              "A bill I understand, and help when I need it", "A reason to stay that isn't a lock-in",
              "Being heard before it gets to this point", "Leaving without hassle or a surprise final bill"})
        .row("Business goals",
             {"Grow consideration among 18–34s in both markets", "Win more head-to-head comparisons on total cost",
              "Lift the online share of sales to 55%", "Every new line active within 7 days",
              "Cut billing contacts by a third", "Renew 70% of contracts before they end",
              "Spot churn risk 60 days earlier", "Win back one in five leavers within a year"});
    b.finish();
}

}  // namespace wm::sample
