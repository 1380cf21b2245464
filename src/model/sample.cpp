// The sample workspace, "Lumen Mobile". Index of the content files:
//
//   [PEOPLE]     sample_lifecycle.cpp    personas (Zoë, Henrik, Maggie) and channels, owned or not
//   [L0]         sample_lifecycle.cpp    "Customer lifecycle": Awareness .. Leave
//   [L1 BUY]     sample_macro_buy.cpp    "Comparing plans", "Buying a phone plan" and its to-be
//   [L1 KEEP]    sample_macro_keep.cpp   "Getting started", "Renewing a contract", "Leaving Lumen"
//   [L2]         sample_micro.cpp        ten micro journeys linked from macro steps
//   [KPIS]       sample_metrics.cpp      L0 business KPIs, segmented L1 conversion, L2 step KPIs
//   [EVIDENCE]   sample_repository.cpp   insights, scored opportunities, maturity scans
//
// Order matters only for ids: every part draws from the one generator below, so reordering the
// calls changes ids (and the committed asset, which the tests would flag).
#include "model/sample.hpp"

#include "model/sample_internal.hpp"

namespace wm {

Workspace sample_workspace() {
    sample::SampleContext ctx(0x4C756D656E2026ull);  // "Lumen" 2026: any fixed seed does
    ctx.ws.id = ctx.gen.next();
    ctx.ws.name = "Lumen Mobile";
    ctx.ws.settings = default_settings();
    // default_settings() draws criterion ids from the global generator; replace them so the sample
    // depends on nothing but its own seed.
    for (auto& criterion : ctx.ws.settings.scoring.criteria) criterion.id = ctx.gen.next();

    sample::add_people_and_channels(ctx);
    sample::add_lifecycle(ctx);
    sample::add_consideration_and_purchase(ctx);
    sample::add_onboarding_renew_leave(ctx);
    sample::add_micro_journeys(ctx);
    sample::add_metrics(ctx);
    sample::add_insights(ctx);
    sample::add_opportunities(ctx);
    sample::add_scans(ctx);
    return std::move(ctx.ws);
}

}  // namespace wm
