// IT slim-why-no-report: goal why before any package: a clear failure
def log = new File(basedir, 'build.log').text
def bizJar = new File(basedir, 'target/slim-why-no-report-1.0.0-ark-biz.jar')
assert log.contains('BUILD FAILURE')
assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
assert log.contains('arkpack: no slimming report at ')
assert log.contains('run mvn package first')
return true
