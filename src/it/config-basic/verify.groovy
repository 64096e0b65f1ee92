def log = new File(basedir, 'build.log').text
assert log.contains('service: app')
assert log.contains('absolute_image: registry.example/app:abc123')
assert log.contains('app-web-abc123')
assert log.contains('app-workers-abc123')
assert log.contains('BUILD SUCCESS')
true
