"""segment-analytics-python, pointed at Waymark with its documented `host` setting.

It posts to /v1/batch and sends "userId": null / "anonymousId": null for the id it was not given.
"""
import datetime
import json
import os
import sys

import segment.analytics as analytics

prefix = os.environ.get("WAYMARK_PREFIX", "sdk")
base = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
anon, user = f"{prefix}-anon", f"{prefix}-user"
errors = []


def at(i):
    return base + datetime.timedelta(minutes=i)


def main():
    analytics.write_key = os.environ["WAYMARK_WRITE_KEY"]
    analytics.host = os.environ["WAYMARK_URL"]
    analytics.max_retries = 0
    analytics.on_error = lambda error, batch: errors.append(repr(error))
    sent = []

    def note(message_id, kind, when):
        sent.append({"messageId": message_id, "type": kind,
                     "at": when.isoformat(timespec="milliseconds").replace("+00:00", "Z") if when else None})

    analytics.page(anonymous_id=anon, name="Lease renewal offers", properties={"path": "/lease/renew"},
                   timestamp=at(0), message_id=f"{prefix}-1")
    note(f"{prefix}-1", "page", at(0))
    analytics.track(anonymous_id=anon, event="Configuration Started", properties={"model": "Carvelo e-Tour 60"},
                    timestamp=at(1), message_id=f"{prefix}-2")
    note(f"{prefix}-2", "track", at(1))
    analytics.identify(user, {"firstName": "Ana", "email": f"{prefix}@example.com", "plan": "lease"},
                       anonymous_id=anon, timestamp=at(2), message_id=f"{prefix}-3")
    note(f"{prefix}-3", "identify", at(2))
    analytics.screen(user, name="Offer details", properties={"offer": "renew-36"},
                     timestamp=at(3), message_id=f"{prefix}-4")
    note(f"{prefix}-4", "screen", at(3))
    analytics.group(user, f"{prefix}-acme", {"name": "Acme Fleet", "plan": "enterprise", "employees": 120},
                    timestamp=at(4), message_id=f"{prefix}-5")
    note(f"{prefix}-5", "group", at(4))
    analytics.alias(f"{prefix}-crm", user, timestamp=at(5), message_id=f"{prefix}-6")
    note(f"{prefix}-6", "alias", at(5))
    analytics.track(user, "Test Drive Booked", {"dealer": "Oslo"}, message_id=f"{prefix}-7")
    note(f"{prefix}-7", "track", None)
    analytics.flush()
    analytics.shutdown()
    if errors:
        print("segment-python: errors: " + "; ".join(errors), file=sys.stderr)
        sys.exit(1)
    print(json.dumps({"sent": sent}))


main()
