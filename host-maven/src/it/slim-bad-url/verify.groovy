// IT slim-bad-url: an unreachable <packExcludesUrl> fails the build and names the parameter, the address and the cause
def log = new File(basedir, 'build.log').text
def bizJar = new File(basedir, 'target/slim-bad-url-1.0.0-ark-biz.jar')
assert log.contains('BUILD FAILURE')
assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
assert log.contains('arkpack: cannot read <packExcludesUrl> http://127.0.0.1:9/rules: ConnectException')
return true
