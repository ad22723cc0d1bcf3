// IT slim-bad-rules-line: a malformed line in conf/ark/rules.txt fails the build and names the file and line
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectFailure('arkpack failed (exit 4): conf/ark/rules.txt line 3: `excludes dev.arkpack.it:lib-b` is not `key=value`; keys are excludes, excludeGroupIds, excludeArtifactIds, includes, includeGroupIds, includeArtifactIds')
return true
