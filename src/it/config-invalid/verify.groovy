def log = new File(basedir, 'build.log').text
// every problem at once, each with file:line and Kamal's key path and message
assert log.contains('servers/web: unknown key: host')
assert log.contains('proxy/app_port: should be an integer')
assert log.contains('sshkit/max_concurrent_starts: should be an integer')
assert log =~ /deploy\.yml:8/
// a config error is a failure with a clear message, never a stack trace
assert !log.contains('at org.kamal4j')
assert log.contains('BUILD FAILURE')
true
