// IT slim-bad-pattern: an <excludes> item with too many parts (a:b:c:d:e) fails the build and names <excludes>
def log = new File(basedir, 'build.log').text
def bizJar = new File(basedir, 'target/slim-bad-pattern-1.0.0-ark-biz.jar')
assert log.contains('BUILD FAILURE')
assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
assert log.contains('arkpack failed (exit 4): invalid <excludes>: `a:b:c:d:e`: has 5 parts; write groupId:artifactId[:version[:classifier]]')
return true
