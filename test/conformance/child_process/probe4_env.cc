#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::Env;
using child_process::exec;
using child_process::execFileSync;
using child_process::spawn;
using child_process::SpawnOptions;
using child_process::spawnSync;
using child_process::SpawnSyncOptions;
using Code = std::optional<int>;
using conformance::Next;

namespace {
std::string json(const std::string& s) { return Value(s).stringify(); }
void run(const std::string& label, std::vector<std::string> args, SpawnOptions opts, Next next) {
  args.insert(args.begin(), "-c");
  auto c = spawn("sh", std::move(args), std::move(opts));
  auto out = std::make_shared<std::string>();
  c->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  c->on("error", [label](const Error& e) { console::log(label, "error", e.code); });
  c->on("close", [label, out, next](Code code) {
    console::log(label, code, json(*out));
    next();
  });
}
const std::string show =
    "echo \"[${P4_ADDED-unset}][${P4_EMPTY-unset}][${P4_X-unset}][${PATH+path-set}]\"";
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_env) {
  process::env.set("P4_ADDED", "added value");
  process::env.set("P4_EMPTY", "");
  process::env.erase("P4_NEVER");
  auto steps = std::make_shared<std::vector<std::function<void(Next)>>>();
  steps->push_back([](Next next) { run("default", {show}, {}, next); });
  steps->push_back([](Next next) {
    run("explicit", {show}, {.env = Env{{"P4_X", "x=1=2"}}}, next);
  });
  steps->push_back([](Next next) { run("empty env", {show}, {.env = Env{}}, next); });
  steps->push_back([](Next next) {
    Env env = Env::fromProcess();
    env.set("P4_X", "copy");
    env.erase("P4_ADDED");
    run("copy", {show}, {.env = env}, next);
  });
  steps->push_back([](Next next) {
    exec(show, {.env = Env{{"P4_EMPTY", "exec"}}},
         [next](std::optional<Error> err, std::string stdout, std::string) {
           console::log("exec", err, json(stdout));
           next();
         });
  });
  steps->push_back([](Next next) {
    // Found without PATH in the child's env; the child's own `env` lists only our pair.
    auto c = spawn("env", {}, {.env = Env{{"ONLY", "1"}}});
    auto out = std::make_shared<std::string>();
    c->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
    c->on("error", [](const Error& e) { console::log("env-lookup error", e.code, e.syscall); });
    c->on("close", [out, next](Code code) {
      console::log("env-lookup", code, json(*out));
      next();
    });
  });
  steps->push_back([](Next) {
    console::log("sync", execFileSync("sh", {"-c", show},
                                      {.env = Env{{"P4_ADDED", "sync"}, {"PATH", "/bin"}},
                                       .encoding = "utf8"}));
    auto r = spawnSync(
        "env", SpawnSyncOptions{.env = Env{{"A=B", "c"}, {"", "empty-key"}}, .encoding = "utf8"});
    console::log("sync env", r.status, r.stdout.stringify(),
                 r.error ? Value(r.error->code) : Value());
    process::env.erase("P4_ADDED");
    console::log("after delete",
                 execFileSync("sh", {"-c", show}, SpawnSyncOptions{.encoding = "utf8"}));
  });
  conformance::runSteps(steps);
}
