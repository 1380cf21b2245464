// [KPIS] of the sample workspace (index in sample.cpp): business KPIs on the lifecycle, conversion
// and revenue per market and product line on the macro journeys, step KPIs on the micro journeys.
// Every series runs monthly from 2025-11 to 2026-10, the last full month before "today".
#include <cmath>

#include "model/sample_internal.hpp"

namespace wm::sample {

namespace {
constexpr Direction kUp = Direction::higher_is_better;
constexpr Direction kDown = Direction::lower_is_better;

void append(std::vector<MetricValue>& to, std::vector<MetricValue> values) {
    to.insert(to.end(), values.begin(), values.end());
}

// Values are kept sorted by date, then segment (model.hpp).
void sort_values(Metric& m) {
    std::vector<MetricValue>& v = m.values;
    for (std::size_t i = 1; i < v.size(); ++i)
        for (std::size_t k = i; k > 0; --k) {
            const bool before = v[k].date < v[k - 1].date || (v[k].date == v[k - 1].date && v[k].segment < v[k - 1].segment);
            if (!before) break;
            std::swap(v[k], v[k - 1]);
        }
}

// Four segments: market × product line, each with its own level and trend.
void segmented(Metric& m, double nl_sim, double nl_phone, double se_sim, double se_phone, double trend, double amp) {
    append(m.values, monthly(nl_sim, trend, amp, "NL / SIM only"));
    append(m.values, monthly(nl_phone, trend * 0.8, amp, "NL / Phone + plan"));
    append(m.values, monthly(se_sim, trend * 1.2, amp, "SE / SIM only"));
    append(m.values, monthly(se_phone, trend, amp, "SE / Phone + plan"));
    sort_values(m);
}
}  // namespace

void add_metrics(SampleContext& ctx) {
    const char* L0 = "Customer lifecycle";
    // [L0] business KPIs.
    add_metric(ctx, L0, {"Revenue", "EUR m", "Monthly service and hardware revenue, both markets.", "Finance", kUp, 46.0})
        .values = monthly(41.8, 0.32, 0.4);
    add_metric(ctx, L0, {"Growth rate", "%", "Net growth of active lines, month on month.", "Finance", kUp, 0.5})
        .values = monthly(0.18, 0.025, 0.05);
    add_metric(ctx, L0, {"Activation", "%", "New lines active within 7 days of purchase.", "Onboarding", kUp, 95.0}, 3)
        .values = monthly(87.9, 0.42, 0.3);
    add_metric(ctx, L0, {"Cross-sell", "%", "Customers with two or more products (lines, home internet, insurance).",
                         "Base management", kUp, 28.0}, -1, "Renew")
        .values = monthly(21.3, 0.31, 0.2);
    add_metric(ctx, L0, {"Churn", "%", "Lines leaving per month, as a share of the base.", "Base management", kDown, 1.1},
               -1, "Leave")
        .values = monthly(1.46, -0.015, 0.04);

    // [L1] conversion and incremental revenue, segmented by market and product line.
    segmented(add_metric(ctx, "Comparing plans", {"Click-through to basket", "%", "Visitors from comparison sites who start "
                                                  "a basket.", "Acquisition marketing", kUp, 12.0}, 2),
              9.4, 7.1, 10.2, 8.0, 0.12, 0.3);
    segmented(add_metric(ctx, "Buying a phone plan", {"Online conversion rate", "%", "Orders per web-shop visit.",
                                                      "Sales & channels", kUp, 3.5}),
              2.9, 2.1, 3.2, 2.4, 0.04, 0.1);
    {
        Metric& m = add_metric(ctx, "Buying a phone plan", {"Incremental revenue", "EUR k", "Revenue from new "
                               "contracts above last year's run rate.", "Sales & channels", kUp, 850.0});
        append(m.values, monthly(410, 12, 25, "NL"));
        append(m.values, monthly(290, 9, 20, "SE"));
        sort_values(m);
    }
    segmented(add_metric(ctx, "Buying a phone plan", {"Store conversion rate", "%", "Store visits that end in a sale.",
                                                      "Retail operations", kUp, 30.0}, 3),
              24.0, 27.5, 22.5, 26.0, 0.2, 0.5);
    add_metric(ctx, "Getting started", {"Activated within 7 days", "%", "New lines with network activity within 7 days.",
                                        "Onboarding", kUp, 95.0}, 0)
        .values = monthly(87.9, 0.42, 0.3);
    segmented(add_metric(ctx, "Renewing a contract", {"Renewal rate before expiry", "%", "Contracts renewed before "
                                                      "their end date.", "Base management", kUp, 70.0}),
              58.0, 63.0, 61.0, 66.0, 0.35, 0.6);
    add_metric(ctx, "Leaving Lumen", {"Save rate", "%", "Cancellation calls that end with the customer staying.",
                                      "Customer care", kUp, 25.0}, 3)
        .values = monthly(17.5, 0.2, 0.6);
    {
        Metric& m = add_metric(ctx, "Leaving Lumen", {"Port-out requests", "count", "Numbers ported to other "
                               "operators per month.", "Base management", kDown, 9000.0}, 4);
        append(m.values, monthly(6100, -40, 150, "NL"));
        append(m.values, monthly(4200, -25, 110, "SE"));
        sort_values(m);
    }

    // [L2] step KPIs, and one roll-up: first-month contacts on "Getting started" are the sum of the
    // contacts of its micro journeys.
    add_metric(ctx, "Sign up online", {"Checkout completion", "%", "Checkouts started that end in an order.",
                                       "Web shop team", kUp, 65.0}, -1, "Checkout")
        .values = monthly(54.0, 0.6, 0.8);
    add_metric(ctx, "Activate the eSIM", {"First-scan success", "%", "eSIM installs that work at the first scan.",
                                          "Onboarding", kUp, 92.0}, 2)
        .values = monthly(78.0, 0.9, 0.5);
    add_metric(ctx, "Buy a phone in a store", {"Average wait", "minutes", "From queue ticket to first contact.",
                                               "Retail operations", kDown, 10.0}, 1)
        .values = monthly(17.0, -0.3, 1.0);
    Metric& activation_contacts = add_metric(ctx, "Activate the eSIM", {"Activation contacts per 100 new customers",
        "count", "Calls and chats about activation in the first month.", "Customer care", kDown, 6.0});
    activation_contacts.values = monthly(11.0, -0.25, 0.4);
    activation_contacts.weight = 1;
    const Id activation_id = activation_contacts.id;
    const std::vector<MetricValue> activation_values = activation_contacts.values;

    Metric& billing_contacts = add_metric(ctx, "Contact support about a bill", {"Billing contacts per 100 new customers",
        "count", "Calls and chats about the bill in the first month.", "Customer care", kDown, 9.0});
    billing_contacts.values = monthly(15.5, -0.3, 0.5);
    const Id billing_id = billing_contacts.id;
    const std::vector<MetricValue> billing_values = billing_contacts.values;

    add_metric(ctx, "Contact support about a bill", {"Resolved in first contact", "%", "Billing chats and calls solved "
               "without a follow-up.", "Customer care", kUp, 80.0}, 4)
        .values = monthly(66.0, 0.7, 0.8);

    Metric& first_month = add_metric(ctx, "Getting started", {"First-month contacts per 100 new customers", "count",
                                     "All contacts in the first 30 days: the sum of the micro journeys' contacts.",
                                     "Customer care", kDown, 15.0});
    first_month.rollup = RollUp::sum;
    first_month.rollup_inputs = {activation_id, billing_id};
    for (std::size_t i = 0; i < activation_values.size(); ++i)
        first_month.values.push_back(MetricValue{activation_values[i].date,
                                                 std::round((activation_values[i].value + billing_values[i].value) * 100.0) / 100.0, ""});
}

}  // namespace wm::sample
