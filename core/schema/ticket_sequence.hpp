// This client's sequence of case numbers: a counter and a suffix drawn once per client, so
// two tablets offline never mint the same "CAS-01042-X1Y2Z3" (core/schema/ticket_number).
// Pure: the caller keeps the sequence (the browser in its preferences) and supplies the
// random bits.
#pragma once
#include <cstdint>
#include <string>

namespace casehub {

struct TicketSequence {
    std::string suffix;      // "" until the first number is drawn
    std::uint64_t last = 0;  // the counter of the last number handed out
};

// The next ticket number; advances `sequence`, drawing its suffix from `random_bits` when
// it has none yet (the bits are ignored otherwise).
std::string next_ticket_number(TicketSequence& sequence, std::uint64_t random_bits);

}  // namespace casehub
