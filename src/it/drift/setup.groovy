import io.github.dynamosetup.testing.ItScripts

// made by hand: user_sessions without TTL and without the declared tag; doctores with another key
ItScripts.createTable(endpoint, 'us-east-1', 'drift-user_sessions', 'user_id')
ItScripts.createTable(endpoint, 'us-east-1', 'drift-doctores', 'id')
true
