// Case ticket numbers "CAS-01042-X1Y2Z3": a per-client counter and a suffix unique per
// client (random characters drawn by the caller, as Dynamics does), so two tablets
// offline never mint the same number. Pure: the caller supplies counter and suffix.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace casehub {

// "CAS-<number, at least 5 digits>-<suffix>". The suffix is upper-cased; characters
// other than A-Z and 0-9 are dropped.
std::string make_ticket_number(std::uint64_t number, std::string_view suffix);

// Six suffix characters (A-Z, 0-9) from caller-supplied random bits.
std::string make_ticket_suffix(std::uint64_t random_bits);

// True for "CAS-" + 5 or more digits + "-" + 4 to 6 of A-Z/0-9.
bool is_ticket_number(std::string_view text);

}  // namespace casehub
