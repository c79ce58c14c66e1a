// uv_fs_* requests, synchronous and on the thread pool.
#include "bindings/fs_req.h"

#include <sys/stat.h>
#include <uv.h>

#include <utility>

namespace nodecc::bindings::fs {

bool Stat::isDirectory() const noexcept { return (mode & S_IFMT) == S_IFDIR; }
bool Stat::isFile() const noexcept { return (mode & S_IFMT) == S_IFREG; }

namespace {
// Synchronous uv_fs calls never touch the loop; pass the thread's one when there is one.
uv_loop_t* syncLoop() {
  Environment* env = Environment::current();
  return env ? env->loop() : nullptr;
}
// Runs one synchronous uv_fs call and cleans the request up.
template <class F>
std::int64_t runSync(F&& call, uv_fs_t& req) {
  std::int64_t r = call(&req);
  uv_fs_req_cleanup(&req);
  return r;
}
void fillStat(const uv_stat_t& s, Stat& out) {
  out.mode = s.st_mode;
  out.size = s.st_size;
}
}  // namespace

int openSync(const std::string& path, int flags, int mode) {
  uv_fs_t req;
  return static_cast<int>(runSync(
      [&](uv_fs_t* r) { return uv_fs_open(syncLoop(), r, path.c_str(), flags, mode, nullptr); },
      req));
}

std::int64_t readSync(int fd, std::uint8_t* buf, std::size_t len, std::int64_t position) {
  uv_fs_t req;
  uv_buf_t b = uv_buf_init(reinterpret_cast<char*>(buf), static_cast<unsigned>(len));
  return runSync(
      [&](uv_fs_t* r) { return uv_fs_read(syncLoop(), r, fd, &b, 1, position, nullptr); }, req);
}

std::int64_t writeSync(int fd, const std::uint8_t* buf, std::size_t len, std::int64_t position) {
  uv_fs_t req;
  uv_buf_t b = uv_buf_init(const_cast<char*>(reinterpret_cast<const char*>(buf)),
                           static_cast<unsigned>(len));
  return runSync(
      [&](uv_fs_t* r) { return uv_fs_write(syncLoop(), r, fd, &b, 1, position, nullptr); }, req);
}

int closeSync(int fd) {
  uv_fs_t req;
  return static_cast<int>(
      runSync([&](uv_fs_t* r) { return uv_fs_close(syncLoop(), r, fd, nullptr); }, req));
}

int fstatSync(int fd, Stat& out) {
  uv_fs_t req;
  int r = uv_fs_fstat(syncLoop(), &req, fd, nullptr);
  if (r == 0) fillStat(req.statbuf, out);
  uv_fs_req_cleanup(&req);
  return r;
}

int lstatSync(const std::string& path, Stat& out) {
  uv_fs_t req;
  int r = uv_fs_lstat(syncLoop(), &req, path.c_str(), nullptr);
  if (r == 0) fillStat(req.statbuf, out);
  uv_fs_req_cleanup(&req);
  return r;
}

int statSync(const std::string& path, Stat& out) {
  uv_fs_t req;
  int r = uv_fs_stat(syncLoop(), &req, path.c_str(), nullptr);
  if (r == 0) fillStat(req.statbuf, out);
  uv_fs_req_cleanup(&req);
  return r;
}

int unlinkSync(const std::string& path) {
  uv_fs_t req;
  return static_cast<int>(
      runSync([&](uv_fs_t* r) { return uv_fs_unlink(syncLoop(), r, path.c_str(), nullptr); }, req));
}

int rmdirSync(const std::string& path) {
  uv_fs_t req;
  return static_cast<int>(
      runSync([&](uv_fs_t* r) { return uv_fs_rmdir(syncLoop(), r, path.c_str(), nullptr); }, req));
}

int mkdirSync(const std::string& path, int mode) {
  uv_fs_t req;
  return static_cast<int>(runSync(
      [&](uv_fs_t* r) { return uv_fs_mkdir(syncLoop(), r, path.c_str(), mode, nullptr); }, req));
}

int mkdtempSync(const std::string& templ, std::string& out) {
  uv_fs_t req;
  int r = uv_fs_mkdtemp(syncLoop(), &req, templ.c_str(), nullptr);
  if (r == 0) out = req.path;
  uv_fs_req_cleanup(&req);
  return r;
}

int accessSync(const std::string& path, int mode) {
  uv_fs_t req;
  return static_cast<int>(runSync(
      [&](uv_fs_t* r) { return uv_fs_access(syncLoop(), r, path.c_str(), mode, nullptr); }, req));
}

int scandirSync(const std::string& path, std::vector<std::string>& names) {
  uv_fs_t req;
  int r = uv_fs_scandir(syncLoop(), &req, path.c_str(), 0, nullptr);
  if (r >= 0) {
    uv_dirent_t ent;
    while (uv_fs_scandir_next(&req, &ent) != UV_EOF) names.emplace_back(ent.name);
  }
  uv_fs_req_cleanup(&req);
  return r < 0 ? r : 0;
}

// ---- FsReq -------------------------------------------------------------------------

struct FsReq::Impl {
  uv_fs_t req;
  uv_buf_t buf;
  bool wantStat = false;

