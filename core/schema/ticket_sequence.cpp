// A client's ticket number sequence (see ticket_sequence.hpp).
#include "core/schema/ticket_sequence.hpp"

#include "core/schema/ticket_number.hpp"

namespace casehub {

std::string next_ticket_number(TicketSequence& sequence, std::uint64_t random_bits) {
    if (sequence.suffix.empty()) sequence.suffix = make_ticket_suffix(random_bits);
    ++sequence.last;
    return make_ticket_number(sequence.last, sequence.suffix);
}

}  // namespace casehub
