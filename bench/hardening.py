#!/usr/bin/env python3
"""Hardening bench (issue 16): each attack against a fresh casehub_server on loopback,
reporting whether the server lived, how much its peak resident memory (VmHWM) grew,
and how it answered. Usage: bench/hardening.py <casehub_server binary> [attack ...]
Attacks: deep_json chunked_login gzip_bomb header_flood slow_headers content_length_minus_one"""
import json, os, shutil, socket, subprocess, sys, tempfile, threading, time, zlib

def rss_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0

class Server:
    def __init__(self, binary):
        self.dir = tempfile.mkdtemp(prefix="casehub-hardening-")
        self.proc = subprocess.Popen([binary, "--port", "0", "--data-dir", self.dir, "--web-root", self.dir,
                                      "--demo-cases", "5", "--jobs-interval-seconds", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in self.proc.stdout:
            if "is running at" in line:
                self.port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
                break
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()
        time.sleep(0.3)
    def alive(self):
        try:
            return self.request("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5).startswith(b"HTTP/1.1 200")
        except OSError:
            return False
    def request(self, data, timeout=30):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        s.sendall(data.encode() if isinstance(data, str) else data)
        out = b""
        try:
            while True:
                b = s.recv(65536)
                if not b: break
                out += b
        except OSError:
            pass
        s.close()
        return out
    def login(self, user="alex"):
        body = json.dumps({"username": user, "password": "casehub-demo"})
        r = self.request(f"POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n{body}")
        return json.loads(r.split(b"\r\n\r\n", 1)[1])["token"]
    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try: self.proc.wait(10)
            except subprocess.TimeoutExpired: self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

def status(resp):
    return resp[:12].decode(errors="replace").split(" ")[1] if resp.startswith(b"HTTP/") else "closed"

def stream(srv, head, chunks):
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=60)
    s.sendall(head.encode())
    try:
        for c in chunks: s.sendall(c)
    except OSError:
        pass
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b: break
            out += b
    except OSError:
        pass
    s.close()
    return out

def deep_json(srv):
    token = srv.login()
    value = "[" * 60000 + "]" * 60000
    body = ('{"client_id":"deep","mutations":[{"id":"00000000-0000-4000-8000-000000000001","client_id":"deep",'
            '"client_seq":1,"name":"record.update","client_time":0,"args":{"entity":"incident","id":"x","fields":{"title":'
            + value + '}}}]}')
    try:
        r = srv.request(f"POST /api/sync/push HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer {token}\r\n"
                        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n{body}")
    except OSError:
        r = b""
    return f"{len(body) // 1024} KiB push nested 60,000 levels: answer {status(r)}"

def chunked_login(srv):
    chunk = b"a" * (1 << 20)
    r = stream(srv, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
               (b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(400)))
    return f"400 MiB chunked sign-in body: answer {status(r)}"

def gzip_bomb(srv):
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    data = b"".join(comp.compress(block) for _ in range(400)) + comp.flush()
    r = srv.request(f"POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    f"Content-Encoding: gzip\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
    return f"{len(data) // 1024} KiB gzip body inflating to 400 MiB: answer {status(r)}"

def header_flood(srv):
    lines = (b"".join(b"X-Filler-%d: y\r\n" % (i + j) for j in range(1000)) for i in range(0, 200000, 1000))
    r = stream(srv, "GET /health HTTP/1.1\r\nHost: x\r\n", lines)
    return f"200,000 header lines: answer {status(r)}"

def slow_headers(srv):
    socks = []
    for _ in range(32):
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        socks.append(s)
    time.sleep(0.5)
    times, failed = [], 0
    for _ in range(20):
        t0 = time.monotonic()
        ok = False
        try:
            ok = srv.request("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10).startswith(b"HTTP/1.1 200")
        except OSError:
            pass
        if not ok: failed += 1
        times.append((time.monotonic() - t0) * 1000)
    for s in socks: s.close()
    times.sort()
    return f"32 slow-header clients: 20 healthy requests, {failed} failed, median {times[10]:.0f} ms, max {times[-1]:.0f} ms"

def content_length_minus_one(srv):
    t0 = time.monotonic()
    r = srv.request("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 60)
    return f"Content-Length -1: answer {status(r)} after {time.monotonic() - t0:.1f} s"

ATTACKS = [deep_json, chunked_login, gzip_bomb, header_flood, slow_headers, content_length_minus_one]

def main():
    binary = sys.argv[1]
    chosen = [a for a in ATTACKS if len(sys.argv) < 3 or a.__name__ in sys.argv[2:]]
    for attack in chosen:
        srv = Server(binary)
        try:
            before = rss_kib(srv.proc.pid, "VmHWM")  # the peak so far (start-up hashes the demo passwords)
            what = attack(srv)
            time.sleep(0.2)
            lived = srv.proc.poll() is None and srv.alive()
            peak = rss_kib(srv.proc.pid, "VmHWM") if srv.proc.poll() is None else 0
            grew = f"{(peak - before) // 1024} MiB" if peak else "n/a"
            print(f"{attack.__name__:26} {what}; server {'alive' if lived else 'DEAD (exit ' + str(srv.proc.poll()) + ')'}; "
                  f"resident memory +{grew}", flush=True)
        finally:
            srv.stop()

if __name__ == "__main__":
    main()
