#!/usr/bin/env python3
"""The load harness's arithmetic (perf/load.sh calls it): one CSV row per SIPp run from SIPp's
statistics file (-trace_stat), response-time file (-trace_rtt) and error log (-trace_err); a table
of a results.csv; and the smoke test's verdict."""
import argparse
import csv
import glob
import math
import os
import re
import sys

COLUMNS = ["scenario", "target", "rate", "calls", "created", "achieved_cps", "successful", "failed",
           "failed_by_cause", "retransmissions", "p50_ms", "p90_ms", "p99_ms", "max_ms", "cpu_pct", "heap_mb",
           "event_to_handler_p50_us", "event_to_handler_p99_us", "handoff_nonxa_p99_us", "handoff_xa_p99_us",
           "answer_to_200_p50_us", "answer_to_200_p99_us", "adapter_latencies",
           # the held and rtp scenarios (calls up at once): calls the provider held, the server's live
           # heap (after a full GC) before the calls and with them all up, the difference per call, and
           # UDP datagrams a second sent on the machine (RTP both ways, plus whatever else runs)
           "held_calls", "heap_before_mb", "heap_held_mb", "heap_per_call_kb", "udp_out_per_s",
           # the adapter's part of event→MDB: from when the event could go (the application's previous
           # event of the call handled) to the handler; added last, so older results.csv files still line up
           "ready_to_handler_p99_us"]
# new columns go at the end: perf/plot-latency.gp reads columns by number


def percentile(values, p):
    """Nearest-rank percentile, as HdrHistogram and SIPp's repartition read it."""
    if not values:
        return ""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def one(pattern):
    found = glob.glob(pattern)
    return found[0] if found else None


def stats(directory):
    path = one(os.path.join(directory, "*_.csv"))
    if path is None:
        return None, []
    with open(path, encoding="latin-1") as f:
        rows = [line.rstrip("\n").split(";") for line in f if line.strip()]
    header = rows[0]
    return header, [dict(zip(header, r)) for r in rows[1:]]


def epoch(row):
    return float(row["CurrentTime"].split("\t")[-1])


def achieved_rate(rows):
    """Calls created per second, until the last call was created (the tail of calls ending is not offered load)."""
    final = int(rows[-1]["TotalCallCreated"])
    if final == 0:
        return 0.0
    t0 = epoch(rows[0])
    for prev, row in zip(rows, rows[1:]):
        created = int(row["TotalCallCreated"])
        if created >= final:
            before = int(prev["TotalCallCreated"])
            frac = (final - before) / max(1, created - before)
            elapsed = epoch(prev) - t0 + frac * (epoch(row) - epoch(prev))
            return final / elapsed if elapsed > 0 else float(final)
    return 0.0


def failure_causes(directory, last):
    causes = {}
    for key, value in last.items():
        if key.startswith("Failed") and key.endswith("(C)") and key != "FailedCall(C)" and value not in ("", "0"):
            causes[key[len("Failed"):-3]] = int(value)
    # the status codes of unexpected answers (a 503 from sipMaxCalls, say), from SIPp's error log
    err = one(os.path.join(directory, "*_errors.log"))
    if err:
        with open(err, encoding="latin-1") as f:
            for code in re.findall(r"SIP/2\.0 (\d{3})", f.read()):
                if not code.startswith("1") and code != "200":
                    causes["status " + code] = causes.get("status " + code, 0) + 1
    return " ".join(f"{k}={v}" for k, v in sorted(causes.items()))


def response_times(directory):
    path = one(os.path.join(directory, "*_rtt.csv"))
    values = []
    if path:
        with open(path) as f:
            for line in f:
                parts = line.strip().split(";")
                if len(parts) >= 3 and parts[2] == "1":
                    values.append(float(parts[1]))
    return values


def adapter(path):
    figures = {}
    if path and os.path.exists(path):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 6:
                    figures[parts[0]] = parts[1:]
    return figures


def row(a):
    header, rows = stats(a.dir)
    out = {c: "" for c in COLUMNS}
    out.update(scenario=a.scenario, target=a.target, rate=a.rate, calls=a.calls, cpu_pct=a.cpu, heap_mb=a.heap)
    if a.held:
        held = int(a.held)
        before, with_calls = int(a.heap_before_kb), int(a.heap_held_kb)
        out.update(held_calls=held, heap_before_mb=f"{before / 1024:.0f}", heap_held_mb=f"{with_calls / 1024:.0f}",
                   heap_per_call_kb=f"{(with_calls - before) / held:.1f}" if held else "", udp_out_per_s=a.udp_out)
    if rows:
        last = rows[-1]
        created = int(last["TotalCallCreated"])
        successful = int(last["SuccessfulCall(C)"])
        failed = int(last["FailedCall(C)"])
        # calls SIPp never got to finish before its -timeout count as failed too
        unfinished = a.calls - successful - failed
        causes = failure_causes(a.dir, last)
        if unfinished > 0:
            causes = (causes + f" unfinished={unfinished}").strip()
        out.update(created=created, achieved_cps=f"{achieved_rate(rows):.1f}", successful=successful,
                   failed=failed + max(0, unfinished), failed_by_cause=causes,
                   retransmissions=last.get("Retransmissions(C)", ""))
    else:
        out.update(failed=a.calls, failed_by_cause=f"no SIPp statistics (exit {a.sipp_rc})")
    rt = response_times(a.dir)
    out.update(p50_ms=percentile(rt, 50), p90_ms=percentile(rt, 90), p99_ms=percentile(rt, 99),
               max_ms=max(rt) if rt else "")
    lat = adapter(a.latencies)
    if lat:
        out.update(event_to_handler_p50_us=lat.get("eventToHandler", [""] * 5)[1],
                   event_to_handler_p99_us=lat.get("eventToHandler", [""] * 5)[3],
                   ready_to_handler_p99_us=lat.get("readyToHandler", [""] * 5)[3],
                   handoff_nonxa_p99_us=lat.get("handoffNonXa", [""] * 5)[3],
                   handoff_xa_p99_us=lat.get("handoffXa", [""] * 5)[3],
                   answer_to_200_p50_us=lat.get("answerTo200", [""] * 5)[1],
                   answer_to_200_p99_us=lat.get("answerTo200", [""] * 5)[3],
                   adapter_latencies=" ".join(f"{k}:n={v[0]},p50={v[1]},p90={v[2]},p99={v[3]},max={v[4]}"
                                              for k, v in lat.items()))
    csv.DictWriter(sys.stdout, COLUMNS).writerow(out)


