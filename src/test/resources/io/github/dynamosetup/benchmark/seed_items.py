# What a team writes without the plugin: boto3's batch_writer (25 puts a call, unprocessed items resent) over the
# same items the plugin seeds, read from the same plain-JSON file. Times only the writes, as the plugin's row does,
# and writes the milliseconds to OUT_FILE.
# Usage: python3 seed_items.py ENDPOINT TABLE ITEMS_FILE OUT_FILE
import json
import sys
import time
from decimal import Decimal

import boto3

endpoint, table_name, items_file, out_file = sys.argv[1:5]
resource = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="benchmark", aws_secret_access_key="benchmark")
with open(items_file) as f:
    items = json.load(f, parse_float=Decimal)["items"]
table = resource.Table(table_name)
start = time.monotonic()
with table.batch_writer() as batch:
    for item in items:
        batch.put_item(Item=item)
millis = int((time.monotonic() - start) * 1000)
with open(out_file, "w") as f:
    f.write(str(millis))
