#!/usr/bin/env python3
"""Uploads the built console to a deployed Waymark stack and writes its config.json.

After `sam deploy`: reads the stack's outputs (the console bucket and distribution, the Cognito
pool ids, the sign-in domain, the API URL), writes config.json from them, uploads console/dist and
config.json to s3://<ConsoleBucketName>/console/, and invalidates /console/* on the distribution.
The bundle itself holds no deployment settings and no credentials: the console reads
config.json at start (docs/console.md#deploying-the-console-and-signing-in).

Usage: scripts/deploy-console.py --stack NAME [--region REGION] [--dist console/dist]
       (`./waymark deploy-console --stack NAME` builds the console first and runs this with the
       tools' Python, which has boto3.) Credentials come from the usual AWS environment.
"""
import argparse
import json
import mimetypes
import os
import re
import sys
import time

import boto3

OUTPUTS = {
    "ApiUrl": "apiUrl",
    "ConsoleUserPoolId": "userPoolId",
    "ConsoleUserPoolClientId": "userPoolClientId",
    "ConsoleIdentityPoolId": "identityPoolId",
    "ConsoleSignInDomain": "signInDomain",
}
PREFIX = "console/"
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".json": "application/json",
         ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml"}


def stack_outputs(cloudformation, stack):
    described = cloudformation.describe_stacks(StackName=stack)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])}


def console_config(outputs, region):
    """config.json's content, from the stack's outputs; names the first output missing."""
    missing = [key for key in list(OUTPUTS) + ["ConsoleBucketName", "ConsoleDistributionId"] if not outputs.get(key)]
    if missing:
        raise SystemExit(f"deploy-console: the stack has no output {missing[0]}: deploy the current template.yaml first")
    config = {"region": region}
    for key, field in OUTPUTS.items():
        config[field] = outputs[key]
    config["apiUrl"] = config["apiUrl"].rstrip("/")
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~/-]*)?", config["apiUrl"]):
        raise SystemExit(f"deploy-console: ApiUrl is not an https URL: {config['apiUrl']}")
    return config


def content_type(name):
    ext = os.path.splitext(name)[1]
    return TYPES.get(ext) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def upload(s3, bucket, dist, config):
    """Every file of dist, then config.json; none cached without revalidation (names carry no hash)."""
    if not os.path.isfile(os.path.join(dist, "index.html")):
        raise SystemExit(f"deploy-console: {dist}/index.html is missing: build the console (console/build.sh)")
    keys = []
    for root, _dirs, files in os.walk(dist):
        for name in sorted(files):
            path = os.path.join(root, name)
            key = PREFIX + os.path.relpath(path, dist).replace(os.sep, "/")
            if key == PREFIX + "config.json":
                continue
            with open(path, "rb") as body:
                s3.put_object(Bucket=bucket, Key=key, Body=body.read(), ContentType=content_type(name),
                              CacheControl="no-cache")
            keys.append(key)
    s3.put_object(Bucket=bucket, Key=PREFIX + "config.json", Body=json.dumps(config, indent=2).encode(),
                  ContentType="application/json", CacheControl="no-cache")
    keys.append(PREFIX + "config.json")
    return keys


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stack", required=True, help="the Waymark stack's name")
    parser.add_argument("--region", help="the stack's region (default: the AWS environment's)")
    parser.add_argument("--dist", default=os.path.join(os.path.dirname(__file__), "..", "console", "dist"))
    args = parser.parse_args(argv)
    session = boto3.session.Session(region_name=args.region or os.environ.get("AWS_REGION"))
    region = session.region_name
    if not region:
        raise SystemExit("deploy-console: no region: pass --region or set AWS_REGION")
    outputs = stack_outputs(session.client("cloudformation"), args.stack)
    config = console_config(outputs, region)
    keys = upload(session.client("s3"), outputs["ConsoleBucketName"], os.path.abspath(args.dist), config)
    session.client("cloudfront").create_invalidation(
        DistributionId=outputs["ConsoleDistributionId"],
        InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/console/*"]},
                           "CallerReference": f"waymark-console-{time.time_ns()}"})
    print(f"deploy-console: {len(keys)} files to s3://{outputs['ConsoleBucketName']}/{PREFIX}; "
          f"/console/* invalidated; the console: {outputs.get('ConsoleUrl', '(no ConsoleUrl output)')}")


if __name__ == "__main__":
    sys.exit(main())
