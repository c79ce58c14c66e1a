#!/usr/bin/env bash
# nodecc developer entry point.
#   ./dev.sh demo        install what is missing, build, run the main demo
#   ./dev.sh test        install what is missing, build, run every test
#   ./dev.sh test-asan   the tests built with -fsanitize=address,undefined
#   ./dev.sh test-tsan   the thread tests built with -fsanitize=thread
#   ./dev.sh bench [name…]  build and run the benchmarks beside their Node twins
#   ./dev.sh build [release|asan|tsan]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
JOBS=${JOBS:-$(nproc)}

BUILD_PKGS=(cmake ninja-build g++ pkg-config python3 libuv1-dev node-llhttp libnghttp2-dev
            libssl-dev libgtest-dev libgmock-dev nlohmann-json3-dev)
TEST_PKGS=(curl iproute2 openssl procps clang-format git)
BENCH_PKGS=(wrk nghttp2-client nghttp2-server nginx-light)

install_pkgs() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_build() {  # $1 = release | asan | tsan, then optional targets (default: all)
  local kind=$1 dir="build/$1" args=() targets=()
  shift
  [ $# -gt 0 ] && targets=(--target "$@")
  case "$kind" in
    release) args=(-DCMAKE_BUILD_TYPE=Release) ;;
    # Sanitizer builds: -Og -g1 (line tables are enough for reports; -Og compiles a third
    # faster than -O1, and full debug info of the templates doubled the compile time).
    asan) args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-Og -g1 -DNDEBUG"
                -DNODECC_SANITIZE=address,undefined -DNODECC_BUILD_BENCH=OFF -DNODECC_BUILD_SAMPLES=OFF) ;;
    tsan) args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-Og -g1 -DNDEBUG"
                -DNODECC_SANITIZE=thread -DNODECC_BUILD_BENCH=OFF -DNODECC_BUILD_SAMPLES=OFF) ;;
    *) echo "unknown build kind $kind" >&2; exit 2 ;;
  esac
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja "${args[@]}" >/dev/null
  fi
  if ! cmake --build "$dir" -j "$JOBS" "${targets[@]}" >"$dir/build.log" 2>&1; then
    grep -E 'error|FAILED' "$dir/build.log" | head -40
    echo "dev.sh: build failed (full log: $dir/build.log)" >&2
    exit 1
  fi
}

run_ctest() {  # $1 = build dir, rest = ctest args
  local dir=$1; shift
  # --repeat until-pass:3: a few cross-process pairs (a parent's and a forked child's lines
  # on one stdout) can interleave differently on a loaded machine, in Node too; a test
  # that fails three times is a failure.
  ctest --test-dir "$dir" -j "$JOBS" --output-on-failure --timeout 300 --repeat until-pass:3 "$@"
}

cmd=${1:-demo}
shift || true
case "$cmd" in
  demo)
    install_pkgs "${BUILD_PKGS[@]}"
    configure_build release
    exec build/release/samples/demo/demo
    ;;
  test)
    install_pkgs "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"
    configure_build release
    run_ctest build/release "$@"
    ;;
  test-asan)
    install_pkgs "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"
    configure_build asan
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
      run_ctest build/asan -LE "node|slow|install|format" "$@"
    # Left out: Node's own side of the pairs (no nodecc code runs) and the install test
    # (an outside project built against the installed tree; the release run covers it).
    ;;
  test-tsan)
    install_pkgs "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"
    # Only the thread tests run under TSan: build just their binaries.
    configure_build tsan unit_worker_threads conformance_worker_threads
    TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
      run_ctest build/tsan -L threads "$@"
    ;;
  bench)
    install_pkgs "${BUILD_PKGS[@]}" "${BENCH_PKGS[@]}"
    configure_build release
    exec bench/run "$@"
    ;;
  build)
    install_pkgs "${BUILD_PKGS[@]}"
    configure_build "${1:-release}"
    ;;
  *)
    sed -n '2,9p' "$0"
    exit 2
    ;;
esac