  static void onDone(uv_fs_t* r) {
    auto* self = static_cast<FsReq*>(r->data);
    std::int64_t result = r->result;
    Stat st;
    bool hasStat = self->impl_->wantStat && result == 0;
    if (hasStat) fillStat(r->statbuf, st);
    uv_fs_req_cleanup(r);
    Environment* env = self->env_;
    bool cancelled = self->cancelled_;
    if (!cancelled) env->unregisterHandle(self);
    FsDone done = std::move(self->done_);
    Buffer keep = std::move(self->buffer_);  // released after the callback
    delete self;
    // After teardown started (or process.exit()), no user code runs.
    if (cancelled || !done || !env->canCallIntoUser()) return;
    env->makeCallback([&] { done(result, hasStat ? &st : nullptr); });
  }
};

FsReq::FsReq(Environment& env, FsDone done) : env_(&env), done_(std::move(done)), impl_(new Impl) {
  impl_->req.data = this;
  env.registerHandle(this);
}

FsReq::~FsReq() { delete impl_; }

void FsReq::closeForTeardown() {
  // The Environment has unregistered us. A request still queued is cancelled (its
  // callback comes with UV_ECANCELED); one already running finishes. Either way the
  // completion only frees the request.
  cancelled_ = true;
  uv_cancel(reinterpret_cast<uv_req_t*>(&impl_->req));
}

void FsReq::started(int r) {
  if (r >= 0) return;
  // libuv refused the request synchronously (no callback will come): report the
  // error on the next tick, never synchronously, as for every async error.
  Environment* env = env_;
  env->unregisterHandle(this);
  FsDone done = std::move(done_);
  delete this;
  env->nextTick(Task([done = std::move(done), r]() mutable { done(r, nullptr); }));
}

void FsReq::open(Environment& env, std::string path, int flags, int mode, FsDone done) {
  auto* self = new FsReq(env, std::move(done));
  self->path_ = std::move(path);
  self->started(
      uv_fs_open(env.loop(), &self->impl_->req, self->path_.c_str(), flags, mode, &Impl::onDone));
}

void FsReq::close(Environment& env, int fd, FsDone done) {
  auto* self = new FsReq(env, std::move(done));
  self->started(uv_fs_close(env.loop(), &self->impl_->req, fd, &Impl::onDone));
}

void FsReq::fstat(Environment& env, int fd, FsDone done) {
  auto* self = new FsReq(env, std::move(done));
  self->impl_->wantStat = true;
  self->started(uv_fs_fstat(env.loop(), &self->impl_->req, fd, &Impl::onDone));
}

void FsReq::read(Environment& env, int fd, Buffer buf, std::size_t offset, std::size_t len,
                 std::int64_t position, FsDone done) {
  auto* self = new FsReq(env, std::move(done));
  self->buffer_ = std::move(buf);
  self->impl_->buf = uv_buf_init(reinterpret_cast<char*>(self->buffer_.data() + offset),
                                 static_cast<unsigned>(len));
  self->started(
      uv_fs_read(env.loop(), &self->impl_->req, fd, &self->impl_->buf, 1, position, &Impl::onDone));
}

void FsReq::write(Environment& env, int fd, Buffer data, std::size_t offset, std::size_t len,
                  std::int64_t position, FsDone done) {
  auto* self = new FsReq(env, std::move(done));
  self->buffer_ = std::move(data);
  self->impl_->buf = uv_buf_init(reinterpret_cast<char*>(self->buffer_.data() + offset),
                                 static_cast<unsigned>(len));
  self->started(uv_fs_write(env.loop(), &self->impl_->req, fd, &self->impl_->buf, 1, position,
                            &Impl::onDone));
}

void FsReq::unlink(Environment& env, std::string path, FsDone done) {
  auto* self = new FsReq(env, std::move(done));
  self->path_ = std::move(path);
  self->started(uv_fs_unlink(env.loop(), &self->impl_->req, self->path_.c_str(), &Impl::onDone));
}

}  // namespace nodecc::bindings::fs
