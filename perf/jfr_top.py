#!/usr/bin/env python3
"""Summarises a JFR recording of the server under load (perf/load.sh --jfr): where the CPU samples
fall (self and inclusive, by component), and which locks threads waited on.
  python3 perf/jfr_top.py perf/results/<run>/switchboard-200/server.jfr"""
import collections
import re
import subprocess
import sys

COMPONENTS = [("dev.switchboard.sip", "switchboard sip"), ("dev.switchboard.rar", "switchboard rar"),
              ("dev.switchboard.core", "switchboard core"), ("dev.switchboard.samples", "sample MDBs"),
              ("gov.nist", "jain-sip"), ("com.arjuna", "Narayana (JTA)"), ("org.h2", "H2 (ledger)"),
              ("org.hibernate", "Hibernate (ledger)"), ("org.apache.activemq", "Artemis (JMS)"),
              ("org.jboss.jca", "IronJacamar"), ("org.jboss.as.ejb3", "EJB container"),
              ("org.jboss.weld", "Weld"), ("org.jboss.logmanager", "logging"), ("org.jboss.threads", "JBoss threads")]


# what a sample was doing: the first of these found on its stack (needs the deep stacks that
# load.sh --jfr records): which application's delivery, the ledger, SIP, media
ACTIVITIES = [("dev.switchboard.samples.AuditMonitor.onCallEvent", "audit monitor's deliveries"),
              ("dev.switchboard.samples.VoiceApplication.onCallEvent", "voice application's deliveries"),
              ("dev.switchboard.samples.FaxApplication.onCallEvent", "fax application's deliveries"),
              ("dev.switchboard.rar.inbound.InboundActivation.deliverOnce", "delivery path outside the MDB"),
              ("dev.switchboard.sip.provider", "SIP provider (outside deliveries)"),
              ("gov.nist", "jain-sip (outside the provider)"),
              ("dev.switchboard.sip.media", "media engine"),
              ("org.apache.activemq", "Artemis threads"),
              ("org.h2", "H2 threads")]
NESTED = [("dev.switchboard.samples.ledger.HandoffLedger.handoffAndRecord", "the ledger's XA handoff"),
          ("dev.switchboard.samples.OutcomeAudit", "the outcome audit's JMS publish"),
          ("org.jboss.logmanager", "logging"),
          ("beforeDelivery", "beforeDelivery (transaction begin)"),
          ("afterDelivery", "afterDelivery (transaction completion)"),
          ("jakarta.jms.JMSProducer.send", "JMS send"),
          ("org.jboss.as.ejb3.inflow.MessageEndpointInvocationHandler.doInvoke", "MDB invocation")]


def events(path, name):
    out = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", name, path], capture_output=True, text=True, check=True).stdout
    return out.split(name + " {")[1:]


def frames(event):
    return re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)


def main(path):
    samples = events(path, "jdk.ExecutionSample")
    self_top, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
    for e in samples:
        f = frames(e)
        m = re.search(r'sampledThread = "([^"]*)"', e)
        threads[re.sub(r"\d+", "N", m.group(1)) if m else "?"] += 1
        if f:
            self_top[f[0]] += 1
        for prefix, label in COMPONENTS:
            if any(x.startswith(prefix) for x in f):
                inclusive[label] += 1
    n = max(1, len(samples))
    activity, nested = collections.Counter(), collections.Counter()
    for e in samples:
        f = frames(e)
        found = next((label for prefix, label in ACTIVITIES if any(x.startswith(prefix) for x in f)), None)
        activity[found or "other"] += 1
        for prefix, label in NESTED:
            if any(prefix in x for x in f):
                nested[label] += 1
    print(f"{len(samples)} CPU samples")
    print("\nactivities (the first of the list in jfr_top.py on the stack):")
    for t, c in activity.most_common():
        print(f"  {100 * c / n:5.1f} %  {t}")
    print("\nwithin them (inclusive):")
    for t, c in nested.most_common():
        print(f"  {100 * c / n:5.1f} %  {t}")
    print("\nthreads:")
    for t, c in threads.most_common(8):
        print(f"  {100 * c / n:5.1f} %  {t}")
    print("\ninclusive, by component (a sample counts for every component on its stack):")
    for t, c in inclusive.most_common():
        print(f"  {100 * c / n:5.1f} %  {t}")
    print("\nself (top frame):")
    for t, c in self_top.most_common(15):
        print(f"  {100 * c / n:5.1f} %  {t}")
    blocked = collections.Counter()
    for e in events(path, "jdk.JavaMonitorEnter"):
        m = re.search(r"monitorClass = ([\w.$]+)", e)
        f = [x for x in frames(e) if not x.startswith("java.")][:1]
        blocked[(m.group(1) if m else "?", f[0] if f else "?")] += 1
    gcs = events(path, "jdk.GarbageCollection")
    pause = sum(float(m.group(1)) for e in gcs for m in [re.search(r"sumOfPauses = ([\d.]+) ms", e)] if m)
    print(f"\ngarbage collections: {len(gcs)}, pauses {pause:.0f} ms in all")
    print("\nmonitor waits over 20 ms (class, first non-JDK frame):")
    for (cls, where), c in blocked.most_common(10):
        print(f"  {c:5d}  {cls}  at {where}")


if __name__ == "__main__":
    main(sys.argv[1])
