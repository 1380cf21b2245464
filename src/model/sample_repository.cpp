// [EVIDENCE] of the sample workspace (index in sample.cpp): the insight repository, the scored
// opportunity backlog spanning all journeys, and two maturity scans a year apart.
//
// Evidence dates are written against "today" = 2026-11-23 with the default 180-day staleness: some
// insights were validated recently, some before 2026-05-27 (stale), some never (assumed).
#include "model/date.hpp"
#include "model/sample_internal.hpp"

namespace wm::sample {

namespace {

struct At {
    const char* journey;
    int step;
};

struct InsightDef {
    const char* title;
    const char* text;
    InsightType type;
    InsightSource source;
    const char* source_detail;
    Evidence evidence;
    int y, m, d;                    // last validated; y == 0: never
    int impact;
    std::initializer_list<Id> personas;
    std::initializer_list<At> steps;
    std::initializer_list<const char*> tags;
};

void insight(SampleContext& ctx, const InsightDef& def) {
    Insight i;
    i.id = ctx.gen.next();
    i.title = def.title;
    i.text = def.text;
    i.type = def.type;
    i.source = def.source;
    i.source_detail = def.source_detail;
    i.evidence = def.evidence;
    if (def.y != 0) i.last_validated = date_from_ymd(def.y, def.m, def.d);
    i.impact = def.impact;
    i.personas.assign(def.personas.begin(), def.personas.end());
    for (const auto& at : def.steps) i.steps.push_back(ctx.step(at.journey, at.step));
    for (const char* t : def.tags) i.tags.emplace_back(t);
    ctx.ws.insights.push_back(std::move(i));
}

struct Scores {                     // 1..5 on each criterion of default_scoring_model()
    int pain, reach, revenue, fit, effort;
};

struct OpportunityDef {
    const char* title;
    const char* description;
    const char* owner;
    OpportunityStatus status;
    std::initializer_list<At> steps;
    std::initializer_list<const char*> insights;
    std::initializer_list<Id> personas;
    Scores scores;
};

Opportunity& opportunity(SampleContext& ctx, const OpportunityDef& def) {
    Opportunity o;
    o.id = ctx.gen.next();
    o.title = def.title;
    o.description = def.description;
    o.owner = def.owner;
    o.status = def.status;
    for (const auto& at : def.steps) {
        const StepRef ref = ctx.step(at.journey, at.step);
        o.steps.push_back(ref);
        bool known = false;
        for (Id j : o.journeys) known = known || j == ref.journey;
        if (!known) o.journeys.push_back(ref.journey);
    }
    for (const char* title : def.insights) o.insights.push_back(ctx.insight(title));
    o.personas.assign(def.personas.begin(), def.personas.end());
    // Criterion ids come from the workspace's own scoring model, looked up by name.
    o.scores = {{ctx.criterion("Customer pain relieved"), double(def.scores.pain)},
                {ctx.criterion("Reach"), double(def.scores.reach)},
                {ctx.criterion("Revenue impact"), double(def.scores.revenue)},
                {ctx.criterion("Strategic fit"), double(def.scores.fit)},
                {ctx.criterion("Effort"), double(def.scores.effort)}};
    ctx.ws.opportunities.push_back(std::move(o));
    return ctx.ws.opportunities.back();
}

void solution(SampleContext& ctx, Opportunity& o, const char* title, const char* description, OpportunityStatus status) {
    o.solutions.push_back(Solution{ctx.gen.next(), title, description, status});
}

// The questionnaire's keys in its order (scoring/maturity_text.cpp): five per mastery area.
constexpr const char* kScanQuestions[] = {
    "insight.research",          "insight.repository",         "insight.personas",
    "insight.validation",        "insight.shared",             "framework.hierarchy",
    "framework.standard-maps",   "framework.current-to-be",    "framework.ownership",
    "framework.measurement",     "prioritisation.backlog",     "prioritisation.common-rules",
    "prioritisation.customer-value", "prioritisation.business-goals", "prioritisation.will-not-do",
};

constexpr const char* kCompare = "Comparing plans";
constexpr const char* kBuy = "Buying a phone plan";
constexpr const char* kStart = "Getting started";
constexpr const char* kRenew = "Renewing a contract";
constexpr const char* kLeave = "Leaving Lumen";

}  // namespace

void add_insights(SampleContext& ctx) {
    using T = InsightType;
    using S = InsightSource;
    using E = Evidence;
    const Id zoe = ctx.zoe, henrik = ctx.henrik, maggie = ctx.maggie;
    const InsightDef defs[] = {
        {"Total cost beats monthly price",
         "Once they had a shortlist, participants compared totals over the contract rather than monthly fees. Eight "
         "of twelve did the sum on a phone calculator.",
         T::observation, S::interview, "12 interviews, Utrecht and Malmö, September 2026", E::validated, 2026, 9, 18, -2,
         {zoe, henrik}, {{kCompare, 5}}, {"pricing"}},
        {"\"Just show me what I pay in total\"",
         "\"Every site shows me €15 a month, and then there's a phone, a discount that stops after six months and a "
         "connection fee. Just show me the total.\"",
         T::quote, S::interview, "Interview P7, Utrecht", E::observed, 2026, 9, 18, -1, {zoe}, {{kCompare, 5}, {kBuy, 0}},
         {"pricing"}},
        {"Coverage doubts stop switchers",
         "Among people who considered Lumen and did not switch, doubt about coverage at home was the second reason, "
         "after price.",
         T::need, S::survey, "Switcher survey, n = 1,840, June 2026", E::validated, 2026, 6, 30, -2, {zoe, henrik},
         {{kCompare, 4}}, {"coverage"}},
        {"Comparison sites bring a third of online sales",
         "34% of online orders start on a comparison site, up from 26% a year ago. These visitors convert better but "
         "bounce when the price differs from the listing.",
         T::trend, S::analytics, "Web analytics, Q3 2026", E::validated, 2026, 10, 5, 1, {zoe},
         {{kCompare, 2}, {kBuy, 2}}, {"channels", "not owned"}},
        {"Indoor coverage is the real question",
         "Pre-sales chats about coverage are mostly about indoor signal in flats and offices, which the map does not "
         "show.",
         T::pain, S::support, "400 pre-sales chats sampled", E::observed, 2025, 12, 10, -1, {zoe}, {{kCompare, 4}},
         {"coverage"}},
        {"Stock mismatch sends people to the store for nothing",
         "Complaints about phones shown as available online but missing in the store doubled in the first quarter.",
         T::pain, S::support, "Store complaints, January to March 2026", E::observed, 2026, 3, 31, -2,
         {henrik, maggie}, {{kBuy, 1}, {"Buy a phone in a store", 2}}, {"stock", "retail"}},
        {"A declined credit check is a dead end",
         "9% of phone orders are declined by the credit check; 94% of those people never come back, although most "
         "would qualify for SIM only.",
         T::pain, S::analytics, "Checkout funnel, May to August 2026", E::validated, 2026, 8, 12, -2, {},
         {{kBuy, 4}}, {"checkout"}},
        {"Older customers want setup done in person",
         "Customers over 65 rate the visit by whether the phone worked when they left, not by price or waiting time.",
         T::need, S::interview, "Store shadowing, Malmö and Utrecht, May 2026", E::observed, 2026, 5, 20, 2, {maggie},
         {{"Buy a phone in a store", 5}}, {"retail"}},
        {"The porting gap scares people who get bank codes by SMS",
         "Several participants delayed switching because their bank sends login codes by SMS and they feared being "
         "locked out for a day.",
         T::pain, S::interview, "Interviews P4, P9 and P11", E::observed, 2026, 9, 18, -2, {zoe, henrik},
         {{"Port my number", 4}}, {"porting"}},
        {"Finding the porting code is the hardest step",
         "22% of people who start the porting form stop at the code field, far more than at any other field.",
         T::observation, S::analytics, "Porting form analytics, 2026", E::validated, 2026, 10, 1, -2, {},
         {{"Port my number", 1}, {kBuy, 6}}, {"porting"}},
        {"eSIM codes reach the wrong device",
         "38% of activation contacts in August were about the QR code: sent to the phone that had to scan it, or "
         "already used.",
         T::observation, S::support, "Activation contact reasons, August 2026", E::validated, 2026, 9, 2, -2,
         {maggie}, {{"Activate the eSIM", 0}, {"Activate the eSIM", 2}}, {"eSIM", "activation"}},
        {"eSIM is a reason to buy online",
         "Among new online customers, 41% chose eSIM, and half of them said not waiting for the post was a reason to "
         "order online rather than in a store.",
         T::gain, S::survey, "New-customer survey, n = 920", E::validated, 2026, 7, 15, 1, {zoe},
         {{"Sign up online", 4}}, {"eSIM"}},
        {"First-bill shock",
         "The pro-rated first bill is the top reason for contact in the first month: customers read it as an "
         "overcharge.",
         T::pain, S::support, "Billing contact reasons, 2026 to date", E::validated, 2026, 10, 20, -2, {henrik},
         {{kStart, 4}, {"Pay the first bill", 1}, {"Contact support about a bill", 0}}, {"billing"}},
        {"\"I thought I'd been overcharged\"",
         "\"The first bill was €31 and the plan is €20. I was sure it was a mistake, so I called before reading the "
         "second page.\"",
         T::quote, S::interview, "Interview P3, Malmö", E::observed, 2026, 4, 2, -1, {henrik},
         {{"Pay the first bill", 1}}, {"billing"}},
        {"A bot without the bill frustrates",
         "In billing chats the bot cannot see the customer's bill; 71% of these chats end with an agent, after the "
         "customer has typed the question twice.",
         T::observation, S::analytics, "1,200 chat transcripts, September 2026", E::observed, 2026, 9, 28, -2,
         {henrik, maggie}, {{"Contact support about a bill", 1}, {"Contact support about a bill", 3}}, {"care"}},
        {"Loyal customers feel punished",
         "Customers with five or more years at Lumen are the least satisfied with price; many quote new-customer "
         "deals they cannot get.",
         T::need, S::survey, "Base satisfaction survey, n = 3,100, February 2026", E::validated, 2026, 2, 27, -2,
         {henrik}, {{kRenew, 1}}, {"pricing", "loyalty"}},
        {"Families renew together or leave together",
         "When one line of a family account ports out, the other lines follow within 90 days in six cases out of "
         "ten.",
         T::observation, S::analytics, "Churn model, 2025 cohorts", E::validated, 2025, 11, 30, -1, {henrik},
         {{kRenew, 3}, {kLeave, 0}}, {"churn", "family"}},
        {"Cancellation is hard to find",
         "'Cancel' is the third most searched word on the Lumen site, and the help page sends people to the phone.",
         T::pain, S::analytics, "Site search, August 2026", E::observed, 2026, 8, 30, -2, {zoe},
         {{kLeave, 1}, {"Cancel my contract", 0}}, {"churn"}},
        {"Exit fees surprise leavers",
         "We think most complaints about final bills come from early-exit fees not mentioned when people leave. Not "
         "checked yet.",
         T::pain, S::support, "Team hypothesis from final-bill complaints", E::assumed, 0, 0, 0, -2, {},
         {{kLeave, 5}}, {"churn", "billing"}},
        {"Win-back works only in the first 60 days",
         "Win-back offers sent within 60 days of leaving convert four times better than later ones.",
         T::trend, S::analytics, "Win-back campaign results, 2025", E::observed, 2025, 10, 15, 1, {},
         {{kLeave, 6}}, {"win-back"}},
        {"Young switchers trust social video more than ads",
         "Under-30s say short videos from other users influence their choice of network more than operator "
         "advertising.",
         T::trend, S::other, "Agency social-listening report", E::assumed, 0, 0, 0, 1, {zoe}, {{kCompare, 3}},
         {"social", "not owned"}},
        {"The queue is the worst moment of a store visit",
         "In the exit survey, waiting scores lowest of all parts of the visit, especially on Saturdays.",
         T::pain, S::survey, "Store exit survey, n = 640", E::validated, 2026, 10, 12, -1, {maggie},
         {{"Buy a phone in a store", 1}}, {"retail"}},
        {"App users stay longer",
         "Customers who log in to the app in their first month churn 30% less in their first year.",
         T::observation, S::analytics, "Cohort analysis, 2026 joiners", E::validated, 2026, 9, 10, 2, {},
         {{kStart, 2}}, {"app", "churn"}},
        {"Delivery day is a lost day",
         "Diary participants stayed home all day for the courier; two missed it and waited two more days.",
         T::pain, S::interview, "Diary study, 8 participants", E::observed, 2026, 6, 12, -1, {zoe, henrik},
         {{kBuy, 7}}, {"delivery", "not owned"}},
        {"A second line is wanted but never offered",
         "Family interviews suggest people would add a line for a partner or child if asked at the right moment.",
         T::need, S::interview, "6 family households", E::assumed, 0, 0, 0, 1, {henrik}, {{kStart, 3}},
         {"cross-sell", "family"}},
        {"Renewal reminders come too late",
         "A third of renewals happen after the end date, when customers have already received competitor offers.",
         T::observation, S::analytics, "Renewal timing analysis, 2026", E::validated, 2026, 10, 28, -1, {henrik},
         {{kRenew, 0}}, {"renewal"}},
    };
    for (const auto& def : defs) insight(ctx, def);

    // A few cards carry the evidence behind them.
    attach(ctx, kCompare, "Pains", 5, {"Total cost beats monthly price", "\"Just show me what I pay in total\""}, {});
    attach(ctx, kCompare, "Pains", 4, {"Indoor coverage is the real question"}, {});
    attach(ctx, kBuy, "Pains", 4, {"A declined credit check is a dead end"}, {});
    attach(ctx, kBuy, "Pains", 6, {"Finding the porting code is the hardest step"}, {});
    attach(ctx, kStart, "Barriers", 4, {"First-bill shock"}, {});
    attach(ctx, "Activate the eSIM", "Pains", 0, {"eSIM codes reach the wrong device"}, {});
}

void add_opportunities(SampleContext& ctx) {
    using St = OpportunityStatus;
    const Id zoe = ctx.zoe, henrik = ctx.henrik, maggie = ctx.maggie;

    Opportunity* o = &opportunity(ctx, {"Show the total cost everywhere",
        "Put the total over the contract next to every monthly price, on our site and in the comparison-site feed.",
        "Sanne de Vries", St::in_progress, {{kCompare, 5}, {kBuy, 0}},
        {"Total cost beats monthly price", "\"Just show me what I pay in total\"", "Comparison sites bring a third of online sales"},
        {zoe, henrik}, {5, 5, 4, 4, 2}});
    solution(ctx, *o, "Total-cost line on plan cards", "One line under the monthly price: '€432 over 24 months'.", St::in_progress);
    solution(ctx, *o, "Total cost in the comparison-site feed", "Send the total as a field; two sites already show it.", St::planned);

    o = &opportunity(ctx, {"Indoor coverage check by address",
        "Predict indoor signal for an address, including the floor, and show it next to the outdoor map.",
        "Network marketing", St::validated, {{kCompare, 4}},
        {"Coverage doubts stop switchers", "Indoor coverage is the real question"}, {zoe}, {4, 4, 4, 3, 4}});
    solution(ctx, *o, "Indoor layer on the coverage map", "Based on building data and measured signal.", St::idea);

    o = &opportunity(ctx, {"Live stock for web shop and stores",
        "Show the same, current stock online and in every store, and let people reserve a phone for pick-up.",
        "Pieter Jansen", St::planned, {{kBuy, 1}, {"Buy a phone in a store", 2}},
        {"Stock mismatch sends people to the store for nothing"}, {henrik, maggie}, {3, 3, 3, 4, 4}});
    solution(ctx, *o, "Hourly stock feed from stores", "Replaces the nightly file.", St::planned);

    o = &opportunity(ctx, {"An alternative when the credit check says no",
        "Offer SIM only, or a cheaper phone within the approved limit, instead of a bare refusal.",
        "Pieter Jansen", St::validated, {{kBuy, 4}}, {"A declined credit check is a dead end"}, {}, {4, 2, 5, 4, 2}});
    solution(ctx, *o, "Fallback offer on decline", "Shown on the same screen, with the reason in plain words.", St::planned);

    o = &opportunity(ctx, {"Porting without a code",
        "With the customer's consent, request the porting code from the old operator ourselves.",
        "Network services", St::idea, {{"Port my number", 1}, {kBuy, 6}},
        {"Finding the porting code is the hardest step"}, {zoe, henrik}, {5, 3, 3, 5, 5}});
    solution(ctx, *o, "Consent-based code request", "Through the national porting hub; needs a legal review.", St::idea);

    opportunity(ctx, {"No gap when the number moves",
        "Keep the old SIM working until the Lumen SIM takes over, so bank codes by SMS always arrive.",
        "Network services", St::idea, {{"Port my number", 4}},
        {"The porting gap scares people who get bank codes by SMS"}, {zoe, henrik}, {4, 3, 2, 3, 5}});

    o = &opportunity(ctx, {"Re-issue eSIM codes in the app",
        "Let customers get a new QR code themselves, and never send it only to the phone that must scan it.",
        "Femke Visser", St::in_progress, {{"Activate the eSIM", 0}, {"Activate the eSIM", 2}},
        {"eSIM codes reach the wrong device"}, {zoe, maggie}, {5, 3, 3, 4, 2}});
    solution(ctx, *o, "Self-service QR re-issue", "In the app and on the website after login.", St::in_progress);
    solution(ctx, *o, "Code shown on a second screen", "The email says: open this on another device.", St::done);

    o = &opportunity(ctx, {"Explain the first bill before it arrives",
        "Tell new customers what their first bill will look like and why, before they see it.",
        "Femke Visser", St::done, {{kStart, 4}, {"Pay the first bill", 1}},
        {"First-bill shock", "\"I thought I'd been overcharged\""}, {henrik}, {5, 5, 3, 4, 1}});
    solution(ctx, *o, "Bill-explainer email", "Two days before the first bill; annotated sample of their own bill.", St::done);

    opportunity(ctx, {"Give the chat bot the bill",
        "Let the bot read the customer's latest bill so it can explain charges, and hand over with context.",
        "Customer care", St::planned, {{"Contact support about a bill", 1}, {"Contact support about a bill", 3}},
        {"A bot without the bill frustrates"}, {henrik, maggie}, {4, 4, 3, 4, 4}});

    opportunity(ctx, {"The same deal for loyal customers",
        "Offer renewing customers the price new customers get, at least for SIM only.",
        "Lotta Berg", St::validated, {{kRenew, 1}}, {"Loyal customers feel punished"}, {henrik}, {5, 4, 3, 5, 3}});

    opportunity(ctx, {"Renew the whole family at once",
        "One renewal for every line of a family account, with one end date from then on.",
        "Lotta Berg", St::idea, {{kRenew, 3}}, {"Families renew together or leave together"}, {henrik},
        {4, 2, 4, 4, 3}});

    opportunity(ctx, {"Cancel in the app",
        "A clear way to leave in the app, with one honest offer along the way, instead of a phone-only process.",
        "Customer care", St::planned, {{kLeave, 1}, {"Cancel my contract", 0}}, {"Cancellation is hard to find"},
        {zoe}, {4, 3, 2, 4, 2}});

    opportunity(ctx, {"Show the exit fee before confirming",
        "State any early-exit fee and the final bill amount before the customer confirms leaving.",
        "Billing", St::idea, {{kLeave, 5}}, {"Exit fees surprise leavers"}, {}, {4, 2, 1, 3, 1}});

    o = &opportunity(ctx, {"Sunday home delivery",
        "Deliver phones on Sundays so people don't lose a working day waiting.",
        "Pieter Jansen", St::idea, {{kBuy, 7}}, {"Delivery day is a lost day"}, {zoe, henrik}, {2, 2, 1, 2, 5}});
    o->will_not_do = true;
    o->will_not_do_reason = "Our courier cannot offer Sunday slots outside the big cities before 2028. Two-hour "
                            "evening slots (in the to-be journey) solve most of the pain; we revisit at the 2027 "
                            "contract round.";

    o = &opportunity(ctx, {"Book a store appointment online",
        "Let people book a slot with a specialist, so the visit starts with someone who expects them.",
        "Retail operations", St::in_progress, {{"Buy a phone in a store", 1}},
        {"The queue is the worst moment of a store visit", "Older customers want setup done in person"},
        {maggie, henrik}, {4, 3, 3, 3, 2}});
    solution(ctx, *o, "Slot booking on the store page", "Piloting in Malmö Södergatan and Utrecht Stadsplein.", St::in_progress);

    opportunity(ctx, {"Offer a second line on day 14",
        "A well-timed, relevant offer to add a line for a partner or child, in the app.",
        "Femke Visser", St::idea, {{kStart, 3}},
        {"A second line is wanted but never offered", "App users stay longer"}, {henrik}, {2, 3, 5, 4, 2}});

    opportunity(ctx, {"Earlier renewal reminders",
        "Start the renewal conversation 120 days before the end date, with the offer in the app.",
        "Lotta Berg", St::validated, {{kRenew, 0}}, {"Renewal reminders come too late"}, {henrik},
        {3, 4, 4, 4, 1}});

    // Cards that point at the backlog.
    attach(ctx, kCompare, "Pains", 5, {}, {"Show the total cost everywhere"});
    attach(ctx, kBuy, "Pains", 4, {}, {"An alternative when the credit check says no"});
    attach(ctx, kLeave, "Pains", 1, {}, {"Cancel in the app"});
    attach(ctx, "Activate the eSIM", "Pains", 2, {}, {"Re-issue eSIM codes in the app"});
}

void add_scans(SampleContext& ctx) {
    // Question keys follow the three mastery areas of the maturity scan; answers are stages 1..5.
    auto scan = [&](int y, int m, int d, std::initializer_list<int> stages, const char* note) {
        MaturityScan s;
        s.id = ctx.gen.next();
        s.date = date_from_ymd(y, m, d);
        int i = 0;
        for (int stage : stages) s.answers.push_back(ScanAnswer{kScanQuestions[i++], stage});
        s.note = note;
        ctx.ws.scans.push_back(std::move(s));
    };
    scan(2025, 11, 10, {2, 1, 2, 1, 2, /**/ 2, 1, 1, 1, 1, /**/ 2, 1, 1, 2, 1},
         "Baseline before the journey programme: research per project, journeys in slide decks, no shared backlog.");
    scan(2026, 9, 15, {3, 3, 3, 3, 3, /**/ 4, 3, 3, 3, 3, /**/ 3, 4, 3, 3, 2},
         "Framework agreed with the leadership team; insight repository in use; one backlog, scored the same way.");
}

}  // namespace wm::sample