def table(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    if any(r.get("held_calls") for r in rows):
        concurrent_table(rows)
        return
    shown = [("target", "target"), ("rate", "offered/s"), ("achieved_cps", "achieved/s"), ("failed", "failed"),
             ("failed_by_cause", "causes"), ("p50_ms", "p50 ms"), ("p90_ms", "p90 ms"), ("p99_ms", "p99 ms"),
             ("max_ms", "max ms"), ("retransmissions", "retrans"), ("cpu_pct", "CPU %"), ("heap_mb", "heap MB"),
             ("event_to_handler_p99_us", "event→MDB p99 µs"), ("ready_to_handler_p99_us", "ready→MDB p99 µs"),
             ("handoff_nonxa_p99_us", "handoff p99 µs"),
             ("handoff_xa_p99_us", "XA handoff p99 µs"), ("answer_to_200_p99_us", "answer→200 p99 µs")]
    print("| " + " | ".join(h for _, h in shown) + " |")
    print("|" + "---|" * len(shown))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) or "–" for k, _ in shown) + " |")


def concurrent_table(rows):
    shown = [("scenario", "scenario"), ("calls", "calls"), ("rate", "ramp/s"), ("held_calls", "held at once"),
             ("failed", "failed"), ("failed_by_cause", "causes"), ("p50_ms", "p50 ms"), ("p99_ms", "p99 ms"),
             ("max_ms", "max ms"), ("retransmissions", "retrans"), ("cpu_pct", "CPU % (held)"),
             ("heap_before_mb", "live heap before MB"), ("heap_held_mb", "live heap held MB"),
             ("heap_per_call_kb", "heap per call KB"), ("udp_out_per_s", "UDP sent/s")]
    print("| " + " | ".join(h for _, h in shown) + " |")
    print("|" + "---|" * len(shown))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) or "–" for k, _ in shown) + " |")


def check(path):
    """The smoke test: every Switchboard run completed all its calls, and the adapter timed them."""
    with open(path) as f:
        rows = [r for r in csv.DictReader(f) if r["target"] == "switchboard"]
    problems = []
    for r in rows:
        if r["failed"] != "0" or r["successful"] != r["calls"]:
            problems.append(f"{r['rate']}/s: {r['successful'] or 0} of {r['calls']} calls succeeded, "
                            f"{r['failed']} failed ({r['failed_by_cause']})")
        if "eventToHandler:n=0" in r["adapter_latencies"] or not r["adapter_latencies"]:
            problems.append(f"{r['rate']}/s: the adapter's latency histograms are empty: {r['adapter_latencies']!r}")
        handoffs = sum(int(n) for n in re.findall(r"handoff(?:Xa|NonXa):n=(\d+)", r["adapter_latencies"]))
        if r["scenario"] == "voice_handoff" and handoffs < int(r["calls"]):
            problems.append(f"{r['rate']}/s: {handoffs} handoffs timed by the adapter for {r['calls']} calls "
                            "that each pressed 9: the handoff path is broken")
    if not rows:
        problems.append("no Switchboard run in " + path)
    for p in problems:
        print("perf smoke FAILED: " + p, file=sys.stderr)
    sys.exit(1 if problems else 0)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("header")
    r = sub.add_parser("row")
    for name in ("dir", "target", "scenario", "latencies", "cpu", "heap", "held", "heap-before-kb", "heap-held-kb",
                 "udp-out"):
        r.add_argument("--" + name, default="")
    for name in ("rate", "calls", "call-ms", "sipp-rc"):
        r.add_argument("--" + name, type=int, default=0)
    t = sub.add_parser("table")
    t.add_argument("csv")
    c = sub.add_parser("check")
    c.add_argument("csv")
    a = p.parse_args()
    if a.cmd == "header":
        csv.writer(sys.stdout).writerow(COLUMNS)
    elif a.cmd == "row":
        row(a)
    elif a.cmd == "table":
        table(a.csv)
    else:
        check(a.csv)


if __name__ == "__main__":
    main()
