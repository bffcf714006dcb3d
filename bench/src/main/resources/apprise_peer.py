"""Apprise as the bench's peer: one Apprise object with T json:// targets on the bench's sink.

Warms up, prints {"phase": "warmed"} and waits for a line on stdin (the bench marks the sink
then), calls notify() in a loop for the measured time and prints one JSON line with the
notifications made, those that failed and the seconds they took. The bench counts the
deliveries at the sink, not here.
"""
import argparse
import json
import sys
import time

import apprise


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sink", required=True, help="the sink's peer URL, http://127.0.0.1:PORT/peer")
    parser.add_argument("--targets", type=int, default=1, help="json:// targets in the one Apprise object")
    parser.add_argument("--seconds", type=float, required=True, help="measured time")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured time before it (at least one notify)")
    args = parser.parse_args()

    base = "json://" + args.sink.split("://", 1)[1]
    notifier = apprise.Apprise()
    for i in range(args.targets):
        # Distinct paths, so each is a target of its own; all land on the sink's peer counter.
        if not notifier.add("%s/%d" % (base, i + 1)):
            sys.exit("apprise refused the target %s/%d" % (base, i + 1))

    def notify(seq):
        return notifier.notify(body="SKU-%d is back in stock" % seq, title="Back in stock")

    begin = time.monotonic()
    seq = 0
    while True:
        notify(seq)
        seq += 1
        if time.monotonic() - begin >= args.warmup:
            break

    print(json.dumps({"phase": "warmed"}), flush=True)
    sys.stdin.readline()

    sent = failed = 0
    begin = time.monotonic()
    end = begin + args.seconds
    while time.monotonic() < end:
        if not notify(seq):
            failed += 1
        sent += 1
        seq += 1
    seconds = time.monotonic() - begin

    print(json.dumps({"phase": "done", "apprise": apprise.__version__, "targets": args.targets,
                      "notifications": sent, "failures": failed, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
