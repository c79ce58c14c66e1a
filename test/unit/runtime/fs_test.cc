// fs: sync and async helpers, Node's errors, thread-pool callbacks through the loop.
#include <gtest/gtest.h>

#include <nodecc/fs.h>
#include <nodecc/os.h>
#include <nodecc/path.h>

#include "helpers.h"

using namespace nodecc;
using nodecc_test::runScript;

namespace {
struct TempDir {
  std::string path;
  TempDir() {
    Environment env;  // the Sync helpers work with or without a running loop
    path = fs::mkdtempSync(path::join(os::tmpdir(), "nodecc-unit-"));
  }
  ~TempDir() {
    Environment env;
    fs::rmSync(path, {.recursive = true, .force = true});
  }
  std::string file(std::string_view name) const { return path::join(path, name); }
};

void expectUvError(const Error& e, const std::string& code, int errnum, const std::string& syscall,
                   const std::string& p, const std::string& message) {
  EXPECT_EQ(e.code, code);
  ASSERT_TRUE(e.errnum.has_value());
  EXPECT_EQ(*e.errnum, errnum);
  EXPECT_EQ(e.syscall, syscall);
  EXPECT_EQ(e.path, p);
  EXPECT_EQ(e.message, message);
  EXPECT_EQ(e.name, "Error");
}
}  // namespace

TEST(Fs, SyncRoundTripAndErrors) {
  TempDir dir;
  Environment env;
  const std::string f = dir.file("a.txt");
  fs::writeFileSync(f, "héllo");
  EXPECT_TRUE(fs::existsSync(f));
  EXPECT_EQ(fs::readFileSync(f).toString("hex"), "68c3a96c6c6f");
  EXPECT_EQ(fs::readFileSync(f, "utf8"), "héllo");
  EXPECT_EQ(fs::readFileSync(f, "base64"), "aMOpbGxv");
  fs::writeFileSync(f, Buffer::from({0, 1, 2}));  // truncates
  EXPECT_EQ(fs::readFileSync(f).length(), 3u);
  fs::writeFileSync(f, "68656c6c6f", "hex");
  EXPECT_EQ(fs::readFileSync(f, "latin1"), "hello");
  fs::unlinkSync(f);
  EXPECT_FALSE(fs::existsSync(f));
  EXPECT_FALSE(fs::existsSync(""));
  EXPECT_FALSE(fs::existsSync(std::string("a\0b", 3)));
  try {
    fs::readFileSync("/nonexist");
    FAIL();
  } catch (const Error& e) {
    expectUvError(e, "ENOENT", -2, "open", "/nonexist",
                  "ENOENT: no such file or directory, open '/nonexist'");
  }
  try {
    fs::readFileSync(dir.path);
    FAIL();
  } catch (const Error& e) {
    expectUvError(e, "EISDIR", -21, "read", "", "EISDIR: illegal operation on a directory, read");
  }
  try {
    fs::unlinkSync(f);
    FAIL();
  } catch (const Error& e) {
    expectUvError(e, "ENOENT", -2, "unlink", f,
                  "ENOENT: no such file or directory, unlink '" + f + "'");
  }
  try {
    fs::readFileSync(f, "nope");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_VALUE");
    EXPECT_EQ(e.message, "The argument 'encoding' is invalid encoding. Received 'nope'");
  }
  try {
    fs::readFileSync(std::string("a\0b", 3));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_VALUE");
  }
}

TEST(Fs, ReadsNonRegularFilesOfUnknownSize) {
  Environment env;
  // /proc files report size 0: read until EOF, as Node does.
  std::string status = fs::readFileSync("/proc/self/status", "utf8");
  EXPECT_NE(status.find("Name:"), std::string::npos);
}

