# What a team writes without the plugin (the seed's setup_tables.py): create each Health Assistant table,
# PAY_PER_REQUEST and tagged, and wait for it with boto3's table_exists waiter polling every second.
# No TTL: the benchmark runs it on dynalite, which has no UpdateTimeToLive.
# Usage: python3 create_tables.py ENDPOINT TABLE_NAME_PREFIX
import sys

import boto3

endpoint, prefix = sys.argv[1], sys.argv[2]
client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="benchmark", aws_secret_access_key="benchmark")
tags = [{"Key": "Application", "Value": "HealthAssistantAPI"}, {"Key": "Environment", "Value": "test"}]
tables = [
    {
        "TableName": "doctores",
        "KeySchema": [{"AttributeName": "doctor_id", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "doctor_id", "AttributeType": "S"},
                                 {"AttributeName": "especialidad", "AttributeType": "S"}],
        "GlobalSecondaryIndexes": [{
            "IndexName": "especialidad-index",
            "KeySchema": [{"AttributeName": "especialidad", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"},
        }],
    },
    {
        "TableName": "horarios_doctores",
        "KeySchema": [{"AttributeName": "doctor_id", "KeyType": "HASH"},
                      {"AttributeName": "fecha_hora", "KeyType": "RANGE"}],
        "AttributeDefinitions": [{"AttributeName": "doctor_id", "AttributeType": "S"},
                                 {"AttributeName": "fecha_hora", "AttributeType": "S"}],
    },
    {
        "TableName": "user_sessions",
        "KeySchema": [{"AttributeName": "user_id", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "user_id", "AttributeType": "S"}],
    },
]
waiter = client.get_waiter("table_exists")
for table in tables:
    name = prefix + table["TableName"]
    client.create_table(**dict(table, TableName=name), BillingMode="PAY_PER_REQUEST", Tags=tags)
    waiter.wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 120})
print("created", len(tables), "tables")
