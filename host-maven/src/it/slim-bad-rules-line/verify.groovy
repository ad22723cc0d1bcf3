// IT slim-bad-rules-line: a malformed line in conf/ark/rules.txt fails the build and names the file and line
def log = new File(basedir, 'build.log').text
def bizJar = new File(basedir, 'target/slim-bad-rules-line-1.0.0-ark-biz.jar')
assert log.contains('BUILD FAILURE')
assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
assert log.contains('arkpack failed (exit 4): conf/ark/rules.txt line 3: `excludes dev.arkpack.it:lib-b` is not `key=value`; keys are excludes, excludeGroupIds, excludeArtifactIds, includes, includeGroupIds, includeArtifactIds')
return true