TEST(Fs, MkdirRecursiveMkdtempRm) {
  TempDir dir;
  Environment env;
  auto first = fs::mkdirSync(dir.file("x/y/z"), {.recursive = true});
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, dir.file("x"));
  EXPECT_FALSE(fs::mkdirSync(dir.file("x/y"), {.recursive = true}).has_value());
  EXPECT_FALSE(fs::mkdirSync(dir.file("plain")).has_value());
  try {
    fs::mkdirSync(dir.file("plain"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "EEXIST");
    EXPECT_EQ(e.syscall, "mkdir");
  }
  fs::writeFileSync(dir.file("file"), "");
  try {
    fs::mkdirSync(dir.file("file/sub"), {.recursive = true});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ENOTDIR");
    EXPECT_EQ(e.path, dir.file("file/sub"));
  }
  std::string t = fs::mkdtempSync(dir.file("pre-"));
  EXPECT_EQ(path::basename(t).size(), 10u);
  EXPECT_TRUE(fs::existsSync(t));
  try {
    fs::rmSync(dir.file("x"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.name, "SystemError");
    EXPECT_EQ(e.code, "ERR_FS_EISDIR");
    EXPECT_EQ(
        e.header(),
        "SystemError [ERR_FS_EISDIR]: Path is a directory: rm returned EISDIR (is a directory) " +
            dir.file("x"));
  }
  try {
    fs::rmSync(dir.file("missing"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ENOENT");
    EXPECT_EQ(e.syscall, "lstat");
  }
  fs::rmSync(dir.file("missing"), {.force = true});
  fs::writeFileSync(dir.file("x/y/z/deep.txt"), "deep");
  fs::rmSync(dir.file("x"), {.recursive = true});
  EXPECT_FALSE(fs::existsSync(dir.file("x")));
  fs::rmSync(dir.file("file"));
  EXPECT_FALSE(fs::existsSync(dir.file("file")));
}

TEST(Fs, AsyncCallbacksComeThroughTheLoop) {
  TempDir dir;
  std::vector<std::string> log;
  const std::string f = dir.file("async.txt");
  int code = runScript([&log, f] {
    fs::writeFile(f, "data", [&log, f](std::optional<Error> err) {
      log.push_back(err ? "write error" : "written");
      process::nextTick([&log] { log.push_back("tick after write callback"); });
      fs::readFile(f, "utf8", [&log](std::optional<Error> err2, std::string text) {
        log.push_back(err2 ? "read error" : "read " + text);
      });
    });
    log.push_back("sync");
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(
      log, (std::vector<std::string>{"sync", "written", "tick after write callback", "read data"}));
}

TEST(Fs, AsyncErrorsAndLargeFiles) {
  TempDir dir;
  std::vector<std::string> log;
  Buffer big = Buffer::alloc(1300 * 1024, 7);  // more than two 512 KiB read chunks
  const std::string f = dir.file("big.bin");
  runScript([&log, big, f] {
    fs::readFile("/nonexist", [&log](std::optional<Error> err, Buffer data) {
      log.push_back(err ? err->message : "no error");
      log.push_back("empty data " + std::string(data.empty() ? "yes" : "no"));
    });
    fs::writeFile("/nonexist/dir/file", "x", [&log](std::optional<Error> err) {
      log.push_back(err ? err->code + " " + err->syscall + " " + err->path : "no error");
    });
    fs::writeFile(f, big, [&log, big, f](std::optional<Error> err) {
      ASSERT_FALSE(err);
      fs::readFile(f, [&log, big](std::optional<Error> err2, Buffer data) {
        log.push_back("big equal " + std::string(!err2 && data.equals(big) ? "yes" : "no"));
      });
    });
    fs::unlink("/nonexist",
               [&log](std::optional<Error> err) { log.push_back(err ? err->code : "ok"); });
  });
  std::sort(log.begin(), log.end());  // the requests complete in any order
  EXPECT_EQ(log, (std::vector<std::string>{"ENOENT", "ENOENT open /nonexist/dir/file",
                                           "ENOENT: no such file or directory, open '/nonexist'",
                                           "big equal yes", "empty data yes"}));
}

TEST(Fs, CallbackThatThrowsGoesToUncaughtException) {
  std::string caught;
  int code = runScript([&caught] {
    process::on("uncaughtException", [&caught](const Error& e) { caught = e.message; });
    fs::readFile("/proc/self/status", [] { throw Error("from callback"); });
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(caught, "from callback");
}
