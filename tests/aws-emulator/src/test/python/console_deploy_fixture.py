"""moto set-up and inspection for ConsoleDeployOnMotoIT (scripts/deploy-console.py against moto)
and ConsoleIdentityPoolOnMotoIT (the console's identity-pool exchange against moto).

  setup <stack>    a stack whose outputs are those template.yaml gives (the console bucket a real
                   bucket of the stack, the distribution a real distribution); prints its ids
  inspect <bucket> <distribution>
                   prints the bucket's console/ objects (type, cache-control; config.json's body)
                   and the distribution's invalidation paths, as JSON
  cognito          a user pool, its app client, a signed-in user and an identity pool trusting
                   the pool; prints the console's config for them and the user's id token
The endpoint and credentials come from the environment (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID ...).
"""
import json
import sys

import boto3

REGION = "us-east-1"


def setup(stack):
    cloudfront = boto3.client("cloudfront", region_name=REGION)
    distribution = cloudfront.create_distribution(DistributionConfig={
        "CallerReference": stack, "Comment": "console", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "console-bucket", "DomainName": "console.s3.amazonaws.com",
                                              "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "console-bucket", "ViewerProtocolPolicy": "redirect-to-https",
                                 "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
    })["Distribution"]
    template = {
        "Resources": {"ConsoleBucket": {"Type": "AWS::S3::Bucket"}},
        "Outputs": {
            "ApiUrl": {"Value": "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/"},
            "ConsoleBucketName": {"Value": {"Ref": "ConsoleBucket"}},
            "ConsoleDistributionId": {"Value": distribution["Id"]},
            "ConsoleUrl": {"Value": f"https://{distribution['DomainName']}/console/"},
            "ConsoleUserPoolId": {"Value": "us-east-1_AbCdEfGhI"},
            "ConsoleUserPoolClientId": {"Value": "1example23456789abcdefghij"},
            "ConsoleIdentityPoolId": {"Value": "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"},
            "ConsoleSignInDomain": {"Value": "waymark-test.auth.us-east-1.amazoncognito.com"},
        },
    }
    cloudformation = boto3.client("cloudformation", region_name=REGION)
    cloudformation.create_stack(StackName=stack, TemplateBody=json.dumps(template))
    outputs = {o["OutputKey"]: o["OutputValue"]
               for o in cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["Outputs"]}
    print(json.dumps({"bucket": outputs["ConsoleBucketName"], "distribution": distribution["Id"]}))


def inspect(bucket, distribution):
    s3 = boto3.client("s3", region_name=REGION)
    objects = {}
    for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
        head = s3.get_object(Bucket=bucket, Key=item["Key"])
        entry = {"type": head["ContentType"], "cacheControl": head.get("CacheControl")}
        if item["Key"].endswith("config.json"):
            entry["body"] = json.loads(head["Body"].read())
        objects[item["Key"]] = entry
    cloudfront = boto3.client("cloudfront", region_name=REGION)
    paths = []
    for summary in cloudfront.list_invalidations(DistributionId=distribution)["InvalidationList"].get("Items", []):
        got = cloudfront.get_invalidation(DistributionId=distribution, Id=summary["Id"])
        paths += got["Invalidation"]["InvalidationBatch"]["Paths"]["Items"]
    print(json.dumps({"objects": objects, "invalidated": paths}))


def cognito():
    idp = boto3.client("cognito-idp", region_name=REGION)
    pool = idp.create_user_pool(PoolName="console", UsernameAttributes=["email"])["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="waymark-console",
                                         ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH",
                                                            "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
    user, password = "operator@example.com", "Correct-Horse-Battery-9"
    idp.admin_create_user(UserPoolId=pool, Username=user, MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username=user, Password=password, Permanent=True)
    tokens = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": user, "PASSWORD": password})["AuthenticationResult"]
    identity = boto3.client("cognito-identity", region_name=REGION).create_identity_pool(
        IdentityPoolName="console", AllowUnauthenticatedIdentities=False,
        CognitoIdentityProviders=[{"ProviderName": f"cognito-idp.{REGION}.amazonaws.com/{pool}",
                                   "ClientId": client, "ServerSideTokenCheck": True}])["IdentityPoolId"]
    print(json.dumps({"config": {"region": REGION, "apiUrl": "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
                                 "userPoolId": pool, "userPoolClientId": client, "identityPoolId": identity,
                                 "signInDomain": "waymark-test.auth.us-east-1.amazoncognito.com"},
                      "idToken": tokens["IdToken"]}))


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(sys.argv[2])
    elif sys.argv[1] == "cognito":
        cognito()
    else:
        inspect(sys.argv[2], sys.argv[3])
