// The UI state of form extensions (dialog inputs, a selected process stage, a search
// index of the replica), owned with the rest of the UI state by the app: each extension
// keeps one value of its own type under its own name, created on first use and kept as
// long as the app. Extensions never keep state of their own (no statics).
#pragma once
#include <cassert>
#include <map>
#include <memory>
#include <string>

namespace casehub::ui {

class ExtensionStates {
public:
    // The value kept under `name`, default-made the first time. One type per name.
    template <class T>
    T& get(const std::string& name) {
        std::unique_ptr<Slot>& slot = slots_[name];
        if (!slot) slot = std::make_unique<Holder<T>>();
        assert(slot->type == type_tag<T>() && "two extensions keep state under the same name");
        return static_cast<Holder<T>&>(*slot).value;
    }

private:
    struct Slot {
        explicit Slot(const void* t) : type(t) {}
        virtual ~Slot() = default;
        const void* type;
    };
    template <class T>
    struct Holder final : Slot {
        Holder() : Slot(type_tag<T>()) {}
        T value{};
    };
    // One address per type, without RTTI: a variable template's object is unique per T.
    template <class T>
    static const void* type_tag() {
        return &tag_of<T>;
    }
    template <class T>
    static constexpr char tag_of = 0;

    std::map<std::string, std::unique_ptr<Slot>> slots_;
};

}  // namespace casehub::ui
