#!/bin/sh
# what a credential_process prints (AWS CLI "Sourcing credentials with an external process"): temporary keys
printf '%s\n' '{"Version": 1, "AccessKeyId": "ASIAITPROCESSTEST01", "SecretAccessKey": "procSecret-NEVER-IN-THE-LOG-4c1d", "SessionToken": "procToken-NEVER-IN-THE-LOG-e83a", "Expiration": "2099-01-01T00:00:00Z"}'
