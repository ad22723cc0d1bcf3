// IT slim-bad-yml: a malformed conf/ark/bootstrap.yml fails the build and names the file and line
def log = new File(basedir, 'build.log').text
def bizJar = new File(basedir, 'target/slim-bad-yml-1.0.0-ark-biz.jar')
assert log.contains('BUILD FAILURE')
assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
assert log.contains('arkpack failed (exit 4): conf/ark/bootstrap.yml line 4: is not valid YAML: ')
return true
