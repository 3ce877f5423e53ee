// What the views ask of the data layer in a frame, as values: views append mutations
// here while they draw and never call the data layer themselves. After the frame is
// drawn the app's one executor (wasm/app/intent_executor) submits them in order and
// hands each answer to its `done`, which updates UI state (a form's notice, a dialog's
// error or closing). `done` may refer to UI state: the executor runs before the next
// frame, and UI state owned by the app outlives it.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/apply/mutation.hpp"
#include "core/base/result.hpp"

namespace casehub::ui {

struct MutationIntent {
    std::string name;  // "record.update", "case.resolve", ...
    Json args;
    std::function<void(const Result<Mutation>&)> done;  // the answer, when the view wants it
    std::vector<MutationIntent> then;                   // submitted in order once this one is applied
};

class Intents {
public:
    // Asks for `name(args)`; `done` gets the data layer's answer (applied, or refused with why).
    void submit(std::string name, Json args, std::function<void(const Result<Mutation>&)> done = {}) {
        mutations_.push_back(MutationIntent{std::move(name), std::move(args), std::move(done), {}});
    }
    void submit(MutationIntent intent) { mutations_.push_back(std::move(intent)); }

    bool empty() const { return mutations_.empty(); }
    // Hands the queued mutations over (the queue is empty afterwards).
    std::vector<MutationIntent> take() { return std::exchange(mutations_, {}); }

private:
    std::vector<MutationIntent> mutations_;
};

}  // namespace casehub::ui
