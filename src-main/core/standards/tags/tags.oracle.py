"""Oracle for tags tests: packaging.tags' own tag functions, fed a target's parameters.

Input: a JSON array of items, either {"sys": true} (this interpreter: sys_tags + markers)
or a target {implementation, pythonVersion, freeThreaded, debug, platform}.
Output: one answer per item: {"tags": [...]} (plus machine facts for "sys").
Only the parts packaging reads from the running system (glibc/musl version, ELF ABI
check, sysconfig platform and config vars) are replaced by the target's values.
"""
import json
import os
import platform as pyplatform
import sys
import sysconfig

from packaging import _manylinux, _musllinux, markers, tags

_real_config_var = tags._get_config_var


def linux_platforms(arch, libc):
    kind = libc["kind"]
    glibc = libc.get("version") if kind == "glibc" else (-1, -1)
    musl = libc.get("version") if kind == "musl" else None
    _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(*glibc)
    # The ELF check inspects the running interpreter; a target's interpreter matches its arch.
    _manylinux._have_compatible_abi = lambda exe, archs: (
        "armv7l" in archs or "i686" in archs or any(a in _manylinux._ALLOWED_ARCHS for a in archs)
    )
    _musllinux._get_musl_version = lambda exe: _musllinux._MuslVersion(*musl) if musl else None
    saved = sysconfig.get_platform
    sysconfig.get_platform = lambda: "linux-" + arch
    try:
        return list(tags._linux_platforms(is_32bit=False))
    finally:
        sysconfig.get_platform = saved


def platforms_of(p):
    os_ = p["os"]
    if os_ == "linux":
        return linux_platforms(p["arch"], p["libc"])
    if os_ == "macos":
        return list(tags.mac_platforms(tuple(p["version"]), p["arch"]))
    if os_ == "windows":
        return ["win32" if p["arch"] == "win32" else "win_" + p["arch"]]
    if os_ == "ios":
        return list(tags.ios_platforms(tuple(p["version"]), p["multiarch"]))
    if os_ == "android":
        return list(tags.android_platforms(p["apiLevel"], p["abi"]))
    raise ValueError(os_)


def target_tags(t):
    version = tuple(t["pythonVersion"][:2])
    nodot = "".join(map(str, version))
    plats = platforms_of(t["platform"])
    # packaging treats an empty platform list as "use the running system's"; on the target
    # system that would be the same empty list, so compute with a sentinel and drop it.
    empty = not plats
    if empty:
        plats = ["sentinel"]
    if t["implementation"] == "pypy":
        cfg = {"EXT_SUFFIX": f".pypy{nodot}-pp73-x86_64-linux-gnu.so"}
    else:
        cfg = {
            "Py_DEBUG": 1 if t.get("debug") else 0,
            "Py_GIL_DISABLED": 1 if t.get("freeThreaded") else 0,
            "WITH_PYMALLOC": 1,
            "Py_UNICODE_SIZE": 4,
        }
    tags._get_config_var = lambda name, warn=False: cfg.get(name)
    try:
        if t["implementation"] == "pypy":
            out = list(tags.generic_tags("pp" + nodot, None, plats))
            out += tags.compatible_tags(version, "pp3", plats)
        else:
            out = list(tags.cpython_tags(version, None, plats))
            out += tags.compatible_tags(version, "cp" + nodot, plats)
    finally:
        tags._get_config_var = _real_config_var
    return [str(x) for x in out if not (empty and x.platform == "sentinel")]


def machine():
    libc = os.confstr("CS_GNU_LIBC_VERSION")
    return {
        "tags": [str(x) for x in tags.sys_tags()],
        "version": list(sys.version_info[:3]),
        "implementation": sys.implementation.name,
        "machine": pyplatform.machine(),
        "system": pyplatform.system(),
        "glibc": libc.split()[1] if libc else None,
        "gil_disabled": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "markers": markers.default_environment(),
    }


def main():
    items = json.load(sys.stdin)
    here = machine()  # before any target replaces packaging's probes
    json.dump([here if it.get("sys") else {"tags": target_tags(it)} for it in items], sys.stdout)


main()
