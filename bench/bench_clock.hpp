// Clocks the benchmarks share. The build machine is shared and oversubscribed, so
// wall-clock times swing by 10x; CPU time of the process is what native and wasm are
// compared on. Under node, emscripten's clock() is wall time, so node is asked itself.
#pragma once
#include <chrono>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <ctime>
#endif

namespace casehub::bench {

inline double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of this process in ms.
inline double cpu_ms() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_DOUBLE({
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
    });
#else
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
#endif
}

}  // namespace casehub::bench
