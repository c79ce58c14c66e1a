// Port of basics.js.
#include <nodecc/fs.h>
#include <nodecc/os.h>
#include <nodecc/path.h>

#include "conformance.h"

using namespace nodecc;

namespace {
std::string gTmp;
std::string rel(std::string s) {
  for (std::size_t p; !gTmp.empty() && (p = s.find(gTmp)) != std::string::npos;)
    s.replace(p, gTmp.size(), "<tmp>");
  return s;
}
void show(const std::string& label, const std::optional<Error>& e) {
  if (!e) {
    console::log(label, "null");
    return;
  }
  Object o{{"message", rel(e->message)}};
  if (e->errnum) o["errno"] = *e->errnum;
  o["code"] = e->code;
  if (!e->syscall.empty()) o["syscall"] = e->syscall;
  if (!e->path.empty()) o["path"] = rel(e->path);
  console::log(label, Value(o).stringify());
}
}  // namespace

NODECC_CONFORMANCE_CASE(basics) {
  const std::string tmp = fs::mkdtempSync(path::join(os::tmpdir(), "nodecc-fs-"));
  gTmp = tmp;

  console::log("mkdtemp prefix ok", path::basename(tmp).starts_with("nodecc-fs-"),
               path::basename(tmp).size());
  const std::string file = path::join(tmp, "hello.txt");
  fs::writeFileSync(file, "héllo wörld\n");
  console::log("existsSync", fs::existsSync(file), fs::existsSync(path::join(tmp, "nope")),
               fs::existsSync(""));
  console::log("readFileSync buffer", fs::readFileSync(file));
  console::log("readFileSync utf8", Value(fs::readFileSync(file, "utf8")).stringify());
  console::log("readFileSync hex", fs::readFileSync(file, "hex"));
  try {
    fs::readFileSync("/nonexist");
  } catch (const Error& e) {
    show("readFileSync /nonexist", e);
  }
  try {
    fs::readFileSync(tmp);
  } catch (const Error& e) {
    show("readFileSync dir", e);
  }
  try {
    fs::readFileSync(file, "bogus");
  } catch (const Error& e) {
    console::log("bad encoding", e.code, e.message);
  }
  try {
    fs::unlinkSync(path::join(tmp, "nope"));
  } catch (const Error& e) {
    show("unlinkSync", e);
  }
  try {
    fs::mkdirSync(tmp);
  } catch (const Error& e) {
    show("mkdirSync exists", e);
  }
  try {
    fs::mkdirSync(path::join(tmp, "x", "y"));
  } catch (const Error& e) {
    show("mkdirSync parent", e);
  }
  console::log("mkdirSync recursive",
               rel(*fs::mkdirSync(path::join(tmp, "a", "b", "c"), {.recursive = true})));
  auto again = fs::mkdirSync(path::join(tmp, "a", "b"), {.recursive = true});
  console::log("mkdirSync recursive again", again ? *again : "undefined");
  try {
    fs::mkdirSync(path::join(tmp, "hello.txt", "z"), {.recursive = true});
  } catch (const Error& e) {
    show("mkdirp through file", e);
  }
  try {
    fs::mkdirSync(file, {.recursive = true});
  } catch (const Error& e) {
    show("mkdirp on file", e);
  }
  try {
    fs::mkdtempSync("/nonexist/foo-");
  } catch (const Error& e) {
    show("mkdtempSync", e);
  }
  try {
    fs::rmSync(path::join(tmp, "nope"));
  } catch (const Error& e) {
    show("rmSync missing", e);
  }
  fs::rmSync(path::join(tmp, "nope"), {.force = true});
  console::log("rmSync force", undefined);
  try {
    fs::rmSync(path::join(tmp, "a"));
  } catch (const Error& e) {
    console::log("rmSync dir", e.name, e.code, rel(e.message), *e.errnum, e.syscall, rel(e.path));
  }
  try {
    fs::rmdirSync(path::join(tmp, "a"));
  } catch (const Error& e) {
    show("rmdirSync not empty", e);
  }
  fs::writeFileSync(path::join(tmp, "a", "b", "f"), Buffer::from({1, 2, 3}));
  fs::rmSync(path::join(tmp, "a"), {.recursive = true});
  console::log("after rmSync recursive", fs::existsSync(path::join(tmp, "a")));

  // Asynchronous: each callback comes later, through the loop.
  auto order = std::make_shared<std::vector<std::string>>();
  fs::readFile(file, [=](std::optional<Error> err, Buffer data) {
    order->push_back("readFile");
    console::log("readFile", err, data.length(), data.toString());
    fs::readFile(file, "utf8", [=](std::optional<Error> err2, std::string text) {
      console::log("readFile utf8", err2, Value(text).stringify());
      fs::readFile("/nonexist", [=](std::optional<Error> err3, Buffer data3) {
        show("readFile /nonexist", err3);
        // Node passes `undefined`; nodecc passes an empty Buffer.
        console::log("data on error", data3.empty() ? "undefined" : "?");
        fs::readFile(tmp, "utf8", [=](std::optional<Error> err4) {
          show("readFile dir", err4);
          Buffer big = Buffer::alloc(600 * 1024);
          for (std::size_t i = 0; i < big.length(); ++i) big[i] = i % 2 ? 'b' : 'a';
          fs::writeFile(path::join(tmp, "big"), big, [=](std::optional<Error> err5) {
            console::log("writeFile big", err5);
            fs::readFile(path::join(tmp, "big"), [=](std::optional<Error> err6, Buffer data6) {
              console::log("readFile big", err6, data6.length(), data6.equals(big));
              fs::writeFile("/nonexist/x", "a", [=](std::optional<Error> err7) {
                show("writeFile /nonexist/x", err7);
                fs::unlink(path::join(tmp, "big"), [=](std::optional<Error> err8) {
                  console::log("unlink", err8, fs::existsSync(path::join(tmp, "big")));
                  fs::unlink(path::join(tmp, "big"), [=](std::optional<Error> err9) {
                    show("unlink again", err9);
                    fs::writeFile(path::join(tmp, "empty"), "", [=](std::optional<Error> err10) {
                      fs::readFile(path::join(tmp, "empty"),
                                   [=](std::optional<Error> err11, Buffer d) {
                                     console::log("empty file", err10, err11, d);
                                     fs::rmSync(tmp, {.recursive = true});
                                     console::log("cleaned", fs::existsSync(tmp));
                                   });
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
  order->push_back("sync end");
  process::nextTick([order] { order->push_back("tick"); });
  process::on("exit", [order](int) {
    std::string s;
    for (std::size_t i = 0; i < order->size(); ++i) s += (i ? "," : "") + (*order)[i];
    console::log("order", s);
  });
}
