import io.github.dynamosetup.testing.ItScripts

// made by hand, without a policy
ItScripts.createTable(endpoint, 'us-east-1', 'policy-orders', 'id')
ItScripts.createTable(endpoint, 'us-east-1', 'policy-users', 'id')
true
