import io.github.dynamosetup.testing.ItScripts

// a table made by hand before the build: force must refuse it and still create the other two
ItScripts.createTable(endpoint, 'us-east-1', 'force-doctores', 'doctor_id')
true
