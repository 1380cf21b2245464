// Calendar dates as days since 1970-01-01, printed and parsed as ISO "YYYY-MM-DD".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace wm {

Date date_from_ymd(int year, int month, int day);       // no validation: callers pass real dates
void date_to_ymd(Date date, int& year, int& month, int& day);
std::string to_iso(Date date);                          // "2026-11-23"
std::optional<Date> parse_iso_date(std::string_view text);  // strict: exactly YYYY-MM-DD, a real day

// "2026-11-23 15:22" (or with seconds) in the user's local time zone; `ms` since 1970 (Date.now()).
std::string local_time(double ms, bool seconds = false);

}  // namespace wm
