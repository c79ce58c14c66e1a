// Compiles the precompiled header that tests, samples and benchmarks share (CMake's
// target_precompile_headers(... REUSE_FROM nodecc_pch)); it has no code of its own.
