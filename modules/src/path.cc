// path: Node 20's lib/path.js (posix), written as byte scans over std::string_view.
#include "nodecc/path.h"

#include "nodecc/process.h"

namespace nodecc::path {

namespace {

// Node's normalizeString: resolves "." and ".." segments of `p` (no root handling).
std::string normalizeString(std::string_view p, bool allowAboveRoot) {
  std::string res;
  std::size_t lastSegmentLength = 0;
  std::ptrdiff_t lastSlash = -1;
  int dots = 0;
  char code = 0;
  const auto n = static_cast<std::ptrdiff_t>(p.size());
  for (std::ptrdiff_t i = 0; i <= n; ++i) {
    if (i < n)
      code = p[static_cast<std::size_t>(i)];
    else if (code == '/')
      break;
    else
      code = '/';

    if (code == '/') {
      if (lastSlash == i - 1 || dots == 1) {
        // empty segment or "."
      } else if (dots == 2) {
        bool lastIsDotDot = res.size() >= 2 && lastSegmentLength == 2 &&
                            res[res.size() - 1] == '.' && res[res.size() - 2] == '.';
        if (!lastIsDotDot) {
          if (res.size() > 2) {
            std::size_t idx = res.rfind('/');
            if (idx == std::string::npos) {
              res.clear();
              lastSegmentLength = 0;
            } else {
              res.resize(idx);
              std::size_t prev = res.rfind('/');
              lastSegmentLength = res.size() - 1 -
                                  (prev == std::string::npos ? static_cast<std::size_t>(-1) : prev);
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (!res.empty()) {
            res.clear();
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.empty() ? ".." : "/..";
          lastSegmentLength = 2;
        }
      } else {
        std::string_view seg = p.substr(static_cast<std::size_t>(lastSlash + 1),
                                        static_cast<std::size_t>(i - lastSlash - 1));
        if (!res.empty()) res += '/';
        res += seg;
        lastSegmentLength = static_cast<std::size_t>(i - lastSlash - 1);
      }
      lastSlash = i;
      dots = 0;
    } else if (code == '.' && dots != -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

}  // namespace

std::string resolve(std::span<const std::string_view> paths) {
  std::string resolved;
  bool absolute = false;
  std::string cwd;
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(paths.size()) - 1; i >= -1 && !absolute;
       --i) {
    std::string_view p;
    if (i >= 0) {
      p = paths[static_cast<std::size_t>(i)];
    } else {
      cwd = process::cwd();
      p = cwd;
    }
    if (p.empty()) continue;
    resolved = std::string(p) + "/" + resolved;
    absolute = p[0] == '/';
  }
  resolved = normalizeString(resolved, !absolute);
  if (absolute) return "/" + resolved;
  return resolved.empty() ? "." : resolved;
}

std::string normalize(std::string_view p) {
  if (p.empty()) return ".";
  bool absolute = p[0] == '/';
  bool trailing = p.back() == '/';
  std::string out = normalizeString(p, !absolute);
  if (out.empty()) {
    if (absolute) return "/";
    return trailing ? "./" : ".";
  }
  if (trailing) out += '/';
  return absolute ? "/" + out : out;
}

bool isAbsolute(std::string_view p) noexcept { return !p.empty() && p[0] == '/'; }

std::string join(std::span<const std::string_view> paths) {
  std::string joined;
  bool any = false;
  for (std::string_view s : paths) {
    if (s.empty()) continue;
    if (any) joined += '/';
    joined += s;
    any = true;
  }
  if (!any) return ".";
  return normalize(joined);
}

std::string relative(std::string_view fromIn, std::string_view toIn) {
  if (fromIn == toIn) return "";
  std::string from = resolve(fromIn);
  std::string to = resolve(toIn);
  if (from == to) return "";
  const std::size_t fromStart = 1, toStart = 1;
  const std::size_t fromEnd = from.size();
  const std::size_t fromLen = fromEnd - fromStart;
  const std::size_t toLen = to.size() - toStart;
  const std::size_t length = fromLen < toLen ? fromLen : toLen;
  std::ptrdiff_t lastCommonSep = -1;
  std::size_t i = 0;
  for (; i < length; ++i) {
    char c = from[fromStart + i];
    if (c != to[toStart + i]) break;
    if (c == '/') lastCommonSep = static_cast<std::ptrdiff_t>(i);
  }
  if (i == length) {
    if (toLen > length) {
      if (to[toStart + i] == '/') return to.substr(toStart + i + 1);  // from is a base of to
      if (i == 0) return to.substr(toStart + i);                      // from is the root
    } else if (fromLen > length) {
      if (from[fromStart + i] == '/')
        lastCommonSep = static_cast<std::ptrdiff_t>(i);
      else if (i == 0)
        lastCommonSep = 0;
    }
  }
  std::string out;
  for (std::size_t k = fromStart + static_cast<std::size_t>(lastCommonSep + 1); k <= fromEnd; ++k) {
    if (k == fromEnd || from[k] == '/') out += out.empty() ? ".." : "/..";
  }
  return out + to.substr(toStart + static_cast<std::size_t>(lastCommonSep));
}

std::string dirname(std::string_view p) {
  if (p.empty()) return ".";
  bool hasRoot = p[0] == '/';
  std::ptrdiff_t end = -1;
  bool matchedSlash = true;
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(p.size()) - 1; i >= 1; --i) {
    if (p[static_cast<std::size_t>(i)] == '/') {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else {
      matchedSlash = false;
    }
  }
  if (end == -1) return hasRoot ? "/" : ".";
  if (hasRoot && end == 1) return "//";
  return std::string(p.substr(0, static_cast<std::size_t>(end)));
}

std::string basename(std::string_view p, std::string_view suffix) {
  std::ptrdiff_t start = 0, end = -1;
  bool matchedSlash = true;
  const auto n = static_cast<std::ptrdiff_t>(p.size());
  if (!suffix.empty() && suffix.size() <= p.size()) {
    if (suffix == p) return "";
    auto extIdx = static_cast<std::ptrdiff_t>(suffix.size()) - 1;
    std::ptrdiff_t firstNonSlashEnd = -1;
    for (std::ptrdiff_t i = n - 1; i >= 0; --i) {
      char c = p[static_cast<std::size_t>(i)];
      if (c == '/') {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else {
        if (firstNonSlashEnd == -1) {
          matchedSlash = false;
          firstNonSlashEnd = i + 1;
        }
        if (extIdx >= 0) {
          if (c == suffix[static_cast<std::size_t>(extIdx)]) {
            if (--extIdx == -1) end = i;  // the suffix matched: the name ends here
          } else {
            extIdx = -1;
            end = firstNonSlashEnd;
          }
        }
      }
    }
    if (start == end)
      end = firstNonSlashEnd;
    else if (end == -1)
      end = n;
    return std::string(
        p.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
  }
  for (std::ptrdiff_t i = n - 1; i >= 0; --i) {
    if (p[static_cast<std::size_t>(i)] == '/') {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end == -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  if (end == -1) return "";
  return std::string(
      p.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
}

namespace {
// The scan shared by extname and parse: positions of the last portion's dot, start and end.
struct Scan {
  std::ptrdiff_t startDot = -1, startPart = 0, end = -1;
  int preDotState = 0;
  bool hasExt() const {
    // No dot, a dotfile (".x"), or ".." has no extension.
    return !(startDot == -1 || end == -1 || preDotState == 0 ||
             (preDotState == 1 && startDot == end - 1 && startDot == startPart + 1));
  }
};
Scan scanLastPortion(std::string_view p, std::ptrdiff_t stop) {
  Scan s;
  bool matchedSlash = true;
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(p.size()) - 1; i >= stop; --i) {
    char c = p[static_cast<std::size_t>(i)];
    if (c == '/') {
      if (!matchedSlash) {
        s.startPart = i + 1;
        break;
      }
      continue;
    }
    if (s.end == -1) {
      matchedSlash = false;
      s.end = i + 1;
    }
    if (c == '.') {
      if (s.startDot == -1)
        s.startDot = i;
      else if (s.preDotState != 1)
        s.preDotState = 1;
    } else if (s.startDot != -1) {
      s.preDotState = -1;
    }
  }
  return s;
}
std::string slice(std::string_view p, std::ptrdiff_t a, std::ptrdiff_t b) {
  return std::string(p.substr(static_cast<std::size_t>(a), static_cast<std::size_t>(b - a)));
}
}  // namespace

std::string extname(std::string_view p) {
  Scan s = scanLastPortion(p, 0);
  if (!s.hasExt()) return "";
  return slice(p, s.startDot, s.end);
}

ParsedPath parse(std::string_view p) {
  ParsedPath ret;
  if (p.empty()) return ret;
  bool absolute = p[0] == '/';
  if (absolute) ret.root = "/";
  Scan s = scanLastPortion(p, absolute ? 1 : 0);
  if (s.end != -1) {
    std::ptrdiff_t start = s.startPart == 0 && absolute ? 1 : s.startPart;
    if (!s.hasExt()) {
      ret.base = ret.name = slice(p, start, s.end);
    } else {
      ret.name = slice(p, start, s.startDot);
      ret.base = slice(p, start, s.end);
      ret.ext = slice(p, s.startDot, s.end);
    }
  }
  if (s.startPart > 0)
    ret.dir = slice(p, 0, s.startPart - 1);
  else if (absolute)
    ret.dir = "/";
  return ret;
}

std::string format(const ParsedPath& obj) {
  const std::string& dir = obj.dir.empty() ? obj.root : obj.dir;
  std::string base = obj.base;
  if (base.empty()) {
    base = obj.name;
    if (!obj.ext.empty()) base += (obj.ext[0] == '.' ? "" : ".") + obj.ext;
  }
  if (dir.empty()) return base;
  return dir == obj.root ? dir + base : dir + "/" + base;
}

}  // namespace nodecc::path
