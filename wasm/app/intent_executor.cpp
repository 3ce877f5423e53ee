// Intent execution (see intent_executor.hpp).
#include "wasm/app/intent_executor.hpp"

#include <cstdio>

namespace casehub::client {
namespace {

void execute(ui::MutationIntent& intent, DataLayer& data) {
    const Result<Mutation> result = data.submit(intent.name, intent.args);
    // Nothing is dropped silently: a refusal nobody asked to see still reaches the console.
    if (!result && !intent.done)
        std::fprintf(stderr, "casehub: %s refused: %s\n", intent.name.c_str(), result.error().message.c_str());
    if (intent.done) intent.done(result);
    if (!result) return;
    for (ui::MutationIntent& next : intent.then) execute(next, data);
}

}  // namespace

void execute_intents(ui::Intents& intents, DataLayer& data) {
    // A `done` may queue more (a dialog's second step): drain until nothing is left.
    for (int round = 0; round < 8 && !intents.empty(); ++round)
        for (ui::MutationIntent& intent : intents.take()) execute(intent, data);
}

}  // namespace casehub::client
