// Domain writes through the same gates as record.create / record.update (see record_save.hpp).
#include "core/apply/record_save.hpp"

#include "core/apply/record_mutations.hpp"

namespace casehub {

Status save_new_record(ApplyContext& ctx, Record record) {
    record = ctx.policy().prepare_create(ctx.store(), std::move(record), ctx.user());
    stamp_record(ctx, record, true);
    if (auto s = ctx.before_save(nullptr, record); !s) return s;
    if (auto s = ctx.policy().validate(ctx.store(), record, nullptr); !s) return s;
    if (auto s = ctx.policy().check_create(ctx.store(), ctx.user(), record); !s) return s;
    ctx.put(record);
    return ctx.after_save(nullptr, record);
}

Status save_changed_record(ApplyContext& ctx, const Record& before, Record after) {
    stamp_record(ctx, after, false);
    if (auto s = ctx.before_save(&before, after); !s) return s;
    if (auto s = ctx.policy().validate(ctx.store(), after, &before); !s) return s;
    if (auto s = ctx.policy().check_update(ctx.store(), ctx.user(), before, after); !s) return s;
    ctx.put(after);
    return ctx.after_save(&before, after);
}

}  // namespace casehub
