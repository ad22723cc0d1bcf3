// IT slim-bad-rules-key: an unknown key in conf/ark/rules.txt fails the build and names the file, line and key
def log = new File(basedir, 'build.log').text
def bizJar = new File(basedir, 'target/slim-bad-rules-key-1.0.0-ark-biz.jar')
assert log.contains('BUILD FAILURE')
assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
assert log.contains('arkpack failed (exit 4): conf/ark/rules.txt line 2: unknown key `excludeGroupID` (no spaces around `=`)')
return true
