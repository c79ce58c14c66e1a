#!/usr/bin/env python3
"""Install test: `cmake --install` the build tree into a temporary prefix, then configure,
build and run test/install (an outside project doing find_package(nodecc) and linking
nodecc::nodecc) and compare its stdout with test/install/expected.txt.

Usage: install_test.py --build-dir DIR --project test/install [--cmake CMAKE]
                       [--generator G] [--cxx CXX] [--cxx-flags FLAGS] [--keep]
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def run(cmd, **kw):
    print("+ " + " ".join(cmd), flush=True)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        sys.stdout.write(out)
        print("install_test: command failed with exit code %d" % p.returncode)
        sys.exit(1)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--project", required=True)
    ap.add_argument("--cmake", default="cmake")
    ap.add_argument("--generator", default=None)
    ap.add_argument("--cxx", default=None)
    ap.add_argument("--cxx-flags", default="")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="nodecc-install-")
    try:
        prefix = os.path.join(tmp, "prefix")
        build = os.path.join(tmp, "build")
        run([a.cmake, "--install", a.build_dir, "--prefix", prefix])
        if not os.path.exists(os.path.join(prefix, "include", "nodecc", "nodecc.h")):
            print("install_test: include/nodecc/nodecc.h missing from the install prefix")
            sys.exit(1)
        if not glob.glob(os.path.join(prefix, "lib*", "cmake", "nodecc", "nodeccConfig.cmake")):
            print("install_test: lib/cmake/nodecc/nodeccConfig.cmake missing from the prefix")
            sys.exit(1)
        cfg = [a.cmake, "-S", a.project, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
               "-DCMAKE_PREFIX_PATH=" + prefix]
        if a.generator:
            cfg += ["-G", a.generator]
        if a.cxx:
            cfg += ["-DCMAKE_CXX_COMPILER=" + a.cxx]
        if a.cxx_flags:
            cfg += ["-DCMAKE_CXX_FLAGS=" + a.cxx_flags, "-DCMAKE_EXE_LINKER_FLAGS=" + a.cxx_flags]
        run(cfg)
        run([a.cmake, "--build", build])
        app = os.path.join(build, "app")
        p = subprocess.run([app, "arg1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=60)
        got = p.stdout.decode("utf-8", "replace")
        with open(os.path.join(a.project, "expected.txt")) as f:
            want = f.read()
        if p.returncode != 0 or got != want:
            print("install_test: the installed-package app printed (exit %d):\n%s\nexpected:\n%s"
                  "stderr:\n%s" % (p.returncode, got, want, p.stderr.decode("utf-8", "replace")))
            sys.exit(1)
        print("install_test: ok (%s)" % prefix)
    finally:
        if a.keep:
            print("install_test: kept " + tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
