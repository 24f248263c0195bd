"""Crafted archives for dist-validate.test.ts (good and hostile wheels, zips and sdists).

Input: JSON array of {case, out_dir}; output: JSON array of {path, filename}. Each case names
one way an upload can be malformed (PyPI: "Invalid distribution file. <msg>", reference §7 G9).
"""
import base64
import hashlib
import io
import json
import os
import sys
import tarfile
import zipfile

META = "Metadata-Version: 2.1\nName: demo-pkg\nVersion: 1.0\n\n"
WHEEL = "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def rec(files):
    h = lambda d: "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode()
    return "".join(f"{n},{h(d)},{len(d)}\n" for n, d in files.items())


def wheel_files(stem="demo_pkg-1.0", record=True, metadata=True, wheel=True):
    files = {"demo_pkg/__init__.py": b"x = 1\n"}
    if metadata:
        files[f"{stem}.dist-info/METADATA"] = META.encode()
    if wheel:
        files[f"{stem}.dist-info/WHEEL"] = WHEEL.encode()
    if record:
        files[f"{stem}.dist-info/RECORD"] = (rec(files) + f"{stem}.dist-info/RECORD,,\n").encode()
    return files


def write_zip(path, files, **kw):
    with zipfile.ZipFile(path, "w", kw.get("compression", zipfile.ZIP_DEFLATED)) as z:
        for n, d in files.items():
            info = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = kw.get("compression", zipfile.ZIP_DEFLATED)
            if kw.get("cd_comment"):
                info.comment = b"hello"
            z.writestr(info, d)


def write_tar(path, members, gz=True):
    with tarfile.open(path, "w:gz" if gz else "w") as t:
        for n, d in members.items():
            info = tarfile.TarInfo(n)
            info.size = len(d)
            t.addfile(info, io.BytesIO(d))


def build(case, out):
    os.makedirs(out, exist_ok=True)
    whl = "demo_pkg-1.0-py3-none-any.whl"
    p = os.path.join(out, f"{case}")
    os.makedirs(p, exist_ok=True)
    if case == "good-wheel":
        write_zip(os.path.join(p, whl), wheel_files())
    elif case == "good-sdist":
        write_tar(os.path.join(p, "demo_pkg-1.0.tar.gz"), {"demo_pkg-1.0/PKG-INFO": META.encode(), "demo_pkg-1.0/setup.py": b""})
        return os.path.join(p, "demo_pkg-1.0.tar.gz"), "demo_pkg-1.0.tar.gz"
    elif case == "not-a-zip":
        open(os.path.join(p, whl), "wb").write(b"definitely not a zip file" * 10)
    elif case == "data-descriptor":
        buf = io.BytesIO()
        class Unseekable(io.RawIOBase):
            def writable(self): return True
            def write(self, b): return buf.write(b)
        with zipfile.ZipFile(Unseekable(), "w", zipfile.ZIP_DEFLATED) as z:
            for n, d in wheel_files().items():
                with z.open(n, "w") as f:
                    f.write(d)
        open(os.path.join(p, whl), "wb").write(buf.getvalue())
    elif case == "trailing-data":
        write_zip(os.path.join(p, whl), wheel_files())
        open(os.path.join(p, whl), "ab").write(b"\0garbage")
    elif case == "prepended-data":
        tmp = os.path.join(p, "tmp.zip")
        write_zip(tmp, wheel_files())
        open(os.path.join(p, whl), "wb").write(b"MZ" + b"\0" * 100 + open(tmp, "rb").read())
        os.remove(tmp)
    elif case == "cd-comment":
        write_zip(os.path.join(p, whl), wheel_files(), cd_comment=True)
    elif case == "bzip2":
        write_zip(os.path.join(p, whl), wheel_files(), compression=zipfile.ZIP_BZIP2)
    elif case == "duplicate-entry":
        files = wheel_files()
        with zipfile.ZipFile(os.path.join(p, whl), "w") as z:
            for n, d in files.items():
                z.writestr(n, d)
            import warnings
            warnings.simplefilter("ignore")
            z.writestr("demo_pkg/__init__.py", b"evil = 1\n")
    elif case == "no-wheel-file":
        write_zip(os.path.join(p, whl), wheel_files(wheel=False))
    elif case == "no-record":
        write_zip(os.path.join(p, whl), wheel_files(record=False))
    elif case == "no-metadata":
        write_zip(os.path.join(p, whl), wheel_files(metadata=False))
    elif case == "unnormalized-wheel":
        name = "Demo.Pkg-1.0-py3-none-any.whl"
        write_zip(os.path.join(p, name), wheel_files(stem="Demo.Pkg-1.0"))
        return os.path.join(p, name), name
    elif case == "version-mismatch":
        name = "demo_pkg-1.1-py3-none-any.whl"
        write_zip(os.path.join(p, name), wheel_files(stem="demo_pkg-1.1"))
        return os.path.join(p, name), name
    elif case == "linux-platform":
        name = "demo_pkg-1.0-cp311-cp311-linux_x86_64.whl"
        write_zip(os.path.join(p, name), wheel_files())
        return os.path.join(p, name), name
    elif case == "bad-wheel-name":
        name = "demo_pkg-1.0-py3-none.whl"
        write_zip(os.path.join(p, name), wheel_files())
        return os.path.join(p, name), name
    elif case == "sdist-two-tops":
        name = "demo_pkg-1.0.tar.gz"
        write_tar(os.path.join(p, name), {"demo_pkg-1.0/PKG-INFO": META.encode(), "other/x": b""})
        return os.path.join(p, name), name
    elif case == "sdist-no-pkg-info":
        name = "demo_pkg-1.0.tar.gz"
        write_tar(os.path.join(p, name), {"demo_pkg-1.0/setup.py": b"", "demo_pkg-1.0/README": b""})
        return os.path.join(p, name), name
    elif case == "sdist-plain-tar":
        name = "demo_pkg-1.0.tar.gz"
        write_tar(os.path.join(p, name), {"demo_pkg-1.0/PKG-INFO": META.encode()}, gz=False)
        return os.path.join(p, name), name
    elif case == "sdist-not-tar":
        name = "demo_pkg-1.0.tar.gz"
        open(os.path.join(p, name), "wb").write(b"hello world" * 100)
        return os.path.join(p, name), name
    elif case == "sdist-corrupt-gzip":
        name = "demo_pkg-1.0.tar.gz"
        write_tar(os.path.join(p, name), {"demo_pkg-1.0/PKG-INFO": META.encode()})
        data = bytearray(open(os.path.join(p, name), "rb").read())
        data[20:40] = b"\xff" * 20
        open(os.path.join(p, name), "wb").write(bytes(data))
        return os.path.join(p, name), name
    elif case == "sdist-unnormalized":
        name = "Demo.Pkg-1.0.tar.gz"
        write_tar(os.path.join(p, name), {"Demo.Pkg-1.0/PKG-INFO": META.encode(), "Demo.Pkg-1.0/setup.py": b""})
        return os.path.join(p, name), name
    elif case == "sdist-zip":
        name = "demo_pkg-1.0.zip"
        write_zip(os.path.join(p, name), {"demo_pkg-1.0/PKG-INFO": META.encode(), "demo_pkg-1.0/setup.py": b""})
        return os.path.join(p, name), name
    else:
        raise SystemExit(f"unknown case {case}")
    return os.path.join(p, whl), whl


json.dump([dict(zip(("path", "filename"), build(c["case"], c["out_dir"]))) for c in json.load(sys.stdin)], sys.stdout)
